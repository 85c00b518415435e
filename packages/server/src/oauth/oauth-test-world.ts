/**
 * Test support for the authorization server and its resource servers: the app (the OAuth routes
 * plus whatever else is given) on a migrated database, listening on a loopback port with
 * `PUBLIC_URL` = that origin, so that a real OAuth client (oauth4webapi) can talk to it; a
 * signed-in learner from the policy test world; and helpers that register a client and walk the
 * consent API the way the consent page does. Not for production code.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Database } from '../db/open-database.js';
import type { App, RouteModule } from '../http/app-context.js';
import { buildTestApp, type TestApp } from '../http/build-test-app.js';
import { buildPolicyTestWorld, type PolicyTestWorld } from '../policy/policy-test-world.js';
import { createOAuthRoutes } from './oauth-routes.js';
import type { ProtocolRoutesOptions } from './protocol-routes.js';
import { ALL_SCOPES } from './scopes.js';

type Json = Record<string, unknown>;

export interface OAuthTestWorld {
  readonly test: TestApp;
  readonly app: App;
  /** `PUBLIC_URL`: `http://127.0.0.1:<port>`, also the issuer. */
  readonly baseUrl: string;
  readonly world: PolicyTestWorld;
  /** The learner's session headers (cookie and CSRF token). */
  readonly learner: Record<string, string>;
  readonly close: () => Promise<void>;
}

const freePort = async (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });

export interface StartOAuthTestWorldOptions extends ProtocolRoutesOptions {
  /** More routes (a resource server under test); the OAuth routes are always mounted. */
  readonly routes?: readonly RouteModule[];
  readonly clock?: () => Date;
}

export const startOAuthTestWorld = async (
  db: Database,
  options: StartOAuthTestWorldOptions = {},
): Promise<OAuthTestWorld> => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  const test = buildTestApp({
    db,
    config: { publicUrl: baseUrl, port },
    routes: [{ prefix: '', routes: createOAuthRoutes(options) }, ...(options.routes ?? [])],
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  await test.app.listen({ port, host: '127.0.0.1' });
  const world = await buildPolicyTestWorld(db);
  return {
    test,
    app: test.app,
    baseUrl,
    world,
    learner: world.headers.learner,
    close: async () => {
      // A client that left a response unread keeps its connection busy: end them all.
      const closing = test.app.close();
      test.app.server.closeAllConnections();
      await closing;
    },
  };
};

/** A registration body a client on `host` would send (Moodle-like: both grants). */
export const sampleRegistration = (host = 'https://app.example.com', overrides: Json = {}) => ({
  client_name: 'Example Learning App',
  client_uri: `${host}/`,
  logo_uri: `${host}/logo.png`,
  tos_uri: `${host}/terms`,
  policy_uri: `${host}/privacy`,
  software_id: 'example-app',
  software_version: '1.0.0',
  redirect_uris: [`${host}/callback`],
  scope: ALL_SCOPES.join(' '),
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  ...overrides,
});

export interface TestClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly registration: Json;
}

/** Registers a client through `POST /oauth/register` (in process). */
export const registerTestClient = async (
  app: App,
  body: Json = sampleRegistration(),
): Promise<TestClient> => {
  const response = await app.inject({ method: 'POST', url: '/oauth/register', payload: body });
  if (response.statusCode !== 201) {
    throw new Error(`registration failed: ${String(response.statusCode)} ${response.body}`);
  }
  const registration = response.json<Json>();
  return {
    clientId: registration.client_id as string,
    clientSecret: registration.client_secret as string,
    redirectUri: (registration.redirect_uris as string[])[0] as string,
    registration,
  };
};

/** A PKCE pair: a verifier (43 base64url characters by default) and its S256 challenge. */
export const pkcePair = (verifier = randomBytes(32).toString('base64url')) => ({
  verifier,
  challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url'),
});

/** The parameters of an authorization request, each overridable (undefined removes one). */
export const authorizationParameters = (
  client: TestClient,
  challenge: string,
  overrides: Readonly<Record<string, string | undefined>> = {},
): Record<string, string> => {
  const parameters: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: ALL_SCOPES.join(' '),
    state: randomBytes(16).toString('base64url'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
};

/**
 * What the consent page does: check the request, then post the decision. Answers the URL the
 * browser is sent to (or throws with the 400 when the request is shown as an error).
 */
export const authorizeForTest = async (
  app: App,
  session: Record<string, string>,
  parameters: Readonly<Record<string, string>>,
  approve = true,
): Promise<URL> => {
  const check = await app.inject({
    method: 'POST',
    url: '/api/v1/oauth/authorization-requests',
    headers: session,
    payload: parameters,
  });
  if (check.statusCode !== 200) {
    throw new Error(`authorization request refused: ${String(check.statusCode)} ${check.body}`);
  }
  const answer = check.json<Json>();
  if (answer.kind === 'redirect') return new URL(answer.redirectTo as string);
  const decision = await app.inject({
    method: 'POST',
    url: '/api/v1/oauth/authorization-requests/decision',
    headers: session,
    payload: { ...(answer.request as Json), approve },
  });
  if (decision.statusCode !== 200) {
    throw new Error(`decision refused: ${String(decision.statusCode)} ${decision.body}`);
  }
  return new URL(decision.json<{ redirectTo: string }>().redirectTo);
};

/** `Authorization: Basic` for a client (RFC 6749 §2.3.1 encoding). */
export const basicAuth = (client: Pick<TestClient, 'clientId' | 'clientSecret'>): string =>
  `Basic ${Buffer.from(
    `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`,
  ).toString('base64')}`;

/** Runs the whole flow in process and answers the token response (for resource-server tests). */
export const obtainTokensForTest = async (
  app: App,
  session: Record<string, string>,
  client: TestClient,
  scope: string,
): Promise<{ access_token: string; refresh_token?: string; scope: string }> => {
  const { verifier, challenge } = pkcePair();
  const redirect = await authorizeForTest(
    app,
    session,
    authorizationParameters(client, challenge, { scope }),
  );
  const code = redirect.searchParams.get('code');
  if (code === null) throw new Error(`no code: ${redirect.href}`);
  const response = await app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: {
      authorization: basicAuth(client),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
    }).toString(),
  });
  if (response.statusCode !== 200) {
    throw new Error(`token request failed: ${String(response.statusCode)} ${response.body}`);
  }
  return response.json();
};
