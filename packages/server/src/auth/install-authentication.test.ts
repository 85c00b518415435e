import assert from 'node:assert/strict';
import { forEachDatabase } from '../db/for-each-database.js';
import type { RouteModule } from '../http/app-context.js';
import { buildTestApp } from '../http/build-test-app.js';
import {
  insertTestApiKey,
  insertTestOrganisation,
  insertTestUser,
  signInForTest,
} from './test-factories.js';

const whoami: RouteModule = {
  prefix: '',
  routes: (app) => {
    app.get('/test/whoami', { schema: { hide: true } }, (request) => request.actor);
    app.post('/test/whoami', { schema: { hide: true } }, (request) => request.actor);
    // A route that reads Authorization itself (the OAuth token endpoint, Bearer resources).
    app.post(
      '/test/own',
      { config: { ownAuthorization: true }, schema: { hide: true } },
      (request) => ({ actor: request.actor, authorization: request.headers.authorization ?? null }),
    );
  },
};

forEachDatabase(
  'sessions, CSRF and API keys identify the caller; bad credentials are refused',
  async (db) => {
    {
      const { app, close } = buildTestApp({ db, routes: [whoami] });
      try {
        assert.deepEqual((await app.inject('/test/whoami')).json(), { kind: 'anonymous' });
        const user = await insertTestUser(db, { isOperator: true });
        const headers = await signInForTest(db, user.id);
        const me = (
          await app.inject({ url: '/test/whoami', headers: { cookie: headers.cookie as string } })
        ).json<Record<string, unknown>>();
        assert.equal(me.kind, 'user');
        assert.equal(me.userId, user.id);
        assert.equal(me.isOperator, true);
        // A cookie-authenticated write needs the CSRF token.
        const noCsrf = await app.inject({
          method: 'POST',
          url: '/test/whoami',
          headers: { cookie: headers.cookie as string },
        });
        assert.equal(noCsrf.statusCode, 403);
        assert.equal(noCsrf.json<{ error: { code: string } }>().error.code, 'ERR_HTTP_CSRF');
        assert.equal(
          (await app.inject({ method: 'POST', url: '/test/whoami', headers })).statusCode,
          200,
        );
        // Unknown session, malformed or unknown API key: 401, never anonymous.
        for (const bad of [
          { cookie: 'akashi_session=nope' },
          { authorization: 'Basic x' },
          { authorization: 'Bearer akashi_unknown' },
        ]) {
          const response = await app.inject({ url: '/test/whoami', headers: bad });
          assert.equal(response.statusCode, 401, JSON.stringify(bad));
        }
        const org = await insertTestOrganisation(db);
        const key = await insertTestApiKey(db, org, ['badges:issue']);
        const viaKey = (
          await app.inject({ method: 'POST', url: '/test/whoami', headers: key.headers })
        ).json<Record<string, unknown>>();
        assert.deepEqual(viaKey, {
          kind: 'api-key',
          apiKeyId: key.id,
          organisationId: org,
          scopes: ['badges:issue'],
        });
        const used = await db.kysely
          .selectFrom('api_keys')
          .select('last_used_at')
          .where('id', '=', key.id)
          .executeTakeFirstOrThrow();
        assert.notEqual(used.last_used_at, null);
        await db.kysely
          .updateTable('api_keys')
          .set({ revoked_at: new Date().toISOString() })
          .where('id', '=', key.id)
          .execute();
        assert.equal(
          (await app.inject({ url: '/test/whoami', headers: key.headers })).statusCode,
          401,
        );
      } finally {
        await close();
      }
    }
  },
);

forEachDatabase(
  'ownAuthorization routes skip the session and API-key checks and see Authorization as sent',
  async (db) => {
    const { app, close } = buildTestApp({ db, routes: [whoami] });
    try {
      const user = await insertTestUser(db);
      const session = await signInForTest(db, user.id);
      for (const headers of [
        // Neither an unknown Bearer token, nor Basic, nor a cookie without CSRF is refused.
        { authorization: 'Bearer not-an-api-key' },
        { authorization: 'Basic Y2xpZW50OnNlY3JldA==' },
        { cookie: session.cookie as string },
        { cookie: 'akashi_session=stale' },
      ]) {
        const response = await app.inject({ method: 'POST', url: '/test/own', headers });
        assert.equal(response.statusCode, 200, JSON.stringify(headers));
        assert.deepEqual(response.json(), {
          actor: { kind: 'anonymous' },
          authorization: headers.authorization ?? null,
        });
      }
      // The session is not touched either: it stays as the sign-in left it.
      const rows = await db.kysely.selectFrom('sessions').select('last_seen_at').execute();
      const before = rows.map((row) => row.last_seen_at);
      await app.inject({ method: 'POST', url: '/test/own', headers: session });
      const after = await db.kysely.selectFrom('sessions').select('last_seen_at').execute();
      assert.deepEqual(
        after.map((row) => row.last_seen_at),
        before,
      );
    } finally {
      await close();
    }
  },
);
