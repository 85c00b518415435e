/**
 * The Open Badges 3.0 API as the certification drives a host, with an independent OAuth client
 * (oauth4webapi) over real HTTP: discovery → registration at the SDD's URL → authorization (the
 * consent API, as the consent page calls it) → token → paged getCredentials → upsertCredential
 * (JSON, JWS, a forgery, a newer validFrom) → profile get/put → refresh → revocation.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import * as oauth from 'oauth4webapi';
import { forEachDatabase } from '../db/for-each-database.js';
import {
  authorizationParameters,
  authorizeForTest,
  pkcePair,
  sampleRegistration,
} from '../oauth/oauth-test-world.js';
import { OB3_SCOPES, OFFLINE_ACCESS } from '../oauth/scopes.js';
import { createForeignSigner, startOb3ApiWorld, type Ob3ApiWorld } from './ob3-api-test-world.js';

type Json = Record<string, unknown>;

// The test app listens on plain http (loopback): the one place oauth4webapi must allow it.
// eslint-disable-next-line @typescript-eslint/no-deprecated -- meant for local testing, as here
const insecure = { [oauth.allowInsecureRequests]: true } as const;
const ALL = Object.values(OB3_SCOPES).join(' ');

interface Connected {
  readonly as: oauth.AuthorizationServer;
  readonly client: oauth.Client;
  readonly auth: oauth.ClientAuth;
  readonly redirectUri: string;
}

/** Discovery and registration, as a certification client reads the SDD. */
const connect = async (world: Ob3ApiWorld): Promise<Connected> => {
  const response = await fetch(`${world.apiUrl}/discovery`);
  assert.equal(response.status, 200);
  const sdd = (await response.json()) as Json;
  const scheme = (sdd.components as Json).securitySchemes as Record<string, Json>;
  const acg = scheme.OAuth2ACG!;
  const flow = (acg.flows as Record<string, Json>).authorizationCode!;
  assert.deepEqual(Object.keys(flow.scopes as Json).sort(), Object.values(OB3_SCOPES).sort());
  // The revocation URL is not in the SDD: RFC 8414 metadata has it.
  const metadata = await oauth.processDiscoveryResponse(
    new URL(world.baseUrl),
    await oauth.discoveryRequest(new URL(world.baseUrl), { algorithm: 'oauth2', ...insecure }),
  );
  const as: oauth.AuthorizationServer = {
    issuer: world.baseUrl,
    authorization_endpoint: flow.authorizationUrl as string,
    token_endpoint: flow.tokenUrl as string,
    revocation_endpoint: metadata.revocation_endpoint as string,
    authorization_response_iss_parameter_supported: true,
    code_challenge_methods_supported: ['S256'],
  };
  const registration = await fetch(acg['x-imssf-registrationUrl'] as string, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      sampleRegistration('http://127.0.0.1:9', { scope: `${ALL} ${OFFLINE_ACCESS}` }),
    ),
  });
  assert.equal(registration.status, 201);
  const body = (await registration.json()) as Json;
  return {
    as,
    client: { client_id: body.client_id as string },
    auth: oauth.ClientSecretBasic(body.client_secret as string),
    redirectUri: (body.redirect_uris as string[])[0]!,
  };
};

/** Authorization with PKCE through the consent API, then the token request. */
const obtainTokens = async (world: Ob3ApiWorld, connected: Connected, scope: string) => {
  const { as, client, auth, redirectUri } = connected;
  const { verifier, challenge } = pkcePair(oauth.generateRandomCodeVerifier());
  const parameters = authorizationParameters(
    { clientId: client.client_id, clientSecret: '', redirectUri, registration: {} },
    challenge,
    { scope },
  );
  const callback = await authorizeForTest(world.app, world.learner, parameters);
  const validated = oauth.validateAuthResponse(as, client, callback, parameters.state);
  return oauth.processAuthorizationCodeResponse(
    as,
    client,
    await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      validated,
      redirectUri,
      verifier,
      insecure,
    ),
  );
};

const linksOf = (response: Response): Record<string, string> =>
  Object.fromEntries(
    (response.headers.get('link') ?? '')
      .split(', ')
      .filter((part) => part !== '')
      .map((part) => {
        const match = /^<([^>]+)>; rel="(\w+)"$/.exec(part);
        assert.ok(match !== null, part);
        return [match[2]!, match[1]!];
      }),
  );

const page = async (world: Ob3ApiWorld, token: string, query = '') => {
  const response = await world.call(`/credentials${query}`, token);
  assert.equal(response.status, 200, await response.clone().text());
  const body = (await response.json()) as { credential: Json[]; compactJwsString: string[] };
  return { response, body, links: linksOf(response) };
};

