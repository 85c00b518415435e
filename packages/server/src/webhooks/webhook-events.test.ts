import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { createTestMasterKey } from '../keys/key-test-factories.js';
import {
  enqueueWebhookEvent,
  kyselyOf,
  WEBHOOK_EVENT_TYPES,
  type WebhookDb,
} from './webhook-events.js';
import { insertTestWebhookEndpoint } from './webhook-test-factories.js';

const countDeliveries = async (db: WebhookDb): Promise<number> => {
  const row = await kyselyOf(db)
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
};

describe('enqueueWebhookEvent', () => {
  forEachDatabase('writes one delivery per active endpoint subscribed to the type', async (db) => {
    const masterKey = createTestMasterKey();
    const org = await insertTestOrganisation(db);
    const other = await insertTestOrganisation(db);
    const issued = await insertTestWebhookEndpoint(db, masterKey, org, 'https://a.example/h', [
      'award.issued',
      'award.revoked',
    ]);
    await insertTestWebhookEndpoint(db, masterKey, org, 'https://b.example/h', ['award.revoked']);
    await insertTestWebhookEndpoint(db, masterKey, other, 'https://c.example/h', ['award.issued']);
    const at = new Date('2025-04-01T09:00:00.000Z');
    const event = await enqueueWebhookEvent(db, {
      organisationId: org,
      type: 'award.issued',
      data: { awardId: 'a-1' },
      occurredAt: at,
    });
    assert.equal(event.deliveryIds.length, 1);
    const rows = await db.kysely.selectFrom('webhook_deliveries').selectAll().execute();
    assert.equal(rows.length, 1);
    const row = rows.at(0);
    assert.ok(row !== undefined);
    assert.equal(row.endpoint_id, issued.endpoint.id);
    assert.equal(row.state, 'pending');
    assert.equal(row.attempts, 0);
    assert.equal(row.next_attempt_at, at.toISOString());
    assert.deepEqual(JSON.parse(row.payload), {
      id: event.eventId,
      type: 'award.issued',
      createdAt: at.toISOString(),
      organisationId: org,
      data: { awardId: 'a-1' },
    });

    const none = await enqueueWebhookEvent(db, {
      organisationId: org,
      type: 'bulk-job.completed',
      data: {},
    });
    assert.deepEqual(none.deliveryIds, []);
    assert.ok(WEBHOOK_EVENT_TYPES.includes('award.reissued'));
  });

  forEachDatabase('an event in a rolled-back transaction leaves no delivery', async (db) => {
    const masterKey = createTestMasterKey();
    const org = await insertTestOrganisation(db);
    await insertTestWebhookEndpoint(db, masterKey, org, 'https://a.example/h');
    const event = { organisationId: org, type: 'award.issued' as const, data: { awardId: 'x' } };

    await assert.rejects(
      runInTransaction(db, async (tx) => {
        await enqueueWebhookEvent(tx, event);
        assert.equal(await countDeliveries(tx), 1); // visible inside the transaction
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    // A bare Kysely transaction is accepted too.
    await assert.rejects(
      db.kysely.transaction().execute(async (trx) => {
        await enqueueWebhookEvent(trx, event);
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.equal(await countDeliveries(db), 0);

    await db.kysely.transaction().execute(async (trx) => {
      await enqueueWebhookEvent(trx, event);
    });
    assert.equal(await countDeliveries(db), 1);
  });
});
