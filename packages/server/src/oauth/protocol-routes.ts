/**
 * The OAuth 2.0 protocol endpoints, at the root: RFC 8414 metadata, dynamic registration
 * (RFC 7591), the token endpoint (RFC 6749) and revocation (RFC 7009). They answer in OAuth's
 * format `{error, error_description}` (this plugin's error handler), never the platform
 * envelope, and read `Authorization` themselves (`ownAuthorization`: no session or API key is
 * looked at, so no CSRF token is asked of a client that happens to send a cookie).
 */
import type { FastifyError } from 'fastify';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import { ANONYMOUS } from '../auth/actor.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { RoutePlugin } from '../http/app-context.js';
import { sendError } from '../http/send-error.js';
import { authenticateClient } from './client-authentication.js';
import { installFormParser, readForm } from './oauth-form.js';
import { OAuthProtocolError, sendOAuthError } from './oauth-protocol-error.js';
import { revokeToken } from './oauth-tokens.js';
import { readClientMetadata, registerClient } from './register-client.js';
import { ALL_SCOPES } from './scopes.js';
import { exchangeCode, refreshTokens } from './token-grants.js';

export interface ProtocolRoutesOptions {
  /** Registrations per client address (default 20 an hour). */
  readonly registrationsPerClient?: RateLimitRule;
}

export const REGISTRATIONS_PER_CLIENT: RateLimitRule = { limit: 20, windowMs: 60 * 60 * 1000 };

const OWN = { ownAuthorization: true } as const;
const TOKEN_HINTS = new Set(['access_token', 'refresh_token']);

/** The RFC 8414 metadata; absolute URLs from `PUBLIC_URL`, which is also the issuer. */
export const buildServerMetadata = (publicUrl: string) => ({
  issuer: publicUrl,
  authorization_endpoint: `${publicUrl}/oauth/authorize`,
  token_endpoint: `${publicUrl}/oauth/token`,
  registration_endpoint: `${publicUrl}/oauth/register`,
  revocation_endpoint: `${publicUrl}/oauth/revoke`,
  scopes_supported: ALL_SCOPES,
  response_types_supported: ['code'],
  response_modes_supported: ['query'],
  grant_types_supported: ['authorization_code', 'refresh_token'],
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  code_challenge_methods_supported: ['S256'],
  authorization_response_iss_parameter_supported: true,
});

export const createProtocolRoutes =
  (options: ProtocolRoutesOptions = {}): RoutePlugin =>
  (app, { db, clock, config }) => {
    const perClient = options.registrationsPerClient ?? REGISTRATIONS_PER_CLIENT;
    installFormParser(app);
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof OAuthProtocolError) return sendOAuthError(reply, error);
      const status = error.statusCode ?? 500;
      if (error.code.startsWith('FST_') && status >= 400 && status < 500) {
        return sendOAuthError(reply, new OAuthProtocolError('invalid_request', error.message));
      }
      return sendError(error, request, reply);
    });

    app.get(
      '/.well-known/oauth-authorization-server',
      { config: OWN, schema: { hide: true } },
      (_request, reply) =>
        reply
          .header('cache-control', 'public, max-age=300')
          .send(buildServerMetadata(config.publicUrl)),
    );

    app.post('/oauth/register', { config: OWN, schema: { hide: true } }, async (request, reply) => {
      const now = clock();
      const limit = await hitRateLimit(
        db.kysely,
        `oauth-register:ip:${request.ip}`,
        perClient,
        now,
      );
      if (limit.exceeded) {
        throw new OAuthProtocolError(
          'rate_limited',
          'Too many registrations from this address; try again later.',
          429,
          { 'retry-after': String(limit.retryAfterSeconds) },
        );
      }
      const metadata = readClientMetadata(request.body, config.publicUrl);
      const client = await registerClient(db, metadata, now);
      await recordAuditEvent(
        db,
        {
          action: 'oauth.client-register',
          actor: ANONYMOUS,
          targetType: 'oauth-client',
          targetId: client.client_id,
          details: {
            clientName: metadata.client_name,
            clientUri: metadata.client_uri,
            softwareId: metadata.software_id,
            scope: metadata.scope,
          },
          request,
        },
        now,
      );
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .header('pragma', 'no-cache')
        .send(client);
    });

    app.post('/oauth/token', { config: OWN, schema: { hide: true } }, async (request, reply) => {
      const form = readForm(request);
      const client = await authenticateClient(db, request, form);
      const now = clock();
      const grantType = form.grant_type;
      let answer;
      if (grantType === 'authorization_code') {
        answer = await exchangeCode(db, client, form, request, now);
      } else if (grantType === 'refresh_token') {
        answer = await refreshTokens(db, client, form, request, now);
      } else if (grantType === undefined || grantType === '') {
        throw new OAuthProtocolError('invalid_request', 'grant_type is required.');
      } else {
        throw new OAuthProtocolError(
          'unsupported_grant_type',
          'Only authorization_code and refresh_token are supported.',
        );
      }
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(answer);
    });

    app.post('/oauth/revoke', { config: OWN, schema: { hide: true } }, async (request, reply) => {
      const form = readForm(request);
      const client = await authenticateClient(db, request, form);
      const token = form.token;
      if (token === undefined || token === '') {
        throw new OAuthProtocolError('invalid_request', 'token is required.');
      }
      const hint = form.token_type_hint;
      if (hint !== undefined && !TOKEN_HINTS.has(hint)) {
        throw new OAuthProtocolError(
          'unsupported_token_type',
          'token_type_hint must be access_token or refresh_token.',
        );
      }
      await revokeToken(db, client.id, token, clock());
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send();
    });
  };
