/**
 * RFC 8414 metadata and dynamic client registration (RFC 7591): the echo, the stored hash, the
 * URL rules (https, one host name, loopback http only when the platform runs on http), scope
 * intersection, the OAuth error format, and the per-address rate limit.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import { createOAuthRoutes } from './oauth-routes.js';
import { sampleRegistration } from './oauth-test-world.js';
import type { ProtocolRoutesOptions } from './protocol-routes.js';
import { ALL_SCOPES, OB21_SCOPES } from './scopes.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';

const appOn = (db: Database, publicUrl = PUBLIC_URL, options: ProtocolRoutesOptions = {}) =>
  buildTestApp({
    db,
    config: { publicUrl },
    routes: [{ prefix: '', routes: createOAuthRoutes(options) }],
  }).app;

const register = async (app: ReturnType<typeof appOn>, body: unknown) =>
  app.inject({ method: 'POST', url: '/oauth/register', payload: body as Record<string, unknown> });

const expectError = async (
  app: ReturnType<typeof appOn>,
  body: unknown,
  error: string,
  description: RegExp,
) => {
  const response = await register(app, body);
  assert.equal(response.statusCode, 400, response.body);
  const answer = response.json<{ error: string; error_description: string }>();
  assert.equal(answer.error, error);
  assert.match(answer.error_description, description);
};

describe('the authorization server metadata', () => {
  forEachDatabase('lists absolute endpoints, S256 and the scopes', async (db) => {
    const app = appOn(db);
    const response = await app.inject({ url: '/.well-known/oauth-authorization-server' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['cache-control'] as string, /max-age=300/);
    const metadata = response.json<Record<string, unknown>>();
    assert.equal(metadata.issuer, PUBLIC_URL);
    assert.equal(metadata.authorization_endpoint, `${PUBLIC_URL}/oauth/authorize`);
    assert.equal(metadata.token_endpoint, `${PUBLIC_URL}/oauth/token`);
    assert.equal(metadata.registration_endpoint, `${PUBLIC_URL}/oauth/register`);
    assert.equal(metadata.revocation_endpoint, `${PUBLIC_URL}/oauth/revoke`);
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(metadata.scopes_supported, ALL_SCOPES);
    assert.deepEqual(metadata.response_types_supported, ['code']);
  });
});

describe('dynamic client registration', () => {
  forEachDatabase(
    'answers 201 with the echo, a secret shown once and stored hashed',
    async (db) => {
      const app = appOn(db);
      const body = sampleRegistration('https://moodle.example.ac.jp', {
        software_id: 'moodle',
        software_version: 2024100700,
        token_endpoint_auth_method: 'client_secret_post',
        scope: `${OB21_SCOPES.assertionCreate} https://example.com/unknown offline_access`,
        contacts: ['admin@example.ac.jp'],
        jwks_uri: 'https://moodle.example.ac.jp/jwks',
      });
      const response = await register(app, body);
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.headers['cache-control'], 'no-store');
      const answer = response.json<Record<string, unknown>>();
      assert.equal(answer.software_version, 2024100700);
      assert.equal(answer.token_endpoint_auth_method, 'client_secret_post');
      assert.equal(answer.scope, `${OB21_SCOPES.assertionCreate} offline_access`);
      assert.deepEqual(answer.contacts, ['admin@example.ac.jp']);
      assert.equal(answer.jwks_uri, undefined);
      assert.equal(answer.client_secret_expires_at, 0);
      assert.equal(typeof answer.client_id_issued_at, 'number');
      for (const name of ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri']) {
        assert.equal(answer[name], body[name as keyof typeof body]);
      }
      const secret = answer.client_secret as string;
      assert.ok(secret.length >= 43);
      const row = await db.kysely
        .selectFrom('oauth_clients')
        .selectAll()
        .where('id', '=', answer.client_id as string)
        .executeTakeFirstOrThrow();
      assert.equal(row.secret_hash, createHash('sha256').update(secret).digest('hex'));
      assert.ok(!JSON.stringify(row).includes(secret));
      const audit = await db.kysely
        .selectFrom('audit_events')
        .select(['action', 'target_id'])
        .where('action', '=', 'oauth.client-register')
        .executeTakeFirstOrThrow();
      assert.equal(audit.target_id, answer.client_id);
    },
  );

  forEachDatabase('defaults the auth method, grant and response types', async (db) => {
    const app = appOn(db);
    const body: Record<string, unknown> = sampleRegistration();
    delete body.token_endpoint_auth_method;
    delete body.grant_types;
    delete body.response_types;
    const answer = (await register(app, body)).json<Record<string, unknown>>();
    assert.equal(answer.token_endpoint_auth_method, 'client_secret_basic');
    assert.deepEqual(answer.grant_types, ['authorization_code']);
    assert.deepEqual(answer.response_types, ['code']);
  });

  forEachDatabase('refuses missing or malformed metadata', async (db) => {
    const app = appOn(db);
    for (const name of [
      'client_name',
      'client_uri',
      'logo_uri',
      'tos_uri',
      'policy_uri',
      'software_id',
      'software_version',
      'scope',
    ]) {
      const body = Object.fromEntries(
        Object.entries(sampleRegistration()).filter(([key]) => key !== name),
      );
      await expectError(app, body, 'invalid_client_metadata', new RegExp(name));
    }
    await expectError(app, [], 'invalid_client_metadata', /JSON object/);
    await expectError(
      app,
      sampleRegistration(undefined, { scope: 'openid profile' }),
      'invalid_client_metadata',
      /scope/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { token_endpoint_auth_method: 'none' }),
      'invalid_client_metadata',
      /token_endpoint_auth_method/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { grant_types: ['authorization_code', 'implicit'] }),
      'invalid_client_metadata',
      /grant_types/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { grant_types: ['refresh_token'] }),
      'invalid_client_metadata',
      /grant_types/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { response_types: ['token'] }),
      'invalid_client_metadata',
      /response_types/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { redirect_uris: [] }),
      'invalid_redirect_uri',
      /redirect_uris/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { redirect_uris: ['https://app.example.com/cb#x'] }),
      'invalid_redirect_uri',
      /fragment/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { redirect_uris: ['/callback'] }),
      'invalid_redirect_uri',
      /absolute/,
    );
  });

  forEachDatabase('requires https and one host name', async (db) => {
    const app = appOn(db);
    await expectError(
      app,
      sampleRegistration('http://app.example.com'),
      'invalid_client_metadata',
      /https/,
    );
    await expectError(
      app,
      sampleRegistration('http://localhost:8080'),
      'invalid_client_metadata',
      /must be https\.$/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { redirect_uris: ['http://app.example.com/callback'] }),
      'invalid_redirect_uri',
      /https/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { tos_uri: 'https://other.example.com/terms' }),
      'invalid_client_metadata',
      /one host name/,
    );
    await expectError(
      app,
      sampleRegistration(undefined, { redirect_uris: ['https://evil.example.net/callback'] }),
      'invalid_redirect_uri',
      /same host name/,
    );
  });

  forEachDatabase('allows loopback http only when the platform runs on http', async (db) => {
    const app = appOn(db, 'http://localhost:3000');
    for (const host of ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080']) {
      assert.equal((await register(app, sampleRegistration(host))).statusCode, 201, host);
    }
    await expectError(
      app,
      sampleRegistration('http://moodle.example.ac.jp'),
      'invalid_client_metadata',
      /http only for localhost/,
    );
  });

  forEachDatabase('answers a body that is not JSON in the OAuth format', async (db) => {
    const app = appOn(db);
    const response = await app.inject({
      method: 'POST',
      url: '/oauth/register',
      headers: { 'content-type': 'text/plain' },
      payload: 'client_name=x',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json<{ error: string }>().error, 'invalid_request');
  });

  forEachDatabase('limits registrations per client address', async (db) => {
    const app = appOn(db, PUBLIC_URL, { registrationsPerClient: { limit: 2, windowMs: 60_000 } });
    assert.equal((await register(app, sampleRegistration())).statusCode, 201);
    assert.equal((await register(app, sampleRegistration())).statusCode, 201);
    const refused = await register(app, sampleRegistration());
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal(refused.json<{ error: string }>().error, 'rate_limited');
  });
});
