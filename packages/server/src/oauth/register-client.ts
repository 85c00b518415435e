/**
 * Dynamic client registration (RFC 7591, no initial access token; the profile of the Open Badges
 * 3.0 API and Badge Connect 2.1, PROTOCOLS.md §1.2 and §2.3).
 *
 * Rules, decided here:
 * - Required: `client_name`, `client_uri`, `logo_uri`, `tos_uri`, `policy_uri`, `software_id`,
 *   `software_version` (a string, or a number as Moodle sends `$CFG->version`), `redirect_uris`
 *   (1–10 absolute URLs without a fragment) and `scope`.
 * - Every URL is https, and all of them share one host name (the 1EdTech rule, so that the
 *   consent screen's host stands for the whole application). When the platform itself runs on
 *   http (`PUBLIC_URL` http: development and tests), http is also accepted for `localhost`,
 *   `127.0.0.1` and `[::1]`, never for other hosts.
 * - `scope`: the requested scopes this server knows (unknown ones are dropped, RFC 7591 §2 lets
 *   the server grant fewer); none left → `invalid_client_metadata`.
 * - `token_endpoint_auth_method`: `client_secret_basic` (default) or `client_secret_post`; the
 *   token endpoint accepts both for every client anyway (Moodle refreshes with the secret in the
 *   form body). `grant_types` ⊆ {authorization_code, refresh_token} and must contain
 *   authorization_code (default: that alone); `response_types` = [code].
 * - Metadata this server does not understand is ignored (RFC 7591 §2) and not echoed.
 * The secret is shown once; only its SHA-256 is stored.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/open-database.js';
import { hashToken } from '../auth/session-token.js';
import { OAuthProtocolError } from './oauth-protocol-error.js';
import { splitScope } from './scope-labels.js';
import { ALL_SCOPES } from './scopes.js';

const MAX_TEXT = 2000;
const MAX_REDIRECT_URIS = 10;
const MAX_CONTACTS = 10;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const GRANT_TYPES = ['authorization_code', 'refresh_token'];
const AUTH_METHODS = ['client_secret_basic', 'client_secret_post'];

/** The registration as echoed to the client (and kept in `oauth_clients.metadata`). */
export interface ClientMetadata {
  readonly client_name: string;
  readonly client_uri: string;
  readonly logo_uri: string;
  readonly tos_uri: string;
  readonly policy_uri: string;
  readonly software_id: string;
  readonly software_version: string | number;
  readonly redirect_uris: readonly string[];
  readonly scope: string;
  readonly token_endpoint_auth_method: string;
  readonly grant_types: readonly string[];
  readonly response_types: readonly string[];
  readonly contacts?: readonly string[];
}

export interface RegisteredClient extends ClientMetadata {
  readonly client_id: string;
  readonly client_secret: string;
  readonly client_id_issued_at: number;
  readonly client_secret_expires_at: 0;
}

const metadataError = (description: string): OAuthProtocolError =>
  new OAuthProtocolError('invalid_client_metadata', description);

const readText = (body: Record<string, unknown>, name: string): string => {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw metadataError(`${name} is required (a non-empty string).`);
  }
  if (value.length > MAX_TEXT) throw metadataError(`${name} is longer than ${String(MAX_TEXT)}.`);
  return value;
};

const readStringArray = (
  body: Record<string, unknown>,
  name: string,
  max: number,
): string[] | undefined => {
  const value = body[name];
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length > max ||
    !value.every((item): item is string => typeof item === 'string' && item.length <= MAX_TEXT)
  ) {
    throw metadataError(`${name} must be an array of at most ${String(max)} strings.`);
  }
  return value;
};

/** Checks one URL against the scheme rule; returns its host name. */
const checkUrl = (
  raw: string,
  name: string,
  allowLoopbackHttp: boolean,
  fail: (description: string) => OAuthProtocolError,
): string => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail(`${name} is not an absolute URL.`);
  }
  if (url.hash !== '' || raw.includes('#')) throw fail(`${name} must not have a fragment.`);
  if (url.username !== '' || url.password !== '') throw fail(`${name} must not carry user info.`);
  const loopbackHttp = allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHttp)) {
    throw fail(
      allowLoopbackHttp
        ? `${name} must be https (http only for localhost, 127.0.0.1 or [::1]).`
        : `${name} must be https.`,
    );
  }
  return url.hostname;
};

