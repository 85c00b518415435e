import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANONYMOUS, type Actor } from '../auth/actor.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { ROUTE_MODULES } from '../http/route-modules.js';
import { registerAuditRoutes } from './audit-routes.js';
import {
  ADMIN_A_NAME,
  at,
  buildAuditTestApp,
  seedAuditFixture,
  type AuditFixture,
} from './audit-test-fixture.js';
import type { AuditEventPage } from './present-audit-event.js';
import { recordAuditEvent } from './record-audit-event.js';

const user = (id: string, isOperator = false): Actor => ({
  kind: 'user',
  userId: id,
  isOperator,
  sessionId: 'session',
  secondFactor: true,
});

/** The events of the scenario, by name; each written through the recorder. */
const seedEvents = async (db: Database, f: AuditFixture): Promise<Record<string, string>> => {
  const request = { ip: '203.0.113.5', id: 'req-0001' };
  const events: [string, Parameters<typeof recordAuditEvent>[1], Date][] = [
    ['signIn', { action: 'account.sign-in', actor: user(f.adminA.id), request }, at(1)],
    [
      'memberAdd',
      {
        action: 'member.add',
        actor: user(f.adminA.id),
        organisationId: f.orgA,
        targetType: 'membership',
        targetId: 'm-1',
        details: { role: 'issuer', name: '山田 太郎' },
        request,
      },
      at(2),
    ],
    [
      'keyCreate',
      {
        action: 'api-key.create',
        actor: user(f.adminA.id),
        organisationId: f.orgA,
        targetType: 'api-key',
        targetId: f.keyA.id,
      },
      at(3),
    ],
    [
      'issue',
      {
        action: 'badge.issue',
        actor: {
          kind: 'api-key',
          apiKeyId: f.keyA.id,
          organisationId: f.orgA,
          scopes: ['badges:issue'],
        },
        targetType: 'credential',
        targetId: 'c-1',
      },
      at(4),
    ],
    [
      'approve',
      { action: 'org.approve', actor: user(f.operator.id, true), organisationId: f.orgB },
      at(5),
    ],
    ['failedSignIn', { action: 'account.sign-in-failed', actor: ANONYMOUS }, at(6)],
    [
      'memberAddB',
      { action: 'member.add', actor: user(f.adminB.id), organisationId: f.orgB },
      at(7),
    ],
    [
      'twoFactor',
      { action: 'account.2fa-enable', actor: user(f.adminA.id), organisationId: null },
      at(8),
    ],
    ['lookalike', { action: 'accounts.export', actor: user(f.operator.id, true) }, at(9)],
  ];
  const ids: Record<string, string> = {};
  for (const [name, event, when] of events) ids[name] = await recordAuditEvent(db, event, when);
  return ids;
};

type Headers = Record<string, string>;

const scenario = async (db: Database) => {
  const test = buildAuditTestApp(db);
  const f = await seedAuditFixture(db);
  const ids = await seedEvents(db, f);
  const get = (url: string, headers: Headers = {}) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const list = async (url: string, headers: Headers) => {
    const response = await get(url, headers);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<AuditEventPage>();
  };
  /** The names of the events a listing returned, in its order. */
  const names = (page: AuditEventPage) =>
    page.events.map((event) => Object.keys(ids).find((name) => ids[name] === event.id));
  return { test, f, ids, get, list, names };
};

const errorCode = (response: { json: () => unknown }) =>
  (response.json() as ErrorEnvelope).error.code;

