/**
 * Client authentication at the token and revocation endpoints: HTTP Basic (RFC 6749 §2.3.1: the
 * id and secret each form-urlencoded, then joined by `:` and base64-encoded), or `client_id` +
 * `client_secret` in the form body (`client_secret_post`, which Moodle uses to refresh although
 * it registered `client_secret_basic`). Both are accepted for every client; using both at once
 * is refused (RFC 6749 §2.3). Secrets are compared as SHA-256 hashes in constant time, and an
 * unknown client costs the same comparison. Every failure is 401 `invalid_client` with
 * `WWW-Authenticate: Basic`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/open-database.js';
import { hashToken } from '../auth/session-token.js';
import type { FormParameters } from './oauth-form.js';
import { invalidClient, OAuthProtocolError } from './oauth-protocol-error.js';

export interface AuthenticatedClient {
  readonly id: string;
  readonly grantTypes: readonly string[];
  readonly scope: string;
}

const decodeFormComponent = (value: string): string =>
  decodeURIComponent(value.replace(/\+/g, ' '));

/** The id and secret of an `Authorization: Basic` header, if one is sent. */
const readBasic = (request: FastifyRequest): { id: string; secret: string } | undefined => {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Basic +([A-Za-z0-9+/]+=*) *$/i.exec(header);
  if (match === null) throw invalidClient('The Authorization header is not HTTP Basic.');
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw invalidClient('The Basic credentials have no ":".');
  try {
    return {
      id: decodeFormComponent(decoded.slice(0, colon)),
      secret: decodeFormComponent(decoded.slice(colon + 1)),
    };
  } catch {
    throw invalidClient('The Basic credentials are not form-urlencoded.');
  }
};

const DUMMY_HASH = hashToken('no such client');

export const authenticateClient = async (
  db: Database,
  request: FastifyRequest,
  form: FormParameters,
): Promise<AuthenticatedClient> => {
  const basic = readBasic(request);
  if (basic !== undefined && form.client_secret !== undefined) {
    throw new OAuthProtocolError(
      'invalid_request',
      'Authenticate the client by one method only: HTTP Basic or client_secret in the body.',
    );
  }
  const credentials =
    basic ??
    (form.client_id !== undefined && form.client_secret !== undefined
      ? { id: form.client_id, secret: form.client_secret }
      : undefined);
  if (credentials === undefined) {
    throw invalidClient('Client authentication is required (HTTP Basic, or client_secret_post).');
  }
  if (basic !== undefined && form.client_id !== undefined && form.client_id !== basic.id) {
    throw invalidClient('client_id in the body differs from the authenticated client.');
  }
  const client = await db.kysely
    .selectFrom('oauth_clients')
    .select(['id', 'secret_hash', 'grant_types', 'scope', 'disabled_at'])
    .where('id', '=', credentials.id)
    .executeTakeFirst();
  const expected = Buffer.from(client?.secret_hash ?? DUMMY_HASH, 'hex');
  const presented = Buffer.from(hashToken(credentials.secret), 'hex');
  const matches = expected.length === presented.length && timingSafeEqual(expected, presented);
  if (client === undefined || !matches || client.disabled_at !== null) {
    throw invalidClient('The client is unknown or its credentials are wrong.');
  }
  return {
    id: client.id,
    grantTypes: JSON.parse(client.grant_types) as string[],
    scope: client.scope,
  };
};
