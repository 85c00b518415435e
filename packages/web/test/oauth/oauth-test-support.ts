/**
 * Test support for the OAuth pages: an application registered through dynamic client
 * registration (`POST /oauth/register`, as any client would), an authorization request's query
 * with PKCE, and small readers of page answers.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { WebTestWorld } from '../web-test-world.js';

export const CLIENT_HOST = 'app.example.org';
export const REDIRECT_URI = `https://${CLIENT_HOST}/callback`;
export const READ_SCOPES = [
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly',
];
export const UPSERT_SCOPE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert';

export interface RegisteredClient {
  readonly client_id: string;
  readonly client_secret: string;
}

/** Registers an application (read and upsert scopes, refresh tokens) named `name`. */
export const registerClient = async (
  world: WebTestWorld,
  name = 'まなびポートフォリオ',
): Promise<RegisteredClient> => {
  const response = await world.testApp.app.inject({
    method: 'POST',
    url: '/oauth/register',
    headers: { 'content-type': 'application/json' },
    payload: {
      client_name: name,
      client_uri: `https://${CLIENT_HOST}/`,
      logo_uri: `https://${CLIENT_HOST}/logo.png`,
      tos_uri: `https://${CLIENT_HOST}/terms`,
      policy_uri: `https://${CLIENT_HOST}/privacy`,
      software_id: 'manabi-portfolio',
      software_version: '1.0.0',
      redirect_uris: [REDIRECT_URI],
      scope: [...READ_SCOPES, UPSERT_SCOPE, 'offline_access'].join(' '),
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<RegisteredClient>();
};

export interface AuthorizationQuery {
  readonly params: Record<string, string>;
  readonly verifier: string;
  /** `/oauth/authorize?…` */
  readonly path: string;
}

/** An authorization request's query (PKCE S256, a random state); `changes` replace or drop. */
export const authorizationQuery = (
  client: RegisteredClient,
  changes: Readonly<Record<string, string | undefined>> = {},
): AuthorizationQuery => {
  const verifier = randomBytes(32).toString('base64url');
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: REDIRECT_URI,
    scope: READ_SCOPES.join(' '),
    state: randomBytes(12).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) Reflect.deleteProperty(params, name);
    else params[name] = value;
  }
  return { params, verifier, path: `/oauth/authorize?${new URLSearchParams(params).toString()}` };
};

/** Every `<input type="hidden">` of a page, by name. */
export const hiddenFields = (body: string): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const match of body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    const [, name, value] = match;
    if (name !== undefined && value !== undefined) fields[name] = decodeEntities(value);
  }
  return fields;
};

const decodeEntities = (text: string): string =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** The text of the page's only <h1>, without markup and surrounding space. */
export const h1 = (body: string): string | undefined =>
  /<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(body)?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Pages carry no inline script or style (the Content-Security-Policy forbids them). */
export const assertNoInline = (body: string): void => {
  assert.doesNotMatch(body, /<script>|<script [^>]*>[^<]|style="/);
};