/** Validates a registration request into the metadata to store and echo. */
export const readClientMetadata = (body: unknown, publicUrl: string): ClientMetadata => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw metadataError('The registration must be a JSON object.');
  }
  const record = body as Record<string, unknown>;
  const allowLoopbackHttp = publicUrl.startsWith('http:');
  const clientName = readText(record, 'client_name');
  const softwareId = readText(record, 'software_id');
  const version = record.software_version;
  if (
    !(typeof version === 'number' && Number.isFinite(version)) &&
    !(typeof version === 'string' && version.trim() !== '' && version.length <= MAX_TEXT)
  ) {
    throw metadataError('software_version is required (a string or a number).');
  }
  const hosts = new Set<string>();
  const urls: Record<'client_uri' | 'logo_uri' | 'tos_uri' | 'policy_uri', string> = {
    client_uri: '',
    logo_uri: '',
    tos_uri: '',
    policy_uri: '',
  };
  for (const name of ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri'] as const) {
    urls[name] = readText(record, name);
    hosts.add(checkUrl(urls[name], name, allowLoopbackHttp, metadataError));
  }
  if (hosts.size > 1) {
    throw metadataError(
      'client_uri, logo_uri, tos_uri and policy_uri must all be on one host name.',
    );
  }
  const redirectError = (description: string) =>
    new OAuthProtocolError('invalid_redirect_uri', description);
  const redirectUris = readStringArray(record, 'redirect_uris', MAX_REDIRECT_URIS);
  if (redirectUris === undefined || redirectUris.length === 0) {
    throw redirectError('redirect_uris is required (at least one URL).');
  }
  for (const uri of redirectUris) {
    if (!hosts.has(checkUrl(uri, 'redirect_uris', allowLoopbackHttp, redirectError))) {
      throw redirectError('redirect_uris must be on the same host name as client_uri.');
    }
  }
  if (typeof record.scope !== 'string') throw metadataError('scope is required.');
  const scopes = splitScope(record.scope).filter((scope) => ALL_SCOPES.includes(scope));
  if (scopes.length === 0) {
    throw metadataError('scope names none of the scopes this server offers.');
  }
  const method = record.token_endpoint_auth_method ?? 'client_secret_basic';
  if (typeof method !== 'string' || !AUTH_METHODS.includes(method)) {
    throw metadataError(
      'token_endpoint_auth_method must be client_secret_basic or client_secret_post.',
    );
  }
  const grantTypes = readStringArray(record, 'grant_types', 2) ?? ['authorization_code'];
  if (
    !grantTypes.includes('authorization_code') ||
    !grantTypes.every((grant) => GRANT_TYPES.includes(grant))
  ) {
    throw metadataError(
      'grant_types must contain authorization_code, and may add refresh_token; nothing else.',
    );
  }
  const responseTypes = readStringArray(record, 'response_types', 1) ?? ['code'];
  if (responseTypes.length !== 1 || responseTypes[0] !== 'code') {
    throw metadataError('response_types must be ["code"].');
  }
  const contacts = readStringArray(record, 'contacts', MAX_CONTACTS);
  return {
    client_name: clientName,
    ...urls,
    software_id: softwareId,
    software_version: version,
    redirect_uris: redirectUris,
    scope: scopes.join(' '),
    token_endpoint_auth_method: method,
    grant_types: [...new Set(grantTypes)],
    response_types: ['code'],
    ...(contacts === undefined ? {} : { contacts }),
  };
};

/** Stores a new client; answers the registration with its (only) copy of the secret. */
export const registerClient = async (
  db: Database,
  metadata: ClientMetadata,
  now: Date,
): Promise<RegisteredClient> => {
  const clientId = randomBytes(16).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  await db.kysely
    .insertInto('oauth_clients')
    .values({
      id: clientId,
      secret_hash: hashToken(secret),
      name: metadata.client_name,
      redirect_uris: JSON.stringify(metadata.redirect_uris),
      grant_types: JSON.stringify(metadata.grant_types),
      scope: metadata.scope,
      metadata: JSON.stringify(metadata),
      created_at: now.toISOString(),
      disabled_at: null,
    })
    .execute();
  return {
    ...metadata,
    client_id: clientId,
    client_secret: secret,
    client_id_issued_at: Math.floor(now.getTime() / 1000),
    client_secret_expires_at: 0,
  };
};
