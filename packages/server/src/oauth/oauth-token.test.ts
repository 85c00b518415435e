/**
 * The token and revocation endpoints in detail (client authentication styles, every refusal in
 * OAuth's format, code expiry and binding, the lenient verifier, refresh rotation and its
 * replay, RFC 7009's answers) and the bearer check (`bearer.ts`) that resource servers use.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { FastifyRequest, LightMyRequestResponse } from 'fastify';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import type { App, AppContext } from '../http/app-context.js';
import { buildTestApp } from '../http/build-test-app.js';
import { buildPolicyTestWorld } from '../policy/policy-test-world.js';
import { authenticateOAuthBearer, OAuthBearerError } from './bearer.js';
import { createOAuthRoutes } from './oauth-routes.js';
import {
  authorizationParameters,
  authorizeForTest,
  basicAuth,
  obtainTokensForTest,
  pkcePair,
  registerTestClient,
  sampleRegistration,
  type TestClient,
} from './oauth-test-world.js';
import { OB3_SCOPES } from './scopes.js';

const FORM = 'application/x-www-form-urlencoded';
const READ = OB3_SCOPES.credentialReadonly;
const SCOPE = `${READ} ${OB3_SCOPES.profileReadonly}`;

const setUp = async (db: Database) => {
  let now = new Date('2026-11-21T09:00:00.000Z');
  const clock = () => now;
  const test = buildTestApp({
    db,
    clock,
    config: { publicUrl: 'https://badges.example.ac.jp' },
    routes: [{ prefix: '', routes: createOAuthRoutes() }],
  });
  const world = await buildPolicyTestWorld(db);
  const client = await registerTestClient(test.app);
  const context = { db, clock } as unknown as AppContext;
  return {
    app: test.app,
    learner: world.headers.learner,
    client,
    context,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
};

const post = async (
  app: App,
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': FORM, ...headers },
    payload: new URLSearchParams(form).toString(),
  });

const errorOf = (response: LightMyRequestResponse) =>
  response.json<{ error: string; error_description: string }>().error;

/** Approves a request and answers the code and its verifier. */
const approve = async (
  app: App,
  learner: Record<string, string>,
  client: TestClient,
  verifier?: string,
) => {
  const pair = pkcePair(verifier);
  const url = await authorizeForTest(
    app,
    learner,
    authorizationParameters(client, pair.challenge, { scope: SCOPE }),
  );
  return { code: url.searchParams.get('code') as string, verifier: pair.verifier };
};

const codeForm = (client: TestClient, code: string, verifier: string) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: client.redirectUri,
  code_verifier: verifier,
});

const bearer = (context: AppContext, token: string, scope: string = READ) =>
  authenticateOAuthBearer(
    context,
    { headers: { authorization: `Bearer ${token}` } } as FastifyRequest,
    scope,
  );

