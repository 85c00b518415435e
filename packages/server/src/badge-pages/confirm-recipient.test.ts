import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIdentityObject } from '@akashi/core';
import { forEachDatabase } from '../db/for-each-database.js';
import {
  confirmRecipient,
  credentialNamesRecipient,
  RECIPIENT_CHECKS_PER_AWARD,
  RECIPIENT_CHECKS_PER_CLIENT,
} from './confirm-recipient.js';

const SALT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

const credentialFor = (email: string): Record<string, unknown> => ({
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [buildIdentityObject({ email, salt: SALT })],
  },
});

const award = (id: string) => ({ id, credential: credentialFor('hanako@example.ac.jp') });

describe('confirmRecipient', () => {
  forEachDatabase('matches the normalised address and tells a wrong one', async (db) => {
    const now = new Date('2025-04-01T00:00:00Z');
    const input = { award: award('a1'), client: '192.0.2.1', now };
    const match = await confirmRecipient(db, { ...input, email: '　Hanako@EXAMPLE.ac.jp ' });
    assert.deepEqual(match, { kind: 'match', email: 'Hanako@EXAMPLE.ac.jp' });
    const miss = await confirmRecipient(db, { ...input, email: 'taro@example.ac.jp' });
    assert.equal(miss.kind, 'no-match');
    for (const email of ['', '   ', 'no-at-sign', `${'a'.repeat(320)}@x.jp`]) {
      const refused = await confirmRecipient(db, { ...input, email });
      assert.equal(
        refused.kind === 'refused' && refused.error.code,
        'ERR_BADGE_PAGE_INVALID_EMAIL',
      );
    }
  });

  forEachDatabase('limits the checks of one client, then those of one award', async (db) => {
    const now = new Date('2025-04-01T00:00:00Z');
    const check = (client: string, id = 'a2') =>
      confirmRecipient(db, { award: award(id), email: 'x@example.ac.jp', client, now });
    for (let i = 0; i < RECIPIENT_CHECKS_PER_CLIENT.limit; i += 1) {
      assert.equal((await check('192.0.2.2')).kind, 'no-match');
    }
    const limited = await check('192.0.2.2');
    assert.ok(limited.kind === 'refused');
    assert.equal(limited.error.code, 'ERR_BADGE_PAGE_TOO_MANY_CHECKS');
    assert.equal(limited.error.status, 429);
    assert.ok((limited.retryAfterSeconds ?? 0) > 0);
    // Another badge is another count for the award, but the same client count.
    assert.equal((await check('192.0.2.2', 'a3')).kind, 'refused');
    // Many clients against one badge: the award's own limit stops them.
    let allowed = 0;
    for (let i = 0; i < RECIPIENT_CHECKS_PER_AWARD.limit + 5; i += 1) {
      if ((await check(`198.51.100.${i}`, 'a4')).kind !== 'refused') allowed += 1;
    }
    assert.equal(allowed, RECIPIENT_CHECKS_PER_AWARD.limit);
  });
});

describe('credentialNamesRecipient', () => {
  it('never throws on a malformed credential', () => {
    for (const credential of [
      {},
      { credentialSubject: null },
      { credentialSubject: [{ identifier: 'x' }, { identifier: [null, 1, { hashed: 'yes' }] }] },
    ]) {
      assert.equal(credentialNamesRecipient(credential, 'hanako@example.ac.jp'), false);
    }
    assert.equal(
      credentialNamesRecipient(
        { credentialSubject: [{}, credentialFor('hanako@example.ac.jp').credentialSubject] },
        'hanako@example.ac.jp',
      ),
      true,
    );
  });
});
