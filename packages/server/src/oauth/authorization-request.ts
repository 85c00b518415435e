/**
 * The authorization request (RFC 6749 §4.1.1 with PKCE, RFC 7636), checked for the consent page
 * (`GET /oauth/authorize` is a web page that calls the API in `authorization-routes.ts`).
 *
 * Order of the checks, as RFC 6749 §4.1.2.1 requires: an unknown client or a redirect URI that is
 * not exactly registered is an error shown to the person (`ServerError`, 400), never a redirect
 * (that would make the server an open redirector). Every later problem goes back to the client
 * as `redirect_uri?error=…&state=…&iss=…`: `response_type` not `code` →
 * `unsupported_response_type`; no `state` → `invalid_request` (without `state`, as there is
 * none); `code_challenge_method` other than `S256` or a `code_challenge` that is not 43–128
 * base64url characters → `invalid_request`; no scope, or one the client did not register →
 * `invalid_scope`. Approved, a code (256 random bits, stored as SHA-256, 10 minutes) is bound to
 * the client, the redirect URI, the account, the challenge and the scope.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import { hashToken } from '../auth/session-token.js';
import { splitScope } from './scope-labels.js';

export const CODE_LIFETIME_MS = 10 * 60 * 1000;
const CHALLENGE = /^[A-Za-z0-9_-]{43,128}$/;

/** The query parameters of an authorization request, as the consent page received them. */
export interface AuthorizationParameters {
  readonly response_type?: string | undefined;
  readonly client_id?: string | undefined;
  readonly redirect_uri?: string | undefined;
  readonly scope?: string | undefined;
  readonly state?: string | undefined;
  readonly code_challenge?: string | undefined;
  readonly code_challenge_method?: string | undefined;
}

/** A request that passed every check, its scope normalised (no blanks, no repeats). */
export interface ValidAuthorizationRequest {
  readonly response_type: 'code';
  readonly client_id: string;
  readonly redirect_uri: string;
  readonly scope: string;
  readonly state: string;
  readonly code_challenge: string;
  readonly code_challenge_method: 'S256';
}

export interface AuthorizationClient {
  readonly id: string;
  readonly name: string;
  readonly uri: string;
  readonly logoUri: string;
  readonly tosUri: string;
  readonly policyUri: string;
}

export type CheckedAuthorization =
  | {
      readonly kind: 'valid';
      readonly client: AuthorizationClient;
      readonly request: ValidAuthorizationRequest;
    }
  | { readonly kind: 'redirect'; readonly redirectTo: string };

/** `redirect_uri` with the answer's parameters added (its own query kept, RFC 6749 §3.1.2). */
export const buildRedirect = (
  redirectUri: string,
  parameters: Readonly<Record<string, string | undefined>>,
): string => {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  return url.href;
};

const readClient = async (db: Database, clientId: string | undefined) => {
  if (clientId === undefined || clientId === '') return undefined;
  return db.kysely
    .selectFrom('oauth_clients')
    .select(['id', 'name', 'redirect_uris', 'scope', 'metadata', 'disabled_at'])
    .where('id', '=', clientId)
    .executeTakeFirst();
};

export const checkAuthorizationRequest = async (
  db: Database,
  issuer: string,
  parameters: AuthorizationParameters,
): Promise<CheckedAuthorization> => {
  const client = await readClient(db, parameters.client_id);
  if (client === undefined || client.disabled_at !== null) {
    throw new ServerError('ERR_OAUTH_CLIENT_UNKNOWN');
  }
  const redirectUris = JSON.parse(client.redirect_uris) as string[];
  const redirectUri = parameters.redirect_uri;
  if (redirectUri === undefined || !redirectUris.includes(redirectUri)) {
    throw new ServerError('ERR_OAUTH_REDIRECT_URI_INVALID');
  }
  const state = parameters.state === '' ? undefined : parameters.state;
  const refuse = (error: string, description: string): CheckedAuthorization => ({
    kind: 'redirect',
    redirectTo: buildRedirect(redirectUri, {
      error,
      error_description: description,
      state,
      iss: issuer,
    }),
  });
  if (parameters.response_type !== 'code') {
    return refuse('unsupported_response_type', 'Only response_type=code is supported.');
  }
  if (state === undefined) return refuse('invalid_request', 'state is required.');
  if (parameters.code_challenge_method !== 'S256') {
    return refuse('invalid_request', 'PKCE is required with code_challenge_method=S256.');
  }
  const challenge = parameters.code_challenge;
  if (challenge === undefined || !CHALLENGE.test(challenge)) {
    return refuse('invalid_request', 'code_challenge must be 43-128 base64url characters.');
  }
  const requested = splitScope(parameters.scope);
  if (requested.length === 0) return refuse('invalid_scope', 'scope is required.');
  const registered = splitScope(client.scope);
  const outside = requested.filter((scope) => !registered.includes(scope));
  if (outside.length > 0) {
    return refuse('invalid_scope', `Not registered for this client: ${outside.join(' ')}`);
  }
  const metadata = JSON.parse(client.metadata) as Record<string, string>;
  return {
    kind: 'valid',
    client: {
      id: client.id,
      name: client.name,
      uri: metadata.client_uri ?? '',
      logoUri: metadata.logo_uri ?? '',
      tosUri: metadata.tos_uri ?? '',
      policyUri: metadata.policy_uri ?? '',
    },
    request: {
      response_type: 'code',
      client_id: client.id,
      redirect_uri: redirectUri,
      scope: requested.join(' '),
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    },
  };
};

/** The person's answer: a code on approval, `access_denied` otherwise. Returns the redirect. */
export const decideAuthorization = async (
  db: Database,
  issuer: string,
  request: ValidAuthorizationRequest,
  userId: string,
  approve: boolean,
  now: Date,
): Promise<string> => {
  if (!approve) {
    return buildRedirect(request.redirect_uri, {
      error: 'access_denied',
      error_description: 'The account holder denied the request.',
      state: request.state,
      iss: issuer,
    });
  }
  const code = randomBytes(32).toString('base64url');
  await db.kysely
    .insertInto('oauth_codes')
    .values({
      id: hashToken(code),
      client_id: request.client_id,
      user_id: userId,
      redirect_uri: request.redirect_uri,
      scope: request.scope,
      code_challenge: request.code_challenge,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CODE_LIFETIME_MS).toISOString(),
      used_at: null,
    })
    .execute();
  return buildRedirect(request.redirect_uri, {
    code,
    state: request.state,
    scope: request.scope,
    iss: issuer,
  });
};
