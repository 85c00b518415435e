/**
 * The whole authorization server driven by an independent, spec-faithful client (oauth4webapi)
 * over real HTTP: metadata → registration → authorization (the consent API, as the consent page
 * calls it) → token with HTTP Basic → a Bearer call → refresh (a wider scope refused) →
 * revocation → the Bearer call fails; and the refusals a certification client tries.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import * as oauth from 'oauth4webapi';
import { forEachDatabase } from '../db/for-each-database.js';
import type { RouteModule } from '../http/app-context.js';
import { authenticateOAuthBearer, OAuthBearerError } from './bearer.js';
import {
  authorizationParameters,
  authorizeForTest,
  pkcePair,
  sampleRegistration,
  startOAuthTestWorld,
  type OAuthTestWorld,
  type TestClient,
} from './oauth-test-world.js';
import { OB21_SCOPES, OB3_SCOPES, OFFLINE_ACCESS } from './scopes.js';

// Plain http on loopback, in tests only (PUBLIC_URL is the test app's http origin).
// eslint-disable-next-line @typescript-eslint/no-deprecated
const insecure = { [oauth.allowInsecureRequests]: true } as const;

/** A resource route guarded by the bearer check (credential.readonly). */
const RESOURCE: RouteModule = {
  prefix: '',
  routes: (app, context) => {
    app.get(
      '/test/resource',
      { config: { ownAuthorization: true }, schema: { hide: true } },
      async (request, reply) => {
        try {
          return await authenticateOAuthBearer(context, request, OB3_SCOPES.credentialReadonly);
        } catch (error) {
          if (!(error instanceof OAuthBearerError)) throw error;
          return reply
            .code(error.status)
            .header('www-authenticate', error.challenge)
            .send({ error: error.error });
        }
      },
    );
  },
};

const SCOPE = [
  OB3_SCOPES.credentialReadonly,
  OB3_SCOPES.profileReadonly,
  OB3_SCOPES.credentialUpsert,
].join(' ');

const discover = async (baseUrl: string) => {
  const issuer = new URL(baseUrl);
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
  );
};

const register = async (as: oauth.AuthorizationServer, host: string): Promise<TestClient> => {
  const response = await fetch(as.registration_endpoint as string, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sampleRegistration(host)),
  });
  assert.equal(response.status, 201);
  const body = (await response.json()) as Record<string, unknown>;
  return {
    clientId: body.client_id as string,
    clientSecret: body.client_secret as string,
    redirectUri: (body.redirect_uris as string[])[0] as string,
    registration: body,
  };
};

const callResource = async (baseUrl: string, token: string) =>
  fetch(`${baseUrl}/test/resource`, { headers: { authorization: `Bearer ${token}` } });

/** Authorizes with PKCE and returns the callback and the verifier. */
const authorize = async (
  world: OAuthTestWorld,
  client: TestClient,
  overrides: Record<string, string | undefined> = {},
) => {
  const { verifier, challenge } = pkcePair(oauth.generateRandomCodeVerifier());
  const parameters = authorizationParameters(client, challenge, { scope: SCOPE, ...overrides });
  const callback = await authorizeForTest(world.app, world.learner, parameters);
  return { callback, verifier, state: parameters.state };
};

const expectOAuthError = async (promise: Promise<unknown>, error: string) => {
  await assert.rejects(promise, (thrown: unknown) => {
    assert.ok(thrown instanceof oauth.ResponseBodyError, String(thrown));
    assert.equal(thrown.error, error);
    return true;
  });
};

