import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe } from 'node:test';
import { hashIdentity } from '@akashi/core';
import { forEachDatabase } from '../db/for-each-database.js';
import { startClaimTestWorld } from './wallet-claim-test-world.js';
import { syncAwardsIntoWallet } from './sync-awards.js';

describe('matching awards to verified addresses', () => {
  forEachDatabase(
    'brings in awards to the confirmed addresses, case-insensitively, and nothing else',
    async (db) => {
      const t = await startClaimTestWorld(db);
      try {
        const { context } = t.world;
        const learner = await t.learner({ email: 'taro@example.ac.jp' });
        const typed = await t.issue('Taro@Example.ac.jp', { notify: false });
        const exact = await t.issue('taro@example.ac.jp', { notify: false });
        await t.issue('someone.else@example.ac.jp', { notify: false });
        const toPrivate = await t.issue('Taro.Private@Example.jp', { notify: false });
        const toPending = await t.issue('pending@example.jp', { notify: false });
        const now = new Date().toISOString();
        await db.kysely
          .insertInto('user_emails')
          .values([
            {
              id: randomUUID(),
              user_id: learner.id,
              email: 'taro.private@example.jp',
              verified_at: now,
              created_at: now,
            },
            {
              id: randomUUID(),
              user_id: learner.id,
              email: 'pending@example.jp',
              verified_at: null,
              created_at: now,
            },
          ])
          .execute();

        assert.equal(await syncAwardsIntoWallet(context, learner.id), 3);
        assert.equal(await syncAwardsIntoWallet(context, learner.id), 0, 'nothing twice');
        const rows = await db.kysely
          .selectFrom('wallet_credentials')
          .selectAll()
          .where('user_id', '=', learner.id)
          .execute();
        assert.deepEqual(rows.map((row) => row.award_id).sort(), [typed, exact, toPrivate].sort());
        assert.ok(!rows.some((row) => row.award_id === toPending), 'unconfirmed: not matched');
        for (const row of rows) {
          assert.equal(row.origin, 'award');
          assert.equal(row.status, 'valid');
          assert.equal(row.verdict, null, 'the re-check verifies it');
          assert.ok(row.next_check_at <= new Date().toISOString());
          assert.equal(row.visibility, 'private');
          assert.equal(row.achievement_name, '情報リテラシー');
        }

        // An account whose own address is not confirmed matches nothing by it.
        const unconfirmed = await t.learner({ email: 'hanako@example.ac.jp' });
        await db.kysely
          .updateTable('users')
          .set({ email_verified_at: null })
          .where('id', '=', unconfirmed.id)
          .execute();
        await t.issue('hanako@example.ac.jp', { notify: false });
        assert.equal(await syncAwardsIntoWallet(context, unconfirmed.id), 0);
      } finally {
        await t.close();
      }
    },
  );

  forEachDatabase(
    'skips a tampered identity hash, awards in another wallet and awards the learner removed',
    async (db) => {
      const t = await startClaimTestWorld(db);
      try {
        const { context } = t.world;
        const learner = await t.learner({ email: 'jiro@example.ac.jp' });
        const tampered = await t.issue('jiro@example.ac.jp', { notify: false });
        await db.kysely
          .updateTable('awards')
          .set({ recipient_identity: hashIdentity('someone@example.ac.jp', 'salt') })
          .where('id', '=', tampered)
          .execute();
        const claimedByOther = await t.issue('jiro@example.ac.jp');
        const other = await t.learner();
        const link = await t.claimLink(claimedByOther);
        const claim = await t.call('POST', '/api/v1/wallet/claims', other.headers, {
          awardId: claimedByOther,
          token: link.searchParams.get('token'),
        });
        assert.equal(claim.statusCode, 201, claim.body);
        const removed = await t.issue('jiro@example.ac.jp', { notify: false });

        assert.equal(await syncAwardsIntoWallet(context, learner.id), 1);
        await db.kysely
          .updateTable('wallet_credentials')
          .set({ removed_at: new Date().toISOString() })
          .where('award_id', '=', removed)
          .execute();
        assert.equal(await syncAwardsIntoWallet(context, learner.id), 0, 'removed stays removed');
        const mine = await db.kysely
          .selectFrom('wallet_credentials')
          .select(['award_id', 'removed_at'])
          .where('user_id', '=', learner.id)
          .execute();
        assert.equal(mine.length, 1);
        const [row] = mine;
        assert.ok(row !== undefined);
        assert.equal(row.award_id, removed);
        assert.notEqual(row.removed_at, null);
      } finally {
        await t.close();
      }
    },
  );

  forEachDatabase('concurrent matching never adds a badge twice', async (db) => {
    const t = await startClaimTestWorld(db);
    try {
      const learner = await t.learner({ email: 'saburo@example.ac.jp' });
      for (let i = 0; i < 6; i += 1) await t.issue('Saburo@example.ac.jp', { notify: false });
      const added = await Promise.all(
        Array.from({ length: 4 }, () => syncAwardsIntoWallet(t.world.context, learner.id)),
      );
      assert.equal(
        added.reduce((sum, n) => sum + n, 0),
        6,
      );
      const rows = await db.kysely
        .selectFrom('wallet_credentials')
        .select('award_id')
        .where('user_id', '=', learner.id)
        .execute();
      assert.equal(rows.length, 6);
      assert.equal(new Set(rows.map((row) => row.award_id)).size, 6);
    } finally {
      await t.close();
    }
  });
});