describe('the token endpoint', () => {
  forEachDatabase('authenticates by Basic or by the body, never both', async (db) => {
    const { app, learner, client } = await setUp(db);
    const first = await approve(app, learner, client);
    const both = await post(
      app,
      '/oauth/token',
      { ...codeForm(client, first.code, first.verifier), client_secret: client.clientSecret },
      { authorization: basicAuth(client) },
    );
    assert.equal(both.statusCode, 400);
    assert.equal(errorOf(both), 'invalid_request');

    const body = await post(app, '/oauth/token', {
      ...codeForm(client, first.code, first.verifier),
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    assert.equal(body.statusCode, 200, body.body);
    assert.equal(body.headers['cache-control'], 'no-store');
    assert.equal(body.headers.pragma, 'no-cache');
    const answer = body.json<Record<string, unknown>>();
    assert.deepEqual(Object.keys(answer).sort(), [
      'access_token',
      'expires_in',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    assert.equal(answer.token_type, 'Bearer');
    assert.equal(answer.scope, SCOPE);

    for (const [headers, form] of [
      [{}, {}],
      [{ authorization: 'Bearer abc' }, {}],
      [{ authorization: basicAuth({ clientId: 'nope', clientSecret: 'x' }) }, {}],
      [{ authorization: basicAuth({ ...client, clientSecret: 'wrong' }) }, {}],
      [{}, { client_id: client.clientId, client_secret: 'wrong' }],
      [{ authorization: basicAuth(client) }, { client_id: 'someone-else' }],
    ] as const) {
      const refused = await post(
        app,
        '/oauth/token',
        { grant_type: 'refresh_token', ...form },
        headers,
      );
      assert.equal(refused.statusCode, 401, JSON.stringify(headers));
      assert.equal(errorOf(refused), 'invalid_client');
      assert.match(refused.headers['www-authenticate'] as string, /^Basic realm=/);
      assert.equal(refused.headers['cache-control'], 'no-store');
    }
  });

  forEachDatabase('refuses bad grant types and bodies in the OAuth format', async (db) => {
    const { app, client } = await setUp(db);
    const auth = { authorization: basicAuth(client) };
    const unknown = await post(app, '/oauth/token', { grant_type: 'password' }, auth);
    assert.equal(errorOf(unknown), 'unsupported_grant_type');
    assert.equal(errorOf(await post(app, '/oauth/token', {}, auth)), 'invalid_request');
    const twice = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': FORM, ...auth },
      payload: 'grant_type=refresh_token&grant_type=authorization_code',
    });
    assert.equal(twice.statusCode, 400);
    assert.equal(errorOf(twice), 'invalid_request');
    const json = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: auth,
      payload: { grant_type: 'authorization_code' },
    });
    assert.equal(json.statusCode, 400);
    assert.equal(errorOf(json), 'invalid_request');
    for (const missing of ['code', 'redirect_uri', 'code_verifier']) {
      const form = Object.fromEntries(
        Object.entries(codeForm(client, 'c', 'v'.repeat(43))).filter(([key]) => key !== missing),
      );
      assert.equal(errorOf(await post(app, '/oauth/token', form, auth)), 'invalid_request');
    }
  });

  forEachDatabase('binds the code to its client, redirect URI, lifetime and scope', async (db) => {
    const { app, learner, client, advance } = await setUp(db);
    const auth = { authorization: basicAuth(client) };
    const other = await registerTestClient(app, sampleRegistration('https://other.example.com'));

    const stolen = await approve(app, learner, client);
    const byOther = await post(
      app,
      '/oauth/token',
      { ...codeForm(client, stolen.code, stolen.verifier), redirect_uri: client.redirectUri },
      { authorization: basicAuth(other) },
    );
    assert.equal(errorOf(byOther), 'invalid_grant');
    // Another client's attempt does not spend the code.
    assert.equal(
      (await post(app, '/oauth/token', codeForm(client, stolen.code, stolen.verifier), auth))
        .statusCode,
      200,
    );

    const moved = await approve(app, learner, client);
    const wrongRedirect = await post(
      app,
      '/oauth/token',
      {
        ...codeForm(client, moved.code, moved.verifier),
        redirect_uri: 'https://app.example.com/x',
      },
      auth,
    );
    assert.equal(errorOf(wrongRedirect), 'invalid_grant');

    const late = await approve(app, learner, client);
    advance(10 * 60 * 1000 + 1);
    assert.equal(
      errorOf(await post(app, '/oauth/token', codeForm(client, late.code, late.verifier), auth)),
      'invalid_grant',
    );

    const wide = await approve(app, learner, client);
    const wider = await post(
      app,
      '/oauth/token',
      {
        ...codeForm(client, wide.code, wide.verifier),
        scope: `${SCOPE} ${OB3_SCOPES.profileUpdate}`,
      },
      auth,
    );
    assert.equal(errorOf(wider), 'invalid_scope');
    const narrow = await approve(app, learner, client);
    const narrowed = await post(
      app,
      '/oauth/token',
      { ...codeForm(client, narrow.code, narrow.verifier), scope: READ },
      auth,
    );
    assert.equal(narrowed.json<{ scope: string }>().scope, READ);
    assert.equal(
      errorOf(await post(app, '/oauth/token', codeForm(client, 'unknown', 'v'.repeat(43)), auth)),
      'invalid_grant',
    );
  });

  forEachDatabase('accepts any printable verifier of 43–128 characters', async (db) => {
    const { app, learner, client } = await setUp(db);
    const auth = { authorization: basicAuth(client) };
    // The 1EdTech example's verifier style: base64 with "/" and "=".
    const lenient = await approve(
      app,
      learner,
      client,
      'Q2/8xRzLhZYk8n7M+Kq0oV5vdtJ3yWbEoa6F1cGpXsI=',
    );
    const ok = await post(
      app,
      '/oauth/token',
      codeForm(client, lenient.code, lenient.verifier),
      auth,
    );
    assert.equal(ok.statusCode, 200, ok.body);
    const long = await approve(app, learner, client, 'a'.repeat(128));
    assert.equal(
      (await post(app, '/oauth/token', codeForm(client, long.code, long.verifier), auth))
        .statusCode,
      200,
    );
    const short = await approve(app, learner, client);
    assert.equal(
      errorOf(await post(app, '/oauth/token', codeForm(client, short.code, 'a'.repeat(42)), auth)),
      'invalid_request',
    );
    assert.equal(
      errorOf(
        await post(app, '/oauth/token', codeForm(client, short.code, `${'a'.repeat(42)} b`), auth),
      ),
      'invalid_request',
    );
  });

  forEachDatabase('issues no refresh token to a client without that grant', async (db) => {
    const { app, learner } = await setUp(db);
    const codeOnly = await registerTestClient(
      app,
      sampleRegistration('https://code.example.com', { grant_types: ['authorization_code'] }),
    );
    const tokens = await obtainTokensForTest(app, learner, codeOnly, SCOPE);
    assert.equal(tokens.refresh_token, undefined);
    assert.equal(tokens.scope, SCOPE);
    const refresh = await post(
      app,
      '/oauth/token',
      { grant_type: 'refresh_token', refresh_token: 'x' },
      { authorization: basicAuth(codeOnly) },
    );
    assert.equal(errorOf(refresh), 'unauthorized_client');
  });

  forEachDatabase('rotates refresh tokens and ends the grant when one is replayed', async (db) => {
    const { app, learner, client, context } = await setUp(db);
    const auth = { authorization: basicAuth(client) };
    const tokens = await obtainTokensForTest(app, learner, client, SCOPE);
    const refresh = (token: string) =>
      post(app, '/oauth/token', { grant_type: 'refresh_token', refresh_token: token }, auth);
    const rotated = await refresh(tokens.refresh_token as string);
    assert.equal(rotated.statusCode, 200, rotated.body);
    const next = rotated.json<{ access_token: string; refresh_token: string; scope: string }>();
    assert.equal(next.scope, SCOPE);
    assert.equal((await bearer(context, next.access_token)).scopes.length, 2);
    // The old refresh token again: refused, and every token of the grant is revoked.
    assert.equal(errorOf(await refresh(tokens.refresh_token as string)), 'invalid_grant');
    await assert.rejects(bearer(context, next.access_token), { error: 'invalid_token' });
    assert.equal(errorOf(await refresh(next.refresh_token)), 'invalid_grant');
    // Another client cannot use this client's refresh token.
    const fresh = await obtainTokensForTest(app, learner, client, SCOPE);
    const other = await registerTestClient(app, sampleRegistration('https://other.example.com'));
    const stolen = await post(
      app,
      '/oauth/token',
      { grant_type: 'refresh_token', refresh_token: fresh.refresh_token as string },
      { authorization: basicAuth(other) },
    );
    assert.equal(errorOf(stolen), 'invalid_grant');
    assert.equal((await refresh(fresh.refresh_token as string)).statusCode, 200);
  });
});

