import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import {
  enqueueAwardNotification,
  enqueueAwardNotifications,
} from './enqueue-award-notification.js';
import { parseNotificationParams } from './notification-params.js';
import { KANJI_NAME, sampleNotificationInput } from './notification-test-factories.js';

describe('enqueueAwardNotification', () => {
  forEachDatabase('queues nothing when the caller’s transaction rolls back', async (db) => {
    const org = await insertTestOrganisation(db);
    await assert.rejects(
      runInTransaction(db, async (tx) => {
        await enqueueAwardNotification(tx, sampleNotificationInput(org));
        throw new Error('the award failed');
      }),
      /the award failed/,
    );
    await assert.rejects(
      db.kysely.transaction().execute(async (trx) => {
        await enqueueAwardNotification(trx, sampleNotificationInput(org));
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    const rows = await db.kysely.selectFrom('notifications').selectAll().execute();
    assert.equal(rows.length, 0);
  });

  forEachDatabase('queues a pending row, due at once, names kept exactly', async (db) => {
    const org = await insertTestOrganisation(db);
    const now = new Date('2026-04-01T00:00:00.000Z');
    const input = sampleNotificationInput(org, { claimUrl: 'https://wallet.example/claim/1' });
    const id = await runInTransaction(db, (tx) => enqueueAwardNotification(tx, input, now));
    const row = await db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'pending');
    assert.equal(row.attempts, 0);
    assert.equal(row.next_attempt_at, now.toISOString());
    assert.equal(row.recipient_name, KANJI_NAME);
    assert.equal(row.award_id, input.awardId);
    const params = parseNotificationParams(row.params);
    assert.equal(params?.badgeUrl, `https://badges.example.ac.jp/badges/${input.awardId}`);
    assert.equal(params.claimUrl, 'https://wallet.example/claim/1');
    assert.equal(params.revocationReason, null);
  });

  forEachDatabase('queues a bulk award’s notifications in chunks', async (db) => {
    const org = await insertTestOrganisation(db);
    const inputs = Array.from({ length: 1203 }, (_, i) =>
      sampleNotificationInput(org, { to: `s${String(i)}@example.ac.jp` }),
    );
    const ids = await runInTransaction(db, (tx) => enqueueAwardNotifications(tx, inputs));
    assert.equal(new Set(ids).size, 1203);
    const { count } = await db.kysely
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    assert.equal(count, 1203);
  });

  forEachDatabase('refuses an input that is not an e-mail address', async (db) => {
    const org = await insertTestOrganisation(db);
    await assert.rejects(
      enqueueAwardNotification(db, sampleNotificationInput(org, { to: 'not an address' })),
      TypeError,
    );
  });
});