describe('audit log routes', () => {
  forEachDatabase("an org admin sees their organisation's events and no others", async (db) => {
    const { test, f, get, list, names } = await scenario(db);
    try {
      const page = await list(`/organisations/${f.orgA}/audit-events`, f.adminA.headers);
      assert.deepEqual(names(page), ['issue', 'keyCreate', 'memberAdd']);
      assert.equal(page.nextCursor, null);
      const denied = await get(`/organisations/${f.orgB}/audit-events`, f.adminA.headers);
      assert.equal(denied.statusCode, 403);
      assert.equal(errorCode(denied), 'ERR_HTTP_FORBIDDEN');
    } finally {
      await test.close();
    }
  });

  forEachDatabase(
    'presents actor, organisation, target, details, ip and request id',
    async (db) => {
      const { test, f, ids, list } = await scenario(db);
      try {
        const { events } = await list('/audit-events', f.operator.headers);
        const byId = (id: string | undefined) => events.find((event) => event.id === id);
        assert.deepEqual(byId(ids.memberAdd), {
          id: ids.memberAdd,
          occurredAt: '2025-04-02T00:00:00.000Z',
          action: 'member.add',
          actor: {
            type: 'user',
            userId: f.adminA.id,
            email: 'admin-a@example.ac.jp',
            displayName: ADMIN_A_NAME,
          },
          organisationId: f.orgA,
          target: { type: 'membership', id: 'm-1' },
          details: { role: 'issuer', name: '山田 太郎' },
          ip: '203.0.113.5',
          requestId: 'req-0001',
        });
        const issue = byId(ids.issue);
        assert.ok(issue?.actor.type === 'api-key');
        assert.equal(issue.actor.apiKeyId, f.keyA.id);
        assert.equal(issue.actor.name, 'test key');
        assert.match(String(issue.actor.keyPrefix), /^akashi_.{5}$/);
        assert.equal(issue.organisationId, f.orgA, 'a key acts in its own organisation');
        const failed = byId(ids.failedSignIn);
        assert.ok(failed !== undefined);
        assert.deepEqual(failed.actor, { type: 'anonymous' });
        assert.equal(failed.target, null);
        assert.deepEqual(failed.details, {});
        assert.equal(failed.ip, null);
      } finally {
        await test.close();
      }
    },
  );

  forEachDatabase(
    'denies other organisations’ admins, issuers, viewers, learners, API keys and anonymous callers',
    async (db) => {
      const { test, f, get } = await scenario(db);
      try {
        const urls = [
          `/organisations/${f.orgA}/audit-events`,
          `/organisations/${f.orgA}/audit-events.csv`,
          '/audit-events',
          '/audit-events.csv',
        ];
        const callers: [string, Headers, number][] = [
          ['admin of B', f.adminB.headers, 403],
          ['issuer of A', f.issuerA.headers, 403],
          ['viewer of A', f.viewerA.headers, 403],
          ['learner', f.learner.headers, 403],
          ['API key of A (every scope)', f.keyA.headers, 403],
          ['anonymous', {}, 401],
        ];
        for (const url of urls) {
          for (const [who, headers, status] of callers) {
            const response = await get(url, headers);
            assert.equal(response.statusCode, status, `${who} GET ${url}`);
            const code = status === 401 ? 'ERR_HTTP_UNAUTHENTICATED' : 'ERR_HTTP_FORBIDDEN';
            assert.equal(errorCode(response), code, `${who} GET ${url}`);
          }
        }
        // The admin of A reads A, but not the platform-wide log.
        for (const url of ['/audit-events', '/audit-events.csv']) {
          assert.equal((await get(url, f.adminA.headers)).statusCode, 403, url);
        }
      } finally {
        await test.close();
      }
    },
  );

  forEachDatabase('an operator sees every organisation and platform events', async (db) => {
    const { test, f, ids, get, list, names } = await scenario(db);
    try {
      const all = await list('/audit-events', f.operator.headers);
      assert.equal(all.events.length, Object.keys(ids).length);
      assert.deepEqual(
        names(await list(`/organisations/${f.orgB}/audit-events`, f.operator.headers)),
        ['memberAddB', 'approve'],
      );
      assert.deepEqual(
        names(await list(`/audit-events?organisationId=${f.orgA}`, f.operator.headers)),
        ['issue', 'keyCreate', 'memberAdd'],
      );
      const missing = await get(
        '/organisations/00000000-0000-4000-8000-000000000000/audit-events',
        f.operator.headers,
      );
      assert.equal(missing.statusCode, 404);
      assert.equal(errorCode(missing), 'ERR_ORG_NOT_FOUND');
    } finally {
      await test.close();
    }
  });

  forEachDatabase('filters by action, prefix, actor, time range and target', async (db) => {
    const { test, f, list, names } = await scenario(db);
    try {
      const h = f.operator.headers;
      const q = async (query: string) => names(await list(`/audit-events?${query}`, h));
      assert.deepEqual(await q('action=member.add'), ['memberAddB', 'memberAdd']);
      assert.deepEqual(await q('action=account.'), ['twoFactor', 'failedSignIn', 'signIn']);
      assert.deepEqual(await q('action=account.sign-in'), ['signIn']);
      assert.deepEqual(await q(`actor=${f.adminA.id}`), [
        'twoFactor',
        'keyCreate',
        'memberAdd',
        'signIn',
      ]);
      assert.deepEqual(await q(`actor=${f.keyA.id}`), ['issue']);
      // from is inclusive, to exclusive; offsets are honoured (09:00 in Tokyo is 00:00 UTC).
      assert.deepEqual(await q('from=2025-04-02T09:00:00%2B09:00&to=2025-04-04T00:00:00Z'), [
        'keyCreate',
        'memberAdd',
      ]);
      assert.deepEqual(await q('targetType=api-key'), ['keyCreate']);
      assert.deepEqual(await q(`targetType=api-key&targetId=${f.keyA.id}`), ['keyCreate']);
      assert.deepEqual(await q('targetId=c-1'), ['issue']);
      assert.deepEqual(
        names(
          await list(`/organisations/${f.orgA}/audit-events?action=api-key.`, f.adminA.headers),
        ),
        ['keyCreate'],
      );
    } finally {
      await test.close();
    }
  });

  forEachDatabase('rejects bad queries, listing the fields at fault', async (db) => {
    const { test, f, get } = await scenario(db);
    try {
      const h = f.operator.headers;
      const fieldsOf = async (query: string) => {
        const response = await get(`/audit-events?${query}`, h);
        assert.equal(response.statusCode, 400, query);
        const { error } = response.json<ErrorEnvelope>();
        assert.equal(error.code, 'ERR_HTTP_VALIDATION', query);
        return (error.fields ?? []).map((field) => field.path);
      };
      assert.deepEqual(await fieldsOf('from=2025-04-03T00:00:00Z&to=2025-04-02T00:00:00Z'), [
        '/to',
      ]);
      assert.deepEqual(await fieldsOf('offset=3&cursor=abc'), ['/offset']);
      assert.deepEqual((await fieldsOf('limit=500&from=yesterday&action=a%25b')).sort(), [
        '/action',
        '/from',
        '/limit',
      ]);
      assert.deepEqual(await fieldsOf('sort=asc'), ['/sort']);
      const cursor = await get('/audit-events?cursor=bm90LWEtY3Vyc29y', h);
      assert.equal(cursor.statusCode, 400);
      assert.equal(errorCode(cursor), 'ERR_AUDIT_CURSOR_INVALID');
      // organisationId is a filter of the platform-wide list only.
      assert.equal(
        (await get(`/organisations/${f.orgA}/audit-events?organisationId=${f.orgB}`, h)).statusCode,
        400,
      );
    } finally {
      await test.close();
    }
  });

  forEachDatabase(
    'asks a second factor of org admins when the organisation requires it',
    async (db) => {
      const { test, f, get } = await scenario(db);
      try {
        await db.kysely
          .updateTable('organisations')
          .set({ require_2fa: 1 })
          .where('id', '=', f.orgA)
          .execute();
        const response = await get(`/organisations/${f.orgA}/audit-events`, f.adminA.headers);
        assert.equal(response.statusCode, 403);
        assert.equal(errorCode(response), 'ERR_POLICY_SECOND_FACTOR_REQUIRED');
      } finally {
        await test.close();
      }
    },
  );
});

describe('audit log routes: mounting', () => {
  it('are mounted under /api/v1 with the other domains', () => {
    assert.ok(
      ROUTE_MODULES.some(
        ({ prefix, routes }) => prefix === '/api/v1' && routes === registerAuditRoutes,
      ),
    );
  });
});
