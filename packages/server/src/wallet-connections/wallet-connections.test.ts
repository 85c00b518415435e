import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { forEachDatabase } from '../db/for-each-database.js';
import { OB3_SCOPES, OFFLINE_ACCESS } from '../oauth/scopes.js';
import { openSecret } from './connection-secrets.js';
import {
  buildConnectionWorld,
  CLOSED_HOST,
  makeHostCredentials,
  type ConnectionWorld,
} from './wallet-connection-test-world.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';
const CALLBACK = `${PUBLIC_URL}/wallet/connections/callback`;

interface View {
  readonly id: string;
  readonly state: string;
  readonly scopes: string[];
  readonly lastError: string | null;
  readonly lastImportAt: string | null;
  readonly host: { baseUrl: string; name: string | null };
}

const list = async (world: ConnectionWorld, as = world.learner): Promise<View[]> => {
  const response = await world.call('GET', '/api/v1/wallet/connections', undefined, as);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ items: View[] }>().items;
};

const errorCode = (response: LightMyRequestResponse): string =>
  response.json<{ error: { code: string } }>().error.code;

const withWorld = (name: string, body: (world: ConnectionWorld) => Promise<void>) => {
  forEachDatabase(name, async (db) => {
    const world = await buildConnectionWorld(db);
    try {
      await body(world);
    } finally {
      await world.close();
    }
  });
};

