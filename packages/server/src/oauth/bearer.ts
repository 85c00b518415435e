/**
 * Checking an OAuth 2.0 access token of this platform's authorization server (ADR 0011): the
 * resource servers (the Open Badges 3.0 API, Badge Connect) call `authenticateOAuthBearer` with
 * the scope an operation needs, and map `OAuthBearerError` to their own error format with
 * `WWW-Authenticate: Bearer error="…"` (RFC 6750). Routes that use it set
 * `config: { ownAuthorization: true }` so the platform's session / API-key hook stays out.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/app-context.js';

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

/**
 * The grant behind the request's `Authorization: Bearer` access token, which must be live (not
 * expired, not revoked, its client not disabled) and carry `scope`.
 * @throws OAuthBearerError
 */
export const authenticateOAuthBearer = async (
  _context: AppContext,
  _request: FastifyRequest,
  _scope: string,
): Promise<OAuthGrant> =>
  Promise.reject(new OAuthBearerError('invalid_token', 'not implemented yet'));
