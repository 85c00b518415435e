/**
 * Errors of the OAuth 2.0 protocol endpoints (`/oauth/register`, `/oauth/token`,
 * `/oauth/revoke`), answered in the protocol's own format `{error, error_description}` (RFC 6749
 * §5.2, RFC 7591 §3.2.2, RFC 7009 §2.2.1), never the platform's error envelope: the clients are
 * OAuth libraries that read `error`.
 */
import type { FastifyReply } from 'fastify';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type'
  | 'invalid_client_metadata'
  | 'invalid_redirect_uri'
  | 'rate_limited'
  | 'server_error';

export class OAuthProtocolError extends Error {
  override readonly name = 'OAuthProtocolError';
  constructor(
    readonly error: OAuthErrorCode,
    description: string,
    /** 400 unless said otherwise; 401 for `invalid_client`. */
    readonly status: number = error === 'invalid_client' ? 401 : 400,
    /** Extra response headers (`WWW-Authenticate`, `Retry-After`). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description);
  }
}

/** The `WWW-Authenticate` challenge of a failed client authentication (RFC 6749 §5.2). */
export const CLIENT_AUTH_CHALLENGE = 'Basic realm="oauth", charset="UTF-8"';

export const invalidClient = (description: string): OAuthProtocolError =>
  new OAuthProtocolError('invalid_client', description, 401, {
    'www-authenticate': CLIENT_AUTH_CHALLENGE,
  });

/** Sends an OAuth error as JSON, never cached. */
export const sendOAuthError = (reply: FastifyReply, error: OAuthProtocolError): FastifyReply => {
  for (const [name, value] of Object.entries(error.headers)) void reply.header(name, value);
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .type('application/json; charset=utf-8')
    .send({ error: error.error, error_description: error.message });
};
