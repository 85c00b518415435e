import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { createTestMasterKey, testActor } from '../keys/key-test-factories.js';
import { rotateWebhookSecret } from './manage-webhooks.js';
import { createWebhookDispatcher, WEBHOOK_RETRY_SCHEDULE_MS } from './webhook-dispatcher.js';
import { enqueueWebhookEvent } from './webhook-events.js';
import { buildWebhookHeaders } from './webhook-secret.js';
import { createWebhookFetcher } from './webhook-fetcher.js';
import { insertTestWebhookEndpoint, startTestReceiver } from './webhook-test-factories.js';

/**
 * Standard Webhooks verification written from the specification, independently of
 * `webhook-secret.ts`: the key is the base64 after `whsec_`; the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`; the header lists `v1,<base64>` entries.
 */
const verifyStandardWebhook = (
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): boolean => {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') {
    return false;
  }
  const key = Buffer.from(secret.split('_')[1] ?? '', 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || signature === undefined) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
};

/** The `standardwebhooks` package's verifier, when it happens to be installed (not required). */
const loadStandardWebhooks = async (): Promise<
  | (new (secret: string) => { verify: (body: string, headers: Record<string, string>) => unknown })
  | undefined
> => {
  try {
    const name = 'standardwebhooks';
    const module = (await import(name)) as { Webhook?: unknown };
    return module.Webhook as never;
  } catch {
    return undefined;
  }
};

const setUp = async (db: Database, statuses: number[] = []) => {
  const masterKey = createTestMasterKey();
  const receiver = await startTestReceiver(statuses);
  const org = await insertTestOrganisation(db);
  let now = new Date('2025-04-01T09:00:00.000Z').getTime();
  const clock = () => new Date(now);
  const { endpoint, secret } = await insertTestWebhookEndpoint(
    db,
    masterKey,
    org,
    `${receiver.origin}/hooks?x=1`,
    ['award.issued', 'award.revoked'],
    clock(),
  );
  const dispatcher = createWebhookDispatcher({
    db,
    masterKey,
    clock,
    fetcher: createWebhookFetcher({ allowPrivateTargets: true }),
    random: () => 0.5, // no jitter
  });
  const enqueue = () =>
    enqueueWebhookEvent(db, {
      organisationId: org,
      type: 'award.issued',
      data: { awardId: 'award-1' },
      occurredAt: clock(),
    });
  const delivery = async (id: string) =>
    db.kysely
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  return {
    masterKey,
    receiver,
    org,
    endpoint,
    secret,
    dispatcher,
    enqueue,
    delivery,
    advance: (ms: number) => {
      now += ms;
    },
    clock,
  };
};