const imsxMinor = (body: unknown): string =>
  (body as { imsx_codeMinor: { imsx_codeMinorField: { imsx_codeMinorFieldValue: string }[] } })
    .imsx_codeMinor.imsx_codeMinorField[0]!.imsx_codeMinorFieldValue;

describe('the Open Badges 3.0 API with a certification-style OAuth client', () => {
  forEachDatabase('serves credentials and the profile through the whole OAuth flow', async (db) => {
    const world = await startOb3ApiWorld(db);
    try {
      const signer = createForeignSigner();
      const stored = [
        await signer.sign(signer.credential({ validFrom: '2025-01-01T00:00:00Z' })),
        await signer.sign(signer.credential({ validFrom: '2025-02-01T00:00:00Z' })),
        await signer.sign(signer.credential({ validFrom: '2025-03-01T00:00:00Z' })),
      ];
      for (const credential of stored) await world.importIntoWallet(credential);

      const connected = await connect(world);
      const tokens = await obtainTokens(world, connected, `${ALL} ${OFFLINE_ACCESS}`);
      const token = tokens.access_token;

      // Paging: limit 2 over 3 credentials.
      const first = await page(world, token, '?limit=2');
      assert.equal(first.response.headers.get('x-total-count'), '3');
      assert.deepEqual(first.body.credential, stored.slice(0, 2));
      assert.deepEqual(first.body.compactJwsString, []);
      const credentialsUrl = `${world.apiUrl}/credentials`;
      assert.deepEqual(first.links, {
        next: `${credentialsUrl}?limit=2&offset=2`,
        last: `${credentialsUrl}?limit=2&offset=2`,
        first: `${credentialsUrl}?limit=2&offset=0`,
      });
      const second = await page(world, token, '?limit=2&offset=2');
      assert.deepEqual(second.body.credential, stored.slice(2));
      assert.equal(second.links.prev, `${credentialsUrl}?limit=2&offset=0`);
      assert.equal(second.links.next, undefined);
      const all = await page(world, token);
      assert.equal(all.body.credential.length, 3);
      assert.equal(all.links.last, `${credentialsUrl}?limit=50&offset=0`);
      const since = await page(world, token, '?since=2025-01-15T00:00:00&limit=1');
      assert.equal(since.response.headers.get('x-total-count'), '2');
      assert.deepEqual(since.body.credential, [stored[1]]);
      assert.equal(
        since.links.next,
        `${credentialsUrl}?limit=1&offset=1&since=2025-01-15T00%3A00%3A00`,
      );

      // upsertCredential (JSON): 201, echoed as sent; then getCredentials returns it, equal.
      const fresh = await signer.sign(
        signer.credential({ id: 'https://example.net/credentials/%E8%A8%BC-1' }),
      );
      const sent = JSON.stringify(fresh, null, 2);
      const created = await world.call('/credentials', token, {
        method: 'POST',
        body: sent,
        contentType: 'application/json',
      });
      assert.equal(created.status, 201);
      assert.match(created.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(await created.text(), sent);
      assert.deepEqual((await page(world, token)).body.credential.at(-1), fresh);

      // The same again: kept (200). An equal one (the id percent-decoded, as vc+ld+json) with a
      // newer validFrom: replaced (200), still one credential.
      const again = await world.call('/credentials', token, {
        method: 'POST',
        body: sent,
        contentType: 'application/json',
      });
      assert.equal(again.status, 200);
      const newer = await signer.sign(
        signer.credential({
          id: 'https://example.net/credentials/証-1',
          validFrom: '2025-06-01T00:00:00Z',
        }),
      );
      const replaced = await world.call('/credentials', token, {
        method: 'POST',
        body: JSON.stringify(newer),
        contentType: 'application/vc+ld+json',
      });
      assert.equal(replaced.status, 200);
      assert.match(replaced.headers.get('content-type') ?? '', /^application\/vc\+ld\+json/);
      const afterReplace = await page(world, token);
      assert.equal(afterReplace.response.headers.get('x-total-count'), '4');
      assert.deepEqual(afterReplace.body.credential.at(-1), newer);
      // An older copy of it now keeps the stored one (200), under its own id.
      const older = await world.call('/credentials', token, {
        method: 'POST',
        body: sent,
        contentType: 'application/json',
      });
      assert.equal(older.status, 200);
      assert.deepEqual((await page(world, token)).body.credential.at(-1), newer);

      // A compact JWS (text/plain): 201, echoed, then listed in compactJwsString.
      const jws = await signer.signJwt(signer.credential());
      const jwsCreated = await world.call('/credentials', token, {
        method: 'POST',
        body: jws,
        contentType: 'text/plain',
      });
      assert.equal(jwsCreated.status, 201, await jwsCreated.clone().text());
      assert.match(jwsCreated.headers.get('content-type') ?? '', /^text\/plain/);
      assert.equal(await jwsCreated.text(), jws);
      assert.deepEqual((await page(world, token)).body.compactJwsString, [jws]);

      // A forgery: 400 invalid_data with the verdict, nothing stored.
      const forged = { ...(await signer.sign(signer.credential())), name: 'Forged' };
      const refused = await world.call('/credentials', token, {
        method: 'POST',
        body: JSON.stringify(forged),
        contentType: 'application/json',
      });
      assert.equal(refused.status, 400);
      const refusal = (await refused.json()) as Json;
      assert.equal(imsxMinor(refusal), 'invalid_data');
      assert.match(refusal.imsx_description as string, /verdict: tampered/);
      assert.equal((await page(world, token)).response.headers.get('x-total-count'), '5');

      // The profile: the default, then the certification's id.
      const defaultProfile = (await (await world.call('/profile', token)).json()) as Json;
      assert.match(defaultProfile.id as string, /^urn:uuid:[0-9a-f-]{36}$/);
      assert.deepEqual(defaultProfile.type, ['Profile']);
      const profile = {
        id: 'https://1edtech.org/issuers/cert',
        type: ['Profile'],
        name: '1EdTech Certification',
        email: 'conformance@imsglobal.org',
      };
      const put = await world.call('/profile', token, {
        method: 'PUT',
        body: JSON.stringify(profile),
        contentType: 'application/json',
      });
      assert.equal(put.status, 200);
      assert.deepEqual(await put.json(), profile);
      assert.deepEqual(await (await world.call('/profile', token)).json(), profile);

      // Refresh: the new access token works; then revocation makes every call fail.
      const refreshed = await oauth.processRefreshTokenResponse(
        connected.as,
        connected.client,
        await oauth.refreshTokenGrantRequest(
          connected.as,
          connected.client,
          connected.auth,
          tokens.refresh_token!,
          insecure,
        ),
      );
      assert.equal((await world.call('/profile', token)).status, 200);
      assert.equal((await page(world, refreshed.access_token)).body.credential.length, 4);
      await oauth.processRevocationResponse(
        await oauth.revocationRequest(
          connected.as,
          connected.client,
          connected.auth,
          refreshed.access_token,
          insecure,
        ),
      );
      const revoked = await world.call('/credentials', refreshed.access_token);
      assert.equal(revoked.status, 401);
      assert.match(revoked.headers.get('www-authenticate') ?? '', /^Bearer error="invalid_token"/);
      assert.equal(imsxMinor(await revoked.json()), 'unauthorizedrequest');
    } finally {
      await world.close();
    }
  });

  forEachDatabase('refuses a token without the scope (403) and no token (401)', async (db) => {
    const world = await startOb3ApiWorld(db);
    try {
      const connected = await connect(world);
      const readOnly = await obtainTokens(world, connected, OB3_SCOPES.credentialReadonly);
      for (const [method, path] of [
        ['GET', '/profile'],
        ['PUT', '/profile'],
        ['POST', '/credentials'],
      ] as const) {
        const response = await world.call(
          path,
          readOnly.access_token,
          method === 'GET' ? {} : { method, body: '{}', contentType: 'application/json' },
        );
        assert.equal(response.status, 403, `${method} ${path}`);
        const challenge = response.headers.get('www-authenticate') ?? '';
        assert.match(challenge, /^Bearer error="insufficient_scope"/);
        assert.match(challenge, /scope="https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/scope\//);
        assert.equal(imsxMinor(await response.json()), 'forbidden');
      }
      const anonymous = await world.call('/credentials', undefined);
      assert.equal(anonymous.status, 401);
      assert.match(anonymous.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
      const unknown = await world.call('/credentials', 'not-a-token');
      assert.equal(unknown.status, 401);
      assert.equal(imsxMinor(await unknown.json()), 'unauthorizedrequest');
      const empty = await page(world, readOnly.access_token);
      assert.deepEqual(empty.body, { credential: [], compactJwsString: [] });
      assert.equal(empty.response.headers.get('x-total-count'), '0');
      assert.deepEqual(Object.keys(empty.links).sort(), ['first', 'last']);
    } finally {
      await world.close();
    }
  });
});