describe('the revocation endpoint', () => {
  forEachDatabase('answers as RFC 7009 says and revokes only its own tokens', async (db) => {
    const { app, learner, client, context } = await setUp(db);
    const auth = { authorization: basicAuth(client) };
    const tokens = await obtainTokensForTest(app, learner, client, SCOPE);
    const revoke = (form: Record<string, string>, headers: Record<string, string> = auth) =>
      post(app, '/oauth/revoke', form, headers);

    assert.equal((await revoke({ token: 'unknown' })).statusCode, 200);
    const badHint = await revoke({ token: tokens.access_token, token_type_hint: 'id_token' });
    assert.equal(badHint.statusCode, 400);
    assert.equal(errorOf(badHint), 'unsupported_token_type');
    assert.equal(errorOf(await revoke({})), 'invalid_request');
    assert.equal((await revoke({ token: tokens.access_token }, {})).statusCode, 401);

    const other = await registerTestClient(app, sampleRegistration('https://other.example.com'));
    const foreign = await revoke(
      { token: tokens.access_token },
      { authorization: basicAuth(other) },
    );
    assert.equal(foreign.statusCode, 200);
    assert.equal((await bearer(context, tokens.access_token)).clientId, client.clientId);

    // An access token goes alone (with a misleading hint: hints are only hints).
    const gone = await revoke({ token: tokens.access_token, token_type_hint: 'refresh_token' });
    assert.equal(gone.statusCode, 200);
    await assert.rejects(bearer(context, tokens.access_token), { error: 'invalid_token' });
    const refreshed = await post(
      app,
      '/oauth/token',
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string },
      auth,
    );
    assert.equal(refreshed.statusCode, 200);
    const { access_token: access, refresh_token: refresh } = refreshed.json<{
      access_token: string;
      refresh_token: string;
    }>();
    // A refresh token takes its grant's access tokens with it (Moodle-style body credentials).
    const byBody = await revoke(
      { token: refresh, client_id: client.clientId, client_secret: client.clientSecret },
      {},
    );
    assert.equal(byBody.statusCode, 200);
    await assert.rejects(bearer(context, access), { error: 'invalid_token' });
  });
});

