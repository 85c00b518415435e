import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { enqueueAwardNotifications } from './enqueue-award-notification.js';
import { claimDueNotifications } from './notification-queue.js';
import { sampleNotificationInput } from './notification-test-factories.js';

describe('the notification queue', () => {
  forEachDatabase('gives concurrent claims disjoint rows, each no more than asked', async (db) => {
    const org = await insertTestOrganisation(db);
    const now = new Date('2026-04-01T00:00:00.000Z');
    await enqueueAwardNotifications(
      db,
      Array.from({ length: 100 }, () => sampleNotificationInput(org)),
      now,
    );
    const claims = await Promise.all(
      [0, 1, 2].map(() => claimDueNotifications(db, { now, limit: 40, leaseMs: 60_000 })),
    );
    for (const rows of claims) assert.ok(rows.length <= 40);
    const ids = claims.flat().map((row) => row.id);
    assert.equal(ids.length, 100);
    assert.equal(new Set(ids).size, 100);
    assert.ok(claims.flat().every((row) => row.attempts === 1 && row.state === 'pending'));
    assert.equal((await claimDueNotifications(db, { now, limit: 40, leaseMs: 60_000 })).length, 0);
  });
});
