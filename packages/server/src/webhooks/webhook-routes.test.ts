import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestApiKey } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { createTestMasterKey } from '../keys/key-test-factories.js';
import { insertTestMember } from '../policy/policy-test-world.js';
import { insertTestOrganisation } from '../auth/test-factories.js';
import type { WebhookDelivery } from './list-webhook-deliveries.js';
import type { WebhookEndpoint } from './webhook-endpoint-store.js';
import { createWebhookRoutes, type WebhookRouteOptions } from './webhook-routes.js';
import { startTestReceiver } from './webhook-test-factories.js';

const build = (db: Database, options: WebhookRouteOptions = {}) => {
  const masterKey = createTestMasterKey();
  return buildTestApp({
    db,
    masterKey,
    routes: [
      {
        prefix: '/api/v1',
        routes: createWebhookRoutes({
          masterKey,
          allowPrivateTargets: true,
          dispatcher: { pollIntervalMs: 20 },
          ...options,
        }),
      },
    ],
  });
};

const codeOf = (body: string): string => (JSON.parse(body) as ErrorEnvelope).error.code;

const waitFor = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('timed out waiting');
};

describe('webhook routes', () => {
  forEachDatabase(
    'an org admin registers, tests, reads the log, redelivers, rotates and deletes',
    async (db) => {
      const receiver = await startTestReceiver();
      const { app, close } = build(db);
      try {
        const org = await insertTestOrganisation(db);
        const admin = await insertTestMember(db, org, 'org_admin');
        const { headers } = admin;
        const base = `/api/v1/organisations/${org}/webhooks`;

        const created = await app.inject({
          method: 'POST',
          url: base,
          headers,
          payload: {
            url: `${receiver.origin}/hook`,
            description: '人事システム',
            events: ['award.issued', 'award.revoked'],
          },
        });
        assert.equal(created.statusCode, 201, created.body);
        const { webhook, secret } = created.json<{ webhook: WebhookEndpoint; secret: string }>();
        assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
        assert.equal(webhook.status, 'active');
        assert.deepEqual(webhook.events, ['award.issued', 'award.revoked']);
        const stored = await db.kysely
          .selectFrom('webhook_endpoints')
          .selectAll()
          .executeTakeFirstOrThrow();
        assert.ok(!JSON.stringify(stored).includes(secret.slice(6)), 'secret encrypted at rest');

        const one = `${base}/${webhook.id}`;
        const list = await app.inject({ url: base, headers });
        assert.equal(list.statusCode, 200);
        assert.equal(list.json<{ webhooks: WebhookEndpoint[] }>().webhooks.length, 1);
        assert.ok(!list.body.includes(secret), 'the secret is shown only once');
        const patched = await app.inject({
          method: 'PATCH',
          url: one,
          headers,
          payload: { events: ['bulk-job.completed'], description: '' },
        });
        assert.equal(patched.statusCode, 200, patched.body);
        assert.deepEqual(patched.json<WebhookEndpoint>().events, ['bulk-job.completed']);

        // Test ping: queued, then sent by the app's own dispatcher.
        const ping = await app.inject({ method: 'POST', url: `${one}/test`, headers });
        assert.equal(ping.statusCode, 202, ping.body);
        const queued = ping.json<WebhookDelivery>();
        assert.equal(queued.state, 'pending');
        assert.equal(queued.eventType, 'webhook.test');
        assert.deepEqual(queued.payload, {
          id: queued.eventId,
          type: 'webhook.test',
          createdAt: queued.createdAt,
          organisationId: org,
          data: { webhookId: webhook.id },
        });
        await waitFor(async () => {
          const log = await app.inject({ url: `${one}/deliveries?state=delivered`, headers });
          return log.json<{ deliveries: WebhookDelivery[] }>().deliveries.length === 1;
        });
        assert.equal(receiver.received.length, 1);
        assert.equal(receiver.received[0]?.headers['webhook-id'], queued.eventId);

        const again = await app.inject({
          method: 'POST',
          url: `${one}/deliveries/${queued.id}/redeliver`,
          headers,
        });
        assert.equal(again.statusCode, 202, again.body);
        const redelivery = again.json<WebhookDelivery>();
        assert.notEqual(redelivery.id, queued.id);
        assert.equal(redelivery.eventId, queued.eventId);
        await waitFor(() => Promise.resolve(receiver.received.length === 2));
        assert.equal(receiver.received.at(1)?.body, receiver.received.at(0)?.body);

        const page1 = await app.inject({ url: `${one}/deliveries?limit=1`, headers });
        const first = page1.json<{ deliveries: WebhookDelivery[]; nextCursor: string | null }>();
        assert.equal(first.deliveries.length, 1);
        assert.ok(first.nextCursor !== null);
        const page2 = await app.inject({
          url: `${one}/deliveries?limit=1&cursor=${first.nextCursor}`,
          headers,
        });
        const second = page2.json<{ deliveries: WebhookDelivery[]; nextCursor: string | null }>();
        assert.equal(second.nextCursor, null);
        assert.deepEqual(
          new Set([first.deliveries[0]?.id, second.deliveries[0]?.id]),
          new Set([queued.id, redelivery.id]),
        );
        const badCursor = await app.inject({ url: `${one}/deliveries?cursor=nope`, headers });
        assert.equal(codeOf(badCursor.body), 'ERR_WEBHOOK_CURSOR_INVALID');

        const rotated = await app.inject({ method: 'POST', url: `${one}/rotate-secret`, headers });
        assert.equal(rotated.statusCode, 200, rotated.body);
        assert.notEqual(rotated.json<{ secret: string }>().secret, secret);

        const disabled = await app.inject({
          method: 'PATCH',
          url: one,
          headers,
          payload: { active: false },
        });
        assert.equal(disabled.json<WebhookEndpoint>().status, 'disabled');
        const refused = await app.inject({ method: 'POST', url: `${one}/test`, headers });
        assert.equal(codeOf(refused.body), 'ERR_WEBHOOK_DISABLED');
        const enabled = await app.inject({
          method: 'PATCH',
          url: one,
          headers,
          payload: { active: true },
        });
        assert.equal(enabled.json<WebhookEndpoint>().status, 'active');

        const deleted = await app.inject({ method: 'DELETE', url: one, headers });
        assert.equal(deleted.statusCode, 204);
        const after = await app.inject({ url: one, headers });
        assert.equal(after.json<WebhookEndpoint>().status, 'deleted');
        const log = await app.inject({ url: `${one}/deliveries`, headers });
        assert.equal(log.json<{ deliveries: WebhookDelivery[] }>().deliveries.length, 2);
        const change = await app.inject({
          method: 'PATCH',
          url: one,
          headers,
          payload: { active: true },
        });
        assert.equal(change.statusCode, 409);
        assert.equal(codeOf(change.body), 'ERR_WEBHOOK_DELETED');
        const missing = await app.inject({
          url: `${base}/00000000-0000-4000-8000-000000000000`,
          headers,
        });
        assert.equal(codeOf(missing.body), 'ERR_WEBHOOK_NOT_FOUND');

        const events = await db.kysely
          .selectFrom('audit_events')
          .select(['action', 'details'])
          .where('target_type', '=', 'webhook')
          .orderBy('occurred_at')
          .orderBy('id')
          .execute();
        assert.deepEqual(
          new Set(events.map((e) => e.action)),
          new Set([
            'webhook.create',
            'webhook.update',
            'webhook.test',
            'webhook.redeliver',
            'webhook.rotate-secret',
            'webhook.delete',
          ]),
        );
        for (const event of events) {
          assert.ok(!event.details.includes('whsec_'), 'no secret in the audit log');
        }
      } finally {
        const started = Date.now();
        await close();
        assert.ok(Date.now() - started < 5000, 'app.close() does not hang');
        await receiver.close();
      }
    },
  );

  forEachDatabase('only org admins and API keys with webhooks:manage may', async (db) => {
    const { app, close } = build(db, { dispatch: false });
    try {
      const org = await insertTestOrganisation(db);
      const other = await insertTestOrganisation(db);
      const url = `/api/v1/organisations/${org}/webhooks`;
      const payload = { url: 'https://hooks.example.com/akashi', events: ['award.issued'] };
      const issuer = await insertTestMember(db, org, 'issuer');
      const viewer = await insertTestMember(db, org, 'viewer');
      const otherAdmin = await insertTestMember(db, other, 'org_admin');
      const withScope = await insertTestApiKey(db, org, ['webhooks:manage']);
      const withoutScope = await insertTestApiKey(db, org, ['badges:issue', 'org:read']);

      for (const headers of [issuer.headers, viewer.headers, otherAdmin.headers]) {
        const response = await app.inject({ method: 'POST', url, headers, payload });
        assert.equal(response.statusCode, 403, response.body);
      }
      const noScope = await app.inject({ url, headers: withoutScope.headers });
      assert.equal(noScope.statusCode, 403);
      assert.equal(codeOf(noScope.body), 'ERR_POLICY_SCOPE_MISSING');
      const anonymous = await app.inject({ url });
      assert.equal(anonymous.statusCode, 401);

      const byKey = await app.inject({ method: 'POST', url, headers: withScope.headers, payload });
      assert.equal(byKey.statusCode, 201, byKey.body);
      const listed = await app.inject({ url, headers: withScope.headers });
      assert.equal(listed.json<{ webhooks: unknown[] }>().webhooks.length, 1);
      const otherOrg = await app.inject({
        url: `/api/v1/organisations/${other}/webhooks`,
        headers: withScope.headers,
      });
      assert.equal(otherOrg.statusCode, 403);
    } finally {
      await close();
    }
  });

  forEachDatabase('endpoint URLs must be https and public unless allowed', async (db) => {
    const { app, close } = build(db, { dispatch: false, allowPrivateTargets: false });
    try {
      const org = await insertTestOrganisation(db);
      const { headers } = await insertTestMember(db, org, 'org_admin');
      const url = `/api/v1/organisations/${org}/webhooks`;
      const attempt = async (target: string, events: unknown = ['award.issued']) =>
        app.inject({ method: 'POST', url, headers, payload: { url: target, events } });
      const cases: [string, string][] = [
        ['http://127.0.0.1:8080/h', 'ERR_WEBHOOK_URL_PRIVATE'],
        ['https://localhost/h', 'ERR_WEBHOOK_URL_PRIVATE'],
        ['https://192.168.1.10/h', 'ERR_WEBHOOK_URL_PRIVATE'],
        ['https://[::1]/h', 'ERR_WEBHOOK_URL_PRIVATE'],
        ['http://hooks.example.com/h', 'ERR_WEBHOOK_URL_INSECURE'],
        ['https://user:pw@hooks.example.com/h', 'ERR_WEBHOOK_URL_INVALID'],
        ['https://hooks.example.com/h#frag', 'ERR_WEBHOOK_URL_INVALID'],
        ['ftp://hooks.example.com/h', 'ERR_WEBHOOK_URL_INVALID'],
        ['not a url', 'ERR_WEBHOOK_URL_INVALID'],
      ];
      for (const [target, code] of cases) {
        const response = await attempt(target);
        assert.equal(response.statusCode, 400, target);
        assert.equal(codeOf(response.body), code, target);
      }
      assert.equal(
        codeOf((await attempt('https://h.example.com/', [])).body),
        'ERR_HTTP_VALIDATION',
      );
      assert.equal(
        codeOf((await attempt('https://h.example.com/', ['award.exploded'])).body),
        'ERR_HTTP_VALIDATION',
      );
      const count = await db.kysely
        .selectFrom('webhook_endpoints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(count.n, 0, 'nothing stored by a failing request');
      const ok = await attempt('https://hooks.example.com/akashi?token=1');
      assert.equal(ok.statusCode, 201, ok.body);
    } finally {
      await close();
    }
  });
});
