import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { hashToken } from '../auth/session-token.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { insertTestMember, ORGANISATION_ROUTE_MODULES } from '../policy/policy-test-world.js';
import type { ApiKey } from './api-key-schemas.js';

describe('API keys', () => {
  forEachDatabase(
    'a key is shown once, stored hashed, works within its scopes, and is refused once revoked',
    async (db) => {
      const now = new Date('2025-05-01T00:00:00.000Z');
      const { app, close } = buildTestApp({
        db,
        routes: ORGANISATION_ROUTE_MODULES,
        clock: () => now,
      });
      try {
        const org = await insertTestOrganisation(db);
        const admin = await insertTestMember(db, org, 'org_admin');
        const url = `/api/v1/organisations/${org}/api-keys`;

        const created = await app.inject({
          method: 'POST',
          url,
          headers: admin.headers,
          payload: { name: 'Moodle 連携', scopes: ['org:read', 'badges:issue'] },
        });
        assert.equal(created.statusCode, 201, created.body);
        const { apiKey, key } = created.json<{ apiKey: ApiKey; key: string }>();
        assert.match(key, /^akashi_[A-Za-z0-9_-]{40}$/);
        assert.equal(apiKey.prefix, key.slice(0, 12));
        assert.deepEqual(apiKey.scopes, ['org:read', 'badges:issue']);

        // At rest: only the SHA-256 and the prefix; the key appears nowhere.
        const row = await db.kysely
          .selectFrom('api_keys')
          .selectAll()
          .where('id', '=', apiKey.id)
          .executeTakeFirstOrThrow();
        assert.equal(row.key_hash, hashToken(key));
        assert.equal(row.created_by, admin.userId);
        assert.doesNotMatch(JSON.stringify(row), new RegExp(key.slice(12)));
        const audit = await db.kysely.selectFrom('audit_events').selectAll().execute();
        assert.deepEqual(
          audit.map((e) => e.action),
          ['api-key.create'],
        );
        assert.doesNotMatch(JSON.stringify(audit), new RegExp(key.slice(12)));

        // Listed without the key.
        const listed = await app.inject({ url, headers: admin.headers });
        assert.doesNotMatch(listed.body, new RegExp(key.slice(12)));
        assert.deepEqual(
          listed
            .json<{ apiKeys: ApiKey[] }>()
            .apiKeys.map((k) => [k.name, k.lastUsedAt, k.revokedAt]),
          [['Moodle 連携', null, null]],
        );

        // It works as a Bearer token within its scopes, and its use is recorded.
        const bearer = { authorization: `Bearer ${key}` };
        const read = await app.inject({ url: `/api/v1/organisations/${org}`, headers: bearer });
        assert.equal(read.statusCode, 200, read.body);
        const keys = await app.inject({ url, headers: bearer });
        assert.equal(keys.json<ErrorEnvelope>().error.code, 'ERR_HTTP_FORBIDDEN');
        const used = (await app.inject({ url, headers: admin.headers })).json<{
          apiKeys: ApiKey[];
        }>();
        assert.equal(used.apiKeys[0]?.lastUsedAt, now.toISOString());

        // Revoked: refused at once with 401; revoking again is a conflict.
        const revoked = await app.inject({
          method: 'DELETE',
          url: `${url}/${apiKey.id}`,
          headers: admin.headers,
        });
        assert.equal(revoked.statusCode, 200);
        assert.equal(revoked.json<ApiKey>().revokedAt, now.toISOString());
        const refused = await app.inject({ url: `/api/v1/organisations/${org}`, headers: bearer });
        assert.equal(refused.statusCode, 401);
        assert.equal(refused.json<ErrorEnvelope>().error.code, 'ERR_HTTP_UNAUTHENTICATED');
        const twice = await app.inject({
          method: 'DELETE',
          url: `${url}/${apiKey.id}`,
          headers: admin.headers,
        });
        assert.equal(twice.statusCode, 409);
        assert.equal(twice.json<ErrorEnvelope>().error.code, 'ERR_API_KEY_ALREADY_REVOKED');
        const revokeEvent = await db.kysely
          .selectFrom('audit_events')
          .selectAll()
          .where('action', '=', 'api-key.revoke')
          .executeTakeFirstOrThrow();
        assert.equal(revokeEvent.actor_user_id, admin.userId);
        assert.equal(revokeEvent.target_id, apiKey.id);
      } finally {
        await close();
      }
    },
  );

  forEachDatabase(
    'refuses unknown scopes, no scopes, and keys for unapproved organisations',
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
      try {
        const org = await insertTestOrganisation(db);
        const admin = await insertTestMember(db, org, 'org_admin');
        const url = `/api/v1/organisations/${org}/api-keys`;
        for (const scopes of [['admin:everything'], [], ['org:read', 'org:read']]) {
          const response = await app.inject({
            method: 'POST',
            url,
            headers: admin.headers,
            payload: { name: 'x', scopes },
          });
          assert.equal(response.statusCode, 400, JSON.stringify(scopes));
          assert.equal(response.json<ErrorEnvelope>().error.code, 'ERR_HTTP_VALIDATION');
        }
        // An admin of an organisation that is no longer approved gets no key.
        await db.kysely
          .updateTable('organisations')
          .set({ status: 'rejected' })
          .where('id', '=', org)
          .execute();
        const refused = await app.inject({
          method: 'POST',
          url,
          headers: admin.headers,
          payload: { name: 'x', scopes: ['org:read'] },
        });
        assert.equal(refused.statusCode, 403);
        assert.equal(refused.json<ErrorEnvelope>().error.code, 'ERR_ORG_NOT_APPROVED');
        assert.equal((await db.kysely.selectFrom('api_keys').selectAll().execute()).length, 0);
      } finally {
        await close();
      }
    },
  );
});