describe('the wallet as a consumer of other Open Badges hosts', () => {
  withWorld(
    'connects (discovery, registration, PKCE), imports every page, pushes, refreshes on 401, disconnects',
    async (world) => {
      const { host } = world;
      const credentials = await makeHostCredentials();
      const [first, second, third] = credentials.genuine;
      host.credentials = [first, credentials.jwt, second, credentials.forged, third];

      // 1. Connect: the base URL as typed, with the API path and a trailing slash.
      const started = await world.call('POST', '/api/v1/wallet/connections', {
        baseUrl: `  ${host.origin}/ims/ob/v3p0/ `,
      });
      assert.equal(started.statusCode, 201, started.body);
      const { id, authorizationUrl } = started.json<{ id: string; authorizationUrl: string }>();
      const authorize = new URL(authorizationUrl);
      assert.equal(`${authorize.origin}${authorize.pathname}`, `${host.origin}/oauth/authorize`);
      const q = Object.fromEntries(authorize.searchParams);
      assert.equal(q.response_type, 'code');
      assert.equal(q.redirect_uri, CALLBACK);
      assert.equal(q.code_challenge_method, 'S256');
      assert.match(q.code_challenge ?? '', /^[A-Za-z0-9_-]{43}$/);
      assert.match(q.state ?? '', /^[A-Za-z0-9_-]{43}$/);
      const wanted = [
        OB3_SCOPES.credentialReadonly,
        OB3_SCOPES.credentialUpsert,
        OB3_SCOPES.profileReadonly,
        OFFLINE_ACCESS,
      ].join(' ');
      assert.equal(q.scope, wanted);

      // Registered once, as the spec wants: every URL of ours on one host.
      assert.equal(host.registrations.length, 1);
      const registration = host.registrations[0] ?? {};
      assert.equal(registration.client_name, 'Akashi (badges.example.ac.jp)');
      assert.equal(registration.software_id, 'akashi');
      assert.equal(typeof registration.software_version, 'string');
      assert.deepEqual(registration.redirect_uris, [CALLBACK]);
      assert.equal(registration.scope, wanted);
      for (const name of ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri']) {
        assert.equal(new URL(String(registration[name])).host, 'badges.example.ac.jp', name);
      }
      const stored = await world.test.db.kysely
        .selectFrom('remote_hosts')
        .selectAll()
        .executeTakeFirstOrThrow();
      assert.equal(stored.base_url, host.origin);
      assert.equal(stored.name, 'Fake OB Host');
      assert.equal(stored.client_id, q.client_id);
      const secret = openSecret(world.masterKey, stored.id, 'client_secret', stored.client_secret);
      assert.ok(!stored.client_secret.includes(secret), 'the client secret is stored encrypted');

      assert.deepEqual(
        (await list(world)).map((c) => [c.id, c.state, c.host.baseUrl]),
        [[id, 'pending', host.origin]],
      );

      // 2. The learner consents on the host; the callback exchanges the code.
      const back = new URL(host.approve(authorizationUrl));
      const callback = Object.fromEntries(back.searchParams);
      const intruder = await world.call(
        'POST',
        '/api/v1/wallet/connections/callback',
        callback,
        world.other,
      );
      assert.equal(intruder.statusCode, 400);
      assert.equal(errorCode(intruder), 'ERR_WALLET_CONNECTION_STATE_UNKNOWN');
      const done = await world.call('POST', '/api/v1/wallet/connections/callback', callback);
      assert.equal(done.statusCode, 200, done.body);
      const connected = done.json<View>();
      assert.equal(connected.state, 'connected');
      assert.deepEqual(connected.scopes, wanted.split(' '));
      const tokenRequest = host.tokenRequests.at(-1);
      assert.ok(tokenRequest !== undefined);
      assert.match(tokenRequest.authorization, /^Basic /);
      assert.equal(tokenRequest.form.get('grant_type'), 'authorization_code');
      assert.equal(tokenRequest.form.get('redirect_uri'), CALLBACK);
      assert.equal(tokenRequest.form.get('scope'), wanted);
      assert.match(tokenRequest.form.get('code_verifier') ?? '', /^[A-Za-z0-9_-]{43}$/);
      const replay = await world.call('POST', '/api/v1/wallet/connections/callback', callback);
      assert.equal(errorCode(replay), 'ERR_WALLET_CONNECTION_STATE_UNKNOWN');
      const row = await world.test.db.kysely
        .selectFrom('wallet_connections')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.code_verifier, null);
      assert.equal(row.oauth_state, null);
      assert.ok(row.access_token?.startsWith(`${world.masterKey.id}:`));
      assert.ok(row.refresh_token?.startsWith(`${world.masterKey.id}:`));
      assert.ok(row.expires_at !== null && Date.parse(row.expires_at) > Date.now());
      assert.doesNotMatch(JSON.stringify(await list(world)), /token|secret/i);

      // 3. Import: three pages (relative and absolute next links), the forged one skipped.
      const imported = await world.call('POST', `/api/v1/wallet/connections/${id}/import`);
      assert.equal(imported.statusCode, 200, imported.body);
      const result = imported.json<{
        imported: number;
        merged: number;
        pages: number;
        skipped: { reason: string; verdict?: string; name?: string }[];
        profile: { id: string } | null;
        stopped?: unknown;
      }>();
      assert.equal(result.imported, 4);
      assert.equal(result.merged, 0);
      assert.equal(result.pages, 3);
      assert.equal(result.stopped, undefined);
      assert.equal(result.skipped.length, 1);
      assert.equal(result.skipped[0]?.reason, 'unverified');
      assert.equal(result.skipped[0].name, '偽造バッジ');
      assert.ok(result.skipped[0].verdict !== undefined && result.skipped[0].verdict !== 'valid');
      assert.equal(result.profile?.id, 'https://1edtech.org/issuers/cert');
      const pageRequests = host.seen.filter((r) => r === 'GET /ims/ob/v3p0/credentials');
      assert.equal(pageRequests.length, 3);
      const wallet = await world.test.db.kysely
        .selectFrom('wallet_credentials')
        .select(['id', 'format', 'source_url', 'achievement_name', 'status'])
        .execute();
      wallet.sort((a, b) => ((a.achievement_name ?? '') < (b.achievement_name ?? '') ? -1 : 1));
      assert.deepEqual(
        wallet.map((w) => [w.achievement_name, w.format, w.status]),
        [
          ['English for Research', 'ob3-json', 'valid'],
          ['JWT badge', 'ob3-jwt', 'valid'],
          ['データサイエンス基礎', 'ob3-json', 'valid'],
          ['情報倫理', 'ob3-json', 'valid'],
        ],
      );
      assert.ok(wallet.every((w) => w.source_url === `${host.origin}/ims/ob/v3p0/credentials`));
      assert.ok((await list(world))[0]?.lastImportAt !== null);
      const again = await world.call('POST', `/api/v1/wallet/connections/${id}/import`);
      assert.deepEqual(
        [again.json<{ imported: number }>().imported, again.json<{ merged: number }>().merged],
        [0, 4],
      );

      // 4. Push: JSON for a Data Integrity credential, the JWS as text/plain; 201 then 200.
      const jsonBadge = wallet.find((w) => w.format === 'ob3-json');
      const jwtBadge = wallet.find((w) => w.format === 'ob3-jwt');
      assert.ok(jsonBadge !== undefined && jwtBadge !== undefined);
      const push = (credentialId: string) =>
        world.call('POST', `/api/v1/wallet/connections/${id}/push`, { credentialId });
      const pushed = await push(jsonBadge.id);
      assert.equal(pushed.statusCode, 200, pushed.body);
      assert.equal(pushed.json<{ status: number }>().status, 201);
      assert.equal(pushed.json<{ mediaType: string }>().mediaType, 'application/json');
      assert.equal((await push(jsonBadge.id)).json<{ status: number }>().status, 200);
      const pushedJwt = await push(jwtBadge.id);
      assert.equal(pushedJwt.json<{ mediaType: string }>().mediaType, 'text/plain');
      assert.ok(host.stored.has(credentials.jwt));
      const missing = await push('no-such-badge');
      assert.equal(missing.statusCode, 404);

      // 5. The host forgets the access token: one refresh (Basic, rotated), then the call again.
      host.expireAccessTokens();
      const refreshed = await world.call('POST', `/api/v1/wallet/connections/${id}/import`);
      assert.equal(refreshed.statusCode, 200, refreshed.body);
      const refresh = host.tokenRequests.at(-1);
      assert.ok(refresh !== undefined);
      assert.equal(refresh.form.get('grant_type'), 'refresh_token');
      assert.match(refresh.authorization, /^Basic /);
      host.expireAccessTokens();
      assert.equal((await push(jsonBadge.id)).statusCode, 200);

      // A refused refresh ends the connection: connect again.
      host.expireAccessTokens();
      host.refuseRefresh = true;
      const lost = await world.call('POST', `/api/v1/wallet/connections/${id}/import`);
      assert.equal(lost.statusCode, 409);
      assert.equal(errorCode(lost), 'ERR_WALLET_CONNECTION_AUTHORIZATION_LOST');
      const failed = (await list(world)).find((c) => c.id === id);
      assert.equal(failed?.state, 'failed');
      assert.match(failed.lastError ?? '', /invalid_grant/);
      const notConnected = await world.call('POST', `/api/v1/wallet/connections/${id}/import`);
      assert.equal(errorCode(notConnected), 'ERR_WALLET_CONNECTION_NOT_CONNECTED');
      host.refuseRefresh = false;

      // 6. Connect again (the registration is reused), then disconnect: both tokens revoked.
      const second2 = await world.connect();
      assert.equal(host.registrations.length, 1);
      const removed = await world.call('DELETE', `/api/v1/wallet/connections/${second2}`);
      assert.equal(removed.statusCode, 204);
      assert.equal(host.revoked.length, 2);
      assert.ok(!(await list(world)).some((c) => c.id === second2));
      const gone = await world.call('POST', `/api/v1/wallet/connections/${second2}/import`);
      assert.equal(gone.statusCode, 404);
      const cleared = await world.test.db.kysely
        .selectFrom('wallet_connections')
        .selectAll()
        .where('id', '=', second2)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [cleared.state, cleared.access_token, cleared.refresh_token],
        ['disconnected', null, null],
      );
      // The failed connection can be removed too (nothing to revoke).
      assert.equal(
        (await world.call('DELETE', `/api/v1/wallet/connections/${id}`)).statusCode,
        204,
      );
      assert.equal(host.revoked.length, 2);
      assert.deepEqual(await list(world), []);
    },
  );

  withWorld(
    'refuses bad addresses, non-hosts, refused registrations and bad callbacks',
    async (world) => {
      const { host } = world;
      const connect = (baseUrl: string, as = world.learner) =>
        world.call('POST', '/api/v1/wallet/connections', { baseUrl }, as);
      for (const baseUrl of ['ftp://example.org', 'http://public.example.org', 'not a url', '']) {
        const response = await connect(baseUrl);
        assert.equal(response.statusCode, 400, baseUrl);
      }
      const japanese = await world.call(
        'POST',
        '/api/v1/wallet/connections',
        { baseUrl: 'ftp://x' },
        {
          ...world.learner,
          'accept-language': 'ja',
        },
      );
      assert.match(japanese.json<{ error: { message: string } }>().error.message, /https の URL/);
      const notAllowed = await connect('http://127.0.0.1:1');
      assert.equal(notAllowed.statusCode, 400, 'a private host not in the allow list is not tried');
      const unreachable = await connect(`http://${CLOSED_HOST}`);
      assert.equal(unreachable.statusCode, 502);
      assert.equal(errorCode(unreachable), 'ERR_WALLET_CONNECTION_HOST_UNREACHABLE');
      const notHost = await connect(`${host.origin}/elsewhere`);
      assert.equal(notHost.statusCode, 422);
      assert.equal(errorCode(notHost), 'ERR_WALLET_CONNECTION_NOT_OB_HOST');

      host.refuseRegistration = true;
      const refused = await connect(host.origin);
      assert.equal(refused.statusCode, 502);
      assert.equal(errorCode(refused), 'ERR_WALLET_CONNECTION_REGISTRATION_REFUSED');
      assert.match(refused.body, /invalid_client_metadata: logo_uri is not reachable/);
      host.refuseRegistration = false;

      // The learner refuses on the host: failed, with the reason.
      const started = await connect(host.origin);
      const denied = new URL(
        host.approve(started.json<{ authorizationUrl: string }>().authorizationUrl, false),
      );
      const answer = await world.call(
        'POST',
        '/api/v1/wallet/connections/callback',
        Object.fromEntries(denied.searchParams),
      );
      assert.equal(answer.statusCode, 200);
      assert.deepEqual(
        [answer.json<View>().state, answer.json<View>().lastError],
        ['failed', 'access_denied'],
      );
      const neither = await world.call('POST', '/api/v1/wallet/connections/callback', {
        state: 'x',
      });
      assert.equal(errorCode(neither), 'ERR_WALLET_CONNECTION_CALLBACK_INVALID');
      const unknown = await world.call('POST', '/api/v1/wallet/connections/callback', {
        state: 'x',
        code: 'y',
      });
      assert.equal(errorCode(unknown), 'ERR_WALLET_CONNECTION_STATE_UNKNOWN');

      // Only a signed-in account: not an API key, not anonymous.
      assert.equal((await connect(host.origin, world.apiKey)).statusCode, 403);
      assert.equal((await connect(host.origin, {})).statusCode, 401);
      assert.equal(
        (await world.call('GET', '/api/v1/wallet/connections', undefined, {})).statusCode,
        401,
      );

      // Another learner cannot see or use the connection.
      const id = await world.connect();
      assert.equal(
        (
          await world.call(
            'POST',
            `/api/v1/wallet/connections/${id}/import`,
            undefined,
            world.other,
          )
        ).statusCode,
        404,
      );
      assert.equal(
        (await world.call('DELETE', `/api/v1/wallet/connections/${id}`, undefined, world.other))
          .statusCode,
        404,
      );

      // A busy host stops the import, saying when to come back; what came before is kept.
      const credentials = await makeHostCredentials();
      host.credentials = [...credentials.genuine];
      host.busyAtOffset = 2;
      const busy = await world.call('POST', `/api/v1/wallet/connections/${id}/import`);
      assert.equal(busy.statusCode, 200, busy.body);
      assert.deepEqual(busy.json<{ stopped: unknown }>().stopped, {
        reason: 'busy',
        retryAfterSeconds: 120,
      });
      assert.equal(busy.json<{ imported: number }>().imported, 2);
      assert.equal(busy.json<{ pages: number }>().pages, 1);
    },
  );
});