describe('webhook dispatcher', () => {
  forEachDatabase('delivers a signed event that an independent verifier accepts', async (db) => {
    const world = await setUp(db);
    try {
      const { eventId, deliveryIds } = await world.enqueue();
      assert.equal(await world.dispatcher.runOnce(), 1);
      assert.equal(world.receiver.received.length, 1);
      const [request] = world.receiver.received;
      assert.ok(request !== undefined);
      assert.equal(request.method, 'POST');
      assert.equal(request.url, '/hooks?x=1');
      assert.equal(request.headers['content-type'], 'application/json');
      assert.equal(request.headers['webhook-id'], eventId);
      assert.equal(
        request.headers['webhook-timestamp'],
        String(Math.floor(world.clock().getTime() / 1000)),
      );
      assert.match(world.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      assert.equal(verifyStandardWebhook(world.secret, request.headers, request.body), true);
      assert.equal(verifyStandardWebhook(world.secret, request.headers, `${request.body} `), false);
      const body = JSON.parse(request.body) as Record<string, unknown>;
      assert.deepEqual(body, {
        id: eventId,
        type: 'award.issued',
        createdAt: world.clock().toISOString(),
        organisationId: world.org,
        data: { awardId: 'award-1' },
      });
      const Webhook = await loadStandardWebhooks();
      if (Webhook !== undefined) {
        // Its verifier checks the timestamp against the real clock: sign a fresh message.
        const fresh = buildWebhookHeaders([world.secret], eventId, new Date(), request.body);
        assert.ok(new Webhook(world.secret).verify(request.body, fresh));
      }

      const row = await world.delivery(deliveryIds[0] ?? '');
      assert.equal(row.state, 'delivered');
      assert.equal(row.attempts, 1);
      assert.equal(row.last_status_code, 200);
      assert.equal(row.delivered_at, world.clock().toISOString());
      assert.equal(row.next_attempt_at, null);
      assert.equal(await world.dispatcher.runOnce(), 0, 'nothing left to send');
    } finally {
      await world.receiver.close();
    }
  });

  forEachDatabase('retries with backoff after a 500, then delivers', async (db) => {
    const world = await setUp(db, [500, 503]);
    try {
      const { deliveryIds } = await world.enqueue();
      const id = deliveryIds[0] ?? '';
      await world.dispatcher.runOnce();
      let row = await world.delivery(id);
      assert.equal(row.state, 'pending');
      assert.equal(row.attempts, 1);
      assert.equal(row.last_status_code, 500);
      assert.equal(row.last_error, 'HTTP 500');
      const first = WEBHOOK_RETRY_SCHEDULE_MS[0] ?? 0;
      assert.equal(row.next_attempt_at, new Date(world.clock().getTime() + first).toISOString());

      // Not due yet: nothing is sent.
      world.advance(first - 1);
      assert.equal(await world.dispatcher.runOnce(), 0);
      world.advance(1);
      assert.equal(await world.dispatcher.runOnce(), 1);
      row = await world.delivery(id);
      assert.equal(row.attempts, 2);
      assert.equal(row.last_status_code, 503);
      const second = WEBHOOK_RETRY_SCHEDULE_MS[1] ?? 0;
      assert.equal(row.next_attempt_at, new Date(world.clock().getTime() + second).toISOString());

      world.advance(second);
      await world.dispatcher.runOnce();
      row = await world.delivery(id);
      assert.equal(row.state, 'delivered');
      assert.equal(row.attempts, 3);
      assert.equal(row.last_error, null);
      // Every attempt carried the same webhook-id and a valid signature.
      const ids = new Set(world.receiver.received.map((r) => r.headers['webhook-id']));
      assert.equal(ids.size, 1);
      for (const request of world.receiver.received) {
        assert.ok(verifyStandardWebhook(world.secret, request.headers, request.body));
      }
    } finally {
      await world.receiver.close();
    }
  });

  forEachDatabase('410 Gone disables the endpoint and fails its pending deliveries', async (db) => {
    const world = await setUp(db, [410]);
    try {
      const first = await world.enqueue();
      await world.dispatcher.runOnce();
      const second = await world.enqueue();
      // The second event was enqueued after the endpoint was disabled: nothing for it.
      assert.deepEqual(second.deliveryIds, []);
      const row = await world.delivery(first.deliveryIds[0] ?? '');
      assert.equal(row.state, 'failed');
      assert.equal(row.last_status_code, 410);
      const endpoint = await db.kysely
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('id', '=', world.endpoint.id)
        .executeTakeFirstOrThrow();
      assert.equal(endpoint.active, 0);
      assert.equal(endpoint.disabled_reason, 'gone');
    } finally {
      await world.receiver.close();
    }
  });

  forEachDatabase('gives up after the last retry and marks the delivery failed', async (db) => {
    const attempts = WEBHOOK_RETRY_SCHEDULE_MS.length + 1;
    const world = await setUp(
      db,
      Array.from({ length: attempts + 1 }, () => 500),
    );
    try {
      const { deliveryIds } = await world.enqueue();
      const id = deliveryIds[0] ?? '';
      for (const delay of [0, ...WEBHOOK_RETRY_SCHEDULE_MS]) {
        world.advance(delay);
        assert.equal(await world.dispatcher.runOnce(), 1);
      }
      const row = await world.delivery(id);
      assert.equal(row.state, 'failed');
      assert.equal(row.attempts, attempts);
      assert.equal(row.next_attempt_at, null);
      world.advance(7 * 24 * 3600_000);
      assert.equal(await world.dispatcher.runOnce(), 0);
      assert.equal(world.receiver.received.length, attempts);
    } finally {
      await world.receiver.close();
    }
  });

  forEachDatabase('a receiver that is down is retried, not lost', async (db) => {
    const world = await setUp(db);
    try {
      await world.receiver.close();
      const { deliveryIds } = await world.enqueue();
      await world.dispatcher.runOnce();
      const row = await world.delivery(deliveryIds[0] ?? '');
      assert.equal(row.state, 'pending');
      assert.equal(row.attempts, 1);
      assert.equal(row.last_status_code, null);
      assert.ok(row.last_error !== null && row.last_error.length > 0);
    } finally {
      await world.receiver.close();
    }
  });

  forEachDatabase('after a rotation, both secrets sign for the grace period', async (db) => {
    const world = await setUp(db);
    try {
      const rotated = await rotateWebhookSecret(db, world.masterKey, world.org, world.endpoint.id, {
        actor: testActor(),
        now: world.clock(),
      });
      await world.enqueue();
      await world.dispatcher.runOnce();
      const [request] = world.receiver.received;
      assert.ok(request !== undefined);
      assert.equal(String(request.headers['webhook-signature']).split(' ').length, 2);
      assert.ok(verifyStandardWebhook(rotated.secret, request.headers, request.body));
      assert.ok(verifyStandardWebhook(world.secret, request.headers, request.body));

      world.advance(25 * 3600_000);
      await world.enqueue();
      await world.dispatcher.runOnce();
      const later = world.receiver.received[1];
      assert.ok(later !== undefined);
      assert.ok(verifyStandardWebhook(rotated.secret, later.headers, later.body));
      assert.equal(verifyStandardWebhook(world.secret, later.headers, later.body), false);
    } finally {
      await world.receiver.close();
    }
  });

  forEachDatabase('two dispatchers at once never send a delivery twice', async (db) => {
    const world = await setUp(db);
    try {
      for (let i = 0; i < 12; i += 1) await world.enqueue();
      const second = createWebhookDispatcher({
        db,
        masterKey: world.masterKey,
        clock: world.clock,
        fetcher: createWebhookFetcher({ allowPrivateTargets: true }),
        batchSize: 5,
      });
      const first = createWebhookDispatcher({
        db,
        masterKey: world.masterKey,
        clock: world.clock,
        fetcher: createWebhookFetcher({ allowPrivateTargets: true }),
        batchSize: 5,
      });
      const counts = await Promise.all([
        first.runOnce(),
        second.runOnce(),
        first.runOnce(),
        second.runOnce(),
      ]);
      assert.equal(
        counts.reduce((a, b) => a + b, 0),
        12,
      );
      const ids = world.receiver.received.map((r) => r.headers['webhook-id']);
      assert.equal(ids.length, 12);
      assert.equal(new Set(ids).size, 12);
    } finally {
      await world.receiver.close();
    }
  });

  forEachDatabase('start/stop: polls in the background and stops promptly', async (db) => {
    const world = await setUp(db);
    const dispatcher = createWebhookDispatcher({
      db,
      masterKey: world.masterKey,
      clock: world.clock,
      fetcher: createWebhookFetcher({ allowPrivateTargets: true }),
      pollIntervalMs: 20,
    });
    try {
      await world.enqueue();
      dispatcher.start();
      for (let i = 0; i < 200 && world.receiver.received.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.equal(world.receiver.received.length, 1);
    } finally {
      await dispatcher.stop();
      await world.receiver.close();
    }
  });
});
