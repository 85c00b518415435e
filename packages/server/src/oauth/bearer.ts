/**
 * Checking an OAuth 2.0 access token of this platform's authorization server (ADR 0011): the
 * resource servers (the Open Badges 3.0 API, Badge Connect) call `authenticateOAuthBearer` with
 * the scope an operation needs, and map `OAuthBearerError` to their own error format with
 * `WWW-Authenticate: Bearer error="…"` (RFC 6750). Routes that use it set
 * `config: { ownAuthorization: true }` so the platform's session / API-key hook stays out.
 *
 * Access tokens are opaque random strings; the database keeps their SHA-256, so one indexed read
 * answers whether a token is live and revocation takes effect at once. Nothing is written on a
 * read: the check stays cheap on every API call.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/app-context.js';
import { hashToken } from '../auth/session-token.js';

export interface OAuthGrant {
  readonly userId: string;
  readonly clientId: string;
  /** The token's scopes. */
  readonly scopes: readonly string[];
}

/** `invalid_token` → 401; `insufficient_scope` → 403 (RFC 6750 §3.1). */
export class OAuthBearerError extends Error {
  override readonly name = 'OAuthBearerError';
  constructor(
    readonly error: 'invalid_token' | 'insufficient_scope',
    message: string,
  ) {
    super(message);
  }

  get status(): 401 | 403 {
    return this.error === 'invalid_token' ? 401 : 403;
  }

  /** The `WWW-Authenticate` header value. */
  get challenge(): string {
    return `Bearer error="${this.error}", error_description="${this.message.replace(/"/g, "'")}"`;
  }
}

/** The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), if any. */
export const readBearerToken = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match?.[1];
};

/**
 * The grant behind the request's `Authorization: Bearer` access token, which must be live (not
 * expired, not revoked, its client not disabled, its account not disabled) and carry `scope`.
 * @throws OAuthBearerError
 */
export const authenticateOAuthBearer = async (
  context: AppContext,
  request: FastifyRequest,
  scope: string,
): Promise<OAuthGrant> => {
  const token = readBearerToken(request);
  if (token === undefined) {
    throw new OAuthBearerError('invalid_token', 'An OAuth 2.0 Bearer access token is required.');
  }
  const row = await context.db.kysely
    .selectFrom('oauth_tokens')
    .innerJoin('oauth_clients', 'oauth_clients.id', 'oauth_tokens.client_id')
    .innerJoin('users', 'users.id', 'oauth_tokens.user_id')
    .select([
      'oauth_tokens.user_id as userId',
      'oauth_tokens.client_id as clientId',
      'oauth_tokens.scope as scope',
      'oauth_tokens.expires_at as expiresAt',
      'oauth_tokens.revoked_at as revokedAt',
      'oauth_clients.disabled_at as clientDisabledAt',
      'users.disabled_at as userDisabledAt',
    ])
    .where('oauth_tokens.id', '=', hashToken(token))
    .where('oauth_tokens.kind', '=', 'access')
    .executeTakeFirst();
  const now = context.clock().getTime();
  if (
    row === undefined ||
    row.revokedAt !== null ||
    row.expiresAt === null ||
    Date.parse(row.expiresAt) <= now ||
    row.clientDisabledAt !== null ||
    row.userDisabledAt !== null
  ) {
    throw new OAuthBearerError('invalid_token', 'The access token is unknown, expired or revoked.');
  }
  const scopes = row.scope.split(' ').filter((s) => s !== '');
  if (!scopes.includes(scope)) {
    throw new OAuthBearerError('insufficient_scope', `The access token lacks the scope ${scope}.`);
  }
  return { userId: row.userId, clientId: row.clientId, scopes };
};
