/**
 * Identifies the caller of every request: a session cookie (`akashi_session`), or an API key
 * (`Authorization: Bearer akashi_…`). Cookie-authenticated writes (POST, PUT, PATCH, DELETE)
 * must carry the session's CSRF token in `x-csrf-token`; API-key requests need none (no
 * ambient credentials). A bad or expired credential is an error, never a silent downgrade to
 * anonymous, so clients learn at once that their key or session is gone (except on the routes
 * that start or end a session). A session ends when idle too long or at its absolute expiry, and
 * a session that still owes its second factor serves only the routes that complete or end the
 * sign-in (`session-rules.ts`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { ANONYMOUS, type Actor } from './actor.js';
import { isSecondFactorPending, isSessionLive } from './session-rules.js';
import { CSRF_HEADER, hashToken, SESSION_COOKIE } from './session-token.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of one cookie in a Cookie header (no library: the header is simple to read). */
export const readCookie = (header: string | undefined, name: string): string | undefined => {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
};

const sameToken = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

const authenticateApiKey = async (token: string, context: AppContext): Promise<Actor> => {
  const key = await context.db.kysely
    .selectFrom('api_keys')
    .select(['id', 'organisation_id', 'scopes', 'revoked_at'])
    .where('key_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (key === undefined || key.revoked_at !== null)
    throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  await context.db.kysely
    .updateTable('api_keys')
    .set({ last_used_at: context.clock().toISOString() })
    .where('id', '=', key.id)
    .execute();
  const scopes = JSON.parse(key.scopes) as unknown;
  return {
    kind: 'api-key',
    apiKeyId: key.id,
    organisationId: key.organisation_id,
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
  };
};

const authenticateSession = async (
  request: FastifyRequest,
  token: string,
  context: AppContext,
): Promise<Actor> => {
  const clock = context.clock();
  const now = clock.toISOString();
  const session = await context.db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as id',
      'sessions.csrf_token as csrf',
      'sessions.expires_at as expiresAt',
      'sessions.second_factor_at as secondFactorAt',
      'sessions.last_seen_at as lastSeenAt',
      'users.id as userId',
      'users.is_operator as isOperator',
      'users.disabled_at as disabledAt',
      'users.totp_enabled_at as totpEnabledAt',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('passkeys')
            .select('passkeys.id')
            .whereRef('passkeys.user_id', '=', 'users.id'),
        )
        .as('hasPasskey'),
    )
    .where('sessions.id', '=', hashToken(token))
    .executeTakeFirst();
  if (session === undefined || !isSessionLive(session, clock) || session.disabledAt !== null) {
    // Routes that start or end a session treat an old cookie as none (session-rules.ts).
    if (request.routeOptions.config.ignoreStaleSession === true) return ANONYMOUS;
    throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  }
  if (!SAFE_METHODS.has(request.method) && request.routeOptions.config.csrfCheckedByApi !== true) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameToken(sent, session.csrf)) {
      throw new ServerError('ERR_HTTP_CSRF');
    }
  }
  if (
    isSecondFactorPending(session) &&
    request.routeOptions.config.allowPendingSecondFactor !== true
  ) {
    throw new ServerError('ERR_AUTH_SECOND_FACTOR_REQUIRED');
  }
  await context.db.kysely
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', session.id)
    .execute();
  return {
    kind: 'user',
    userId: session.userId,
    isOperator: session.isOperator === 1,
    sessionId: session.id,
    secondFactor: session.secondFactorAt !== null,
  };
};

export const installAuthentication = (app: App, context: AppContext): void => {
  // A reference type cannot be a decoration's default: every request gets its actor in the hook.
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.ownAuthorization === true) {
      request.actor = ANONYMOUS;
      return;
    }
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (match === null) throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
      request.actor = await authenticateApiKey(match[1] as string, context);
      return;
    }
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    request.actor =
      token === undefined ? ANONYMOUS : await authenticateSession(request, token, context);
  });
};
