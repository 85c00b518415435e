/**
 * The consent page's API: who may call it, the consent answer (client, scope labels in ja/en,
 * normalised parameters), errors shown and never redirected, errors redirected to the client
 * (with and without `state`), approval (a hashed, bound code; audited) and denial; and the
 * account's own list of grants with revocation that takes effect at once.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe } from 'node:test';
import type { App } from '../http/app-context.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import { signInForTest, insertTestUser } from '../auth/test-factories.js';
import { buildPolicyTestWorld } from '../policy/policy-test-world.js';
import type { Database } from '../db/open-database.js';
import { authenticateOAuthBearer } from './bearer.js';
import { createOAuthRoutes } from './oauth-routes.js';
import {
  authorizationParameters,
  authorizeForTest,
  obtainTokensForTest,
  pkcePair,
  registerTestClient,
  sampleRegistration,
  type TestClient,
} from './oauth-test-world.js';
import { OB21_SCOPES, OB3_SCOPES } from './scopes.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';
const CHECK = '/api/v1/oauth/authorization-requests';
const DECIDE = '/api/v1/oauth/authorization-requests/decision';

const setUp = async (db: Database) => {
  const test = buildTestApp({
    db,
    config: { publicUrl: PUBLIC_URL },
    routes: [{ prefix: '', routes: createOAuthRoutes() }],
  });
  const world = await buildPolicyTestWorld(db);
  const client = await registerTestClient(test.app);
  return { app: test.app, world, learner: world.headers.learner, client };
};

const check = async (app: App, headers: Record<string, string>, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: CHECK, headers, payload: body });

const redirectOf = async (
  app: App,
  headers: Record<string, string>,
  body: Record<string, unknown>,
): Promise<URL> => {
  const response = await check(app, headers, body);
  assert.equal(response.statusCode, 200, response.body);
  const answer = response.json<{ kind: string; redirectTo: string }>();
  assert.equal(answer.kind, 'redirect');
  return new URL(answer.redirectTo);
};

const params = (client: TestClient, overrides: Record<string, string | undefined> = {}) =>
  authorizationParameters(client, pkcePair().challenge, overrides);

describe('the authorization request API', () => {
  forEachDatabase('answers the consent screen for a valid request', async (db) => {
    const { app, learner, client } = await setUp(db);
    const scope = `${OB3_SCOPES.credentialReadonly} ${OB3_SCOPES.profileReadonly} ${OB3_SCOPES.credentialReadonly}`;
    const body: Record<string, string> = { ...params(client, { scope }), prompt: 'consent' };
    const response = await check(app, learner, body);
    assert.equal(response.statusCode, 200, response.body);
    const answer = response.json<{
      kind: string;
      client: Record<string, string>;
      scopes: { scope: string; label: { ja: string; en: string } }[];
      request: Record<string, string>;
    }>();
    assert.equal(answer.kind, 'consent');
    assert.deepEqual(answer.client, {
      id: client.clientId,
      name: 'Example Learning App',
      uri: 'https://app.example.com/',
      logoUri: 'https://app.example.com/logo.png',
      tosUri: 'https://app.example.com/terms',
      policyUri: 'https://app.example.com/privacy',
    });
    assert.deepEqual(
      answer.scopes.map((s) => s.scope),
      [OB3_SCOPES.credentialReadonly, OB3_SCOPES.profileReadonly],
    );
    assert.deepEqual(answer.scopes[0]?.label, {
      en: 'Read your badges (Open Badges 3.0 credentials)',
      ja: 'あなたのバッジ（Open Badges 3.0 の資格情報）の読み取り',
    });
    assert.equal(
      answer.request.scope,
      `${OB3_SCOPES.credentialReadonly} ${OB3_SCOPES.profileReadonly}`,
    );
    assert.equal(answer.request.state, body.state);
    assert.equal(answer.request.code_challenge_method, 'S256');
    assert.equal('prompt' in answer.request, false);
  });

  forEachDatabase('refuses callers without a session, and API keys', async (db) => {
    const { app, world, client } = await setUp(db);
    assert.equal((await check(app, {}, params(client))).statusCode, 401);
    const key = await check(app, world.headers['api-key-with-scope'], params(client));
    assert.equal(key.statusCode, 403);
    assert.equal(key.json<{ error: { code: string } }>().error.code, 'ERR_OAUTH_SESSION_REQUIRED');
    const { cookie } = world.headers.learner;
    const noCsrf = await check(app, { cookie: cookie as string }, params(client));
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json<{ error: { code: string } }>().error.code, 'ERR_HTTP_CSRF');
  });

  forEachDatabase('shows an unknown client or redirect URI, never redirecting', async (db) => {
    const { app, learner, client } = await setUp(db);
    const codeOf = async (body: Record<string, unknown>) => {
      const response = await check(app, learner, body);
      assert.equal(response.statusCode, 400, response.body);
      return response.json<{ error: { code: string } }>().error.code;
    };
    assert.equal(await codeOf(params(client, { client_id: 'nope' })), 'ERR_OAUTH_CLIENT_UNKNOWN');
    assert.equal(
      await codeOf(params(client, { client_id: undefined })),
      'ERR_OAUTH_CLIENT_UNKNOWN',
    );
    for (const redirect of [
      undefined,
      'https://app.example.com/other',
      'https://app.example.com/callback/',
    ]) {
      assert.equal(
        await codeOf(params(client, { redirect_uri: redirect })),
        'ERR_OAUTH_REDIRECT_URI_INVALID',
      );
    }
    await db.kysely
      .updateTable('oauth_clients')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', client.clientId)
      .execute();
    assert.equal(await codeOf(params(client)), 'ERR_OAUTH_CLIENT_UNKNOWN');
  });

  forEachDatabase('sends other errors back to the client', async (db) => {
    const { app, learner, client } = await setUp(db);
    const expect = async (
      overrides: Record<string, string | undefined>,
      error: string,
      withState = true,
    ) => {
      const body = params(client, overrides);
      const url = await redirectOf(app, learner, body);
      assert.equal(`${url.origin}${url.pathname}`, client.redirectUri);
      assert.equal(url.searchParams.get('error'), error, JSON.stringify(overrides));
      assert.equal(url.searchParams.get('state'), withState ? body.state : null);
      assert.equal(url.searchParams.get('iss'), PUBLIC_URL);
      assert.equal(url.searchParams.has('code'), false);
    };
    await expect({ response_type: 'token' }, 'unsupported_response_type');
    await expect({ state: undefined }, 'invalid_request', false);
    await expect({ state: '' }, 'invalid_request', false);
    await expect({ code_challenge_method: 'plain' }, 'invalid_request');
    await expect({ code_challenge_method: undefined }, 'invalid_request');
    await expect({ code_challenge: undefined }, 'invalid_request');
    await expect({ code_challenge: 'short' }, 'invalid_request');
    await expect({ code_challenge: `${'a'.repeat(42)}+` }, 'invalid_request');
    await expect({ scope: undefined }, 'invalid_scope');
    await expect({ scope: `${OB3_SCOPES.credentialReadonly} openid` }, 'invalid_scope');
  });

  forEachDatabase('refuses a scope the client did not register', async (db) => {
    const { app, learner } = await setUp(db);
    const narrow = await registerTestClient(
      app,
      sampleRegistration('https://narrow.example.com', { scope: OB3_SCOPES.credentialReadonly }),
    );
    const url = await redirectOf(app, learner, params(narrow, { scope: OB3_SCOPES.profileUpdate }));
    assert.equal(url.searchParams.get('error'), 'invalid_scope');
  });

  forEachDatabase('approves with a bound, hashed code and audits the grant', async (db) => {
    const { app, learner, world } = await setUp(db);
    const client = await registerTestClient(
      app,
      sampleRegistration('https://app.example.com', {
        redirect_uris: ['https://app.example.com/callback?tenant=a&x=1'],
      }),
    );
    const { challenge } = pkcePair();
    const scope = OB21_SCOPES.assertionCreate;
    const body = authorizationParameters(client, challenge, { scope });
    const url = await authorizeForTest(app, learner, body);
    assert.equal(url.searchParams.get('tenant'), 'a');
    assert.equal(url.searchParams.get('x'), '1');
    assert.equal(url.searchParams.get('state'), body.state);
    assert.equal(url.searchParams.get('scope'), scope);
    assert.equal(url.searchParams.get('iss'), PUBLIC_URL);
    const code = url.searchParams.get('code') as string;
    assert.ok(code.length >= 43);
    const row = await db.kysely
      .selectFrom('oauth_codes')
      .selectAll()
      .where('id', '=', createHash('sha256').update(code).digest('hex'))
      .executeTakeFirstOrThrow();
    assert.equal(row.client_id, client.clientId);
    assert.equal(row.user_id, world.learnerUserId);
    assert.equal(row.redirect_uri, client.redirectUri);
    assert.equal(row.code_challenge, challenge);
    assert.equal(row.scope, scope);
    assert.equal(Date.parse(row.expires_at) - Date.parse(row.created_at), 10 * 60 * 1000);
    const audit = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'oauth.grant')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_user_id, world.learnerUserId);
    assert.equal(audit.target_id, client.clientId);
  });

  forEachDatabase('denies with access_denied and the state', async (db) => {
    const { app, learner, client } = await setUp(db);
    const body = params(client);
    const url = await authorizeForTest(app, learner, body, false);
    assert.equal(url.searchParams.get('error'), 'access_denied');
    assert.equal(url.searchParams.get('state'), body.state);
    assert.equal(url.searchParams.has('code'), false);
    // The decision re-checks the request: a tampered one is refused the same way.
    const tampered = await app.inject({
      method: 'POST',
      url: DECIDE,
      headers: learner,
      payload: { ...body, redirect_uri: 'https://evil.example.net/', approve: true },
    });
    assert.equal(tampered.statusCode, 400);
    const noState = await app.inject({
      method: 'POST',
      url: DECIDE,
      headers: learner,
      payload: { ...body, state: undefined, approve: true },
    });
    const redirectTo = new URL(noState.json<{ redirectTo: string }>().redirectTo);
    assert.equal(redirectTo.searchParams.get('error'), 'invalid_request');
    assert.equal(
      await db.kysely.selectFrom('oauth_codes').select('id').executeTakeFirst(),
      undefined,
    );
  });
});

describe("the account's grants", () => {
  forEachDatabase('lists them and revokes one at once', async (db) => {
    const { app, learner, world, client } = await setUp(db);
    const other = await registerTestClient(app, sampleRegistration('https://other.example.com'));
    const scope = `${OB3_SCOPES.credentialReadonly} ${OB3_SCOPES.profileReadonly}`;
    const tokens = await obtainTokensForTest(app, learner, client, scope);
    await obtainTokensForTest(app, learner, other, OB3_SCOPES.profileReadonly);
    // Someone else's grant is not listed.
    const stranger = await insertTestUser(db);
    const strangerHeaders = await signInForTest(db, stranger.id);
    await obtainTokensForTest(app, strangerHeaders, client, scope);

    const list = await app.inject({ url: '/api/v1/account/oauth-grants', headers: learner });
    assert.equal(list.statusCode, 200, list.body);
    const { grants } = list.json<{
      grants: { clientId: string; name: string; scopes: { scope: string }[]; grantedAt: string }[];
    }>();
    assert.deepEqual(
      grants.map((g) => g.clientId).sort(),
      [client.clientId, other.clientId].sort(),
    );
    const mine = grants.find((g) => g.clientId === client.clientId);
    assert.ok(mine);
    assert.deepEqual(
      mine.scopes.map((s) => s.scope),
      scope.split(' '),
    );
    assert.equal(mine.name, 'Example Learning App');

    // A code approved but not yet exchanged dies with the grant too.
    const { verifier, challenge } = pkcePair();
    const pending = await authorizeForTest(
      app,
      learner,
      authorizationParameters(client, challenge),
    );
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/account/oauth-grants/${client.clientId}`,
      headers: learner,
    });
    assert.equal(revoke.statusCode, 204, revoke.body);
    await assert.rejects(
      authenticateOAuthBearer(
        { db, clock: () => new Date() } as never,
        { headers: { authorization: `Bearer ${tokens.access_token}` } } as never,
        OB3_SCOPES.credentialReadonly,
      ),
      { error: 'invalid_token' },
    );
    const exchange = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code: pending.searchParams.get('code') as string,
        redirect_uri: client.redirectUri,
        code_verifier: verifier,
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }).toString(),
    });
    assert.equal(exchange.json<{ error: string }>().error, 'invalid_grant');
    const after = await app.inject({ url: '/api/v1/account/oauth-grants', headers: learner });
    assert.deepEqual(
      after.json<{ grants: { clientId: string }[] }>().grants.map((g) => g.clientId),
      [other.clientId],
    );
    // The stranger's grant to the same client is untouched.
    const theirs = await app.inject({
      url: '/api/v1/account/oauth-grants',
      headers: strangerHeaders,
    });
    assert.equal(theirs.json<{ grants: unknown[] }>().grants.length, 1);
    const audit = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'oauth.revoke')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_user_id, world.learnerUserId);
    assert.equal(audit.target_id, client.clientId);

    const unknown = await app.inject({
      method: 'DELETE',
      url: '/api/v1/account/oauth-grants/nope',
      headers: learner,
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal((await app.inject({ url: '/api/v1/account/oauth-grants' })).statusCode, 401);
  });
});