describe('the bearer check', () => {
  forEachDatabase('accepts a live token with the scope, and nothing else', async (db) => {
    const { app, learner, client, context, advance } = await setUp(db);
    const tokens = await obtainTokensForTest(app, learner, client, SCOPE);
    const grant = await bearer(context, tokens.access_token);
    assert.equal(grant.clientId, client.clientId);
    assert.deepEqual(grant.scopes, SCOPE.split(' '));

    const insufficient = await bearer(context, tokens.access_token, OB3_SCOPES.profileUpdate).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(insufficient instanceof OAuthBearerError);
    assert.equal(insufficient.status, 403);
    assert.match(insufficient.challenge, /^Bearer error="insufficient_scope"/);

    for (const header of [
      undefined,
      'Basic abc',
      'Bearer',
      `Bearer ${tokens.refresh_token ?? ''}`,
    ]) {
      await assert.rejects(
        authenticateOAuthBearer(
          context,
          { headers: header === undefined ? {} : { authorization: header } } as FastifyRequest,
          READ,
        ),
        (error: unknown) => error instanceof OAuthBearerError && error.status === 401,
      );
    }
    await db.kysely
      .updateTable('oauth_clients')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', client.clientId)
      .execute();
    await assert.rejects(bearer(context, tokens.access_token), { error: 'invalid_token' });
    await db.kysely
      .updateTable('oauth_clients')
      .set({ disabled_at: null })
      .where('id', '=', client.clientId)
      .execute();
    await bearer(context, tokens.access_token);
    advance(3600 * 1000);
    await assert.rejects(bearer(context, tokens.access_token), { error: 'invalid_token' });
  });
});