describe('the OAuth flow with an independent client (oauth4webapi)', () => {
  forEachDatabase('runs discovery → registration → code → token → refresh → revoke', async (db) => {
    const world = await startOAuthTestWorld(db, { routes: [RESOURCE] });
    try {
      const as = await discover(world.baseUrl);
      assert.equal(as.issuer, world.baseUrl);
      assert.deepEqual(as.code_challenge_methods_supported, ['S256']);
      assert.equal(as.revocation_endpoint, `${world.baseUrl}/oauth/revoke`);
      const client = await register(as, 'http://127.0.0.1:9');
      const oauthClient: oauth.Client = { client_id: client.clientId };
      const auth = oauth.ClientSecretBasic(client.clientSecret);

      const { callback, verifier, state } = await authorize(world, client);
      assert.equal(callback.searchParams.get('scope'), SCOPE);
      const parameters = oauth.validateAuthResponse(as, oauthClient, callback, state);
      const tokens = await oauth.processAuthorizationCodeResponse(
        as,
        oauthClient,
        await oauth.authorizationCodeGrantRequest(
          as,
          oauthClient,
          auth,
          parameters,
          client.redirectUri,
          verifier,
          insecure,
        ),
      );
      assert.equal(tokens.token_type, 'bearer');
      assert.equal(tokens.expires_in, 3600);
      assert.equal(tokens.scope, SCOPE);
      assert.equal(typeof tokens.refresh_token, 'string');

      const ok = await callResource(world.baseUrl, tokens.access_token);
      assert.equal(ok.status, 200);
      assert.deepEqual(await ok.json(), {
        userId: world.world.learnerUserId,
        clientId: client.clientId,
        scopes: SCOPE.split(' '),
      });

      // A wider scope on refresh is refused, and the refresh token survives the refusal.
      await expectOAuthError(
        oauth.processRefreshTokenResponse(
          as,
          oauthClient,
          await oauth.refreshTokenGrantRequest(
            as,
            oauthClient,
            auth,
            tokens.refresh_token as string,
            {
              ...insecure,
              additionalParameters: { scope: `${SCOPE} ${OB3_SCOPES.profileUpdate}` },
            },
          ),
        ),
        'invalid_scope',
      );
      const refreshed = await oauth.processRefreshTokenResponse(
        as,
        oauthClient,
        await oauth.refreshTokenGrantRequest(
          as,
          oauthClient,
          auth,
          tokens.refresh_token as string,
          { ...insecure, additionalParameters: { scope: OB3_SCOPES.credentialReadonly } },
        ),
      );
      assert.equal(refreshed.scope, OB3_SCOPES.credentialReadonly);
      assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
      assert.equal((await callResource(world.baseUrl, refreshed.access_token)).status, 200);

      // The rotated refresh token can later refresh to the full original scope again.
      const again = await oauth.processRefreshTokenResponse(
        as,
        oauthClient,
        await oauth.refreshTokenGrantRequest(
          as,
          oauthClient,
          auth,
          refreshed.refresh_token as string,
          insecure,
        ),
      );
      assert.equal(again.scope, SCOPE);

      await oauth.processRevocationResponse(
        await oauth.revocationRequest(as, oauthClient, auth, again.access_token, insecure),
      );
      const revoked = await callResource(world.baseUrl, again.access_token);
      assert.equal(revoked.status, 401);
      assert.match(revoked.headers.get('www-authenticate') ?? '', /error="invalid_token"/);

      // Revoking the refresh token ends the grant: every access token made from it fails.
      await oauth.processRevocationResponse(
        await oauth.revocationRequest(as, oauthClient, auth, again.refresh_token as string, {
          ...insecure,
          additionalParameters: { token_type_hint: 'refresh_token' },
        }),
      );
      assert.equal((await callResource(world.baseUrl, refreshed.access_token)).status, 401);
      assert.equal((await callResource(world.baseUrl, tokens.access_token)).status, 401);
      await expectOAuthError(
        oauth.processRefreshTokenResponse(
          as,
          oauthClient,
          await oauth.refreshTokenGrantRequest(
            as,
            oauthClient,
            auth,
            again.refresh_token as string,
            insecure,
          ),
        ),
        'invalid_grant',
      );
    } finally {
      await world.close();
    }
  });

  forEachDatabase('refuses a wrong verifier, a reused code, a wrong secret', async (db) => {
    const world = await startOAuthTestWorld(db, { routes: [RESOURCE] });
    try {
      const as = await discover(world.baseUrl);
      const client = await register(as, 'http://localhost:9');
      const oauthClient: oauth.Client = { client_id: client.clientId };
      const auth = oauth.ClientSecretBasic(client.clientSecret);
      const exchange = async (
        callback: URL,
        state: string | undefined,
        verifier: string,
        clientAuth = auth,
      ) =>
        oauth.processAuthorizationCodeResponse(
          as,
          oauthClient,
          await oauth.authorizationCodeGrantRequest(
            as,
            oauthClient,
            clientAuth,
            oauth.validateAuthResponse(as, oauthClient, callback, state),
            client.redirectUri,
            verifier,
            insecure,
          ),
        );

      // A wrong verifier: invalid_grant, and the code is spent.
      const first = await authorize(world, client);
      await expectOAuthError(
        exchange(first.callback, first.state, oauth.generateRandomCodeVerifier()),
        'invalid_grant',
      );
      await expectOAuthError(
        exchange(first.callback, first.state, first.verifier),
        'invalid_grant',
      );

      // A wrong secret: 401 invalid_client with WWW-Authenticate: Basic; the code survives.
      const second = await authorize(world, client);
      const wrongSecret = await exchange(
        second.callback,
        second.state,
        second.verifier,
        oauth.ClientSecretBasic('x'),
      ).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      // A 401 with a challenge: oauth4webapi reports the challenge; the body says why.
      assert.ok(wrongSecret instanceof oauth.WWWAuthenticateChallengeError, String(wrongSecret));
      assert.equal(wrongSecret.status, 401);
      assert.equal(wrongSecret.cause[0]?.scheme, 'basic');
      assert.equal(
        ((await wrongSecret.response.json()) as { error: string }).error,
        'invalid_client',
      );
      // A reused code: refused, and the tokens issued from it are revoked.
      const tokens = await exchange(second.callback, second.state, second.verifier);
      assert.equal((await callResource(world.baseUrl, tokens.access_token)).status, 200);
      await expectOAuthError(
        exchange(second.callback, second.state, second.verifier),
        'invalid_grant',
      );
      assert.equal((await callResource(world.baseUrl, tokens.access_token)).status, 401);
      await expectOAuthError(
        oauth.processRefreshTokenResponse(
          as,
          oauthClient,
          await oauth.refreshTokenGrantRequest(
            as,
            oauthClient,
            auth,
            tokens.refresh_token as string,
            insecure,
          ),
        ),
        'invalid_grant',
      );
      const replays = await db.kysely
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'oauth.replay')
        .execute();
      assert.equal(replays.length >= 1, true);

      // Missing state: an error redirect without state, which oauth4webapi reports as such.
      const missing = await authorize(world, client, { state: undefined });
      assert.equal(missing.callback.searchParams.get('error'), 'invalid_request');
      assert.equal(missing.callback.searchParams.has('state'), false);
      assert.throws(
        () => oauth.validateAuthResponse(as, oauthClient, missing.callback, oauth.expectNoState),
        oauth.AuthorizationResponseError,
      );

      // plain PKCE: refused the same way, with the state.
      const plain = await authorize(world, client, { code_challenge_method: 'plain' });
      assert.equal(plain.callback.searchParams.get('error'), 'invalid_request');
      assert.equal(plain.callback.searchParams.get('state'), plain.state);
    } finally {
      await world.close();
    }
  });

  forEachDatabase("accepts Moodle's refresh with the secret in the form body", async (db) => {
    const world = await startOAuthTestWorld(db);
    try {
      const as = await discover(world.baseUrl);
      const client = await register(as, 'http://127.0.0.1:9');
      const oauthClient: oauth.Client = { client_id: client.clientId };
      const scope = `${Object.values(OB21_SCOPES).join(' ')} ${OFFLINE_ACCESS}`;
      const { callback, verifier, state } = await authorize(world, client, { scope });
      // Moodle's token request: Basic, with redirect_uri, scope and the verifier in the body.
      const tokens = await oauth.processAuthorizationCodeResponse(
        as,
        oauthClient,
        await oauth.authorizationCodeGrantRequest(
          as,
          oauthClient,
          oauth.ClientSecretBasic(client.clientSecret),
          oauth.validateAuthResponse(as, oauthClient, callback, state),
          client.redirectUri,
          verifier,
          { ...insecure, additionalParameters: { scope } },
        ),
      );
      assert.equal(tokens.scope, scope);
      const refreshed = await oauth.processRefreshTokenResponse(
        as,
        oauthClient,
        await oauth.refreshTokenGrantRequest(
          as,
          oauthClient,
          oauth.ClientSecretPost(client.clientSecret),
          tokens.refresh_token as string,
          { ...insecure, additionalParameters: { scope } },
        ),
      );
      assert.equal(refreshed.scope, scope);
      assert.equal(typeof refreshed.refresh_token, 'string');
    } finally {
      await world.close();
    }
  });
});
