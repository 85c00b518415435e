/**
 * The Badge Connect status envelope (OB 2.1): every answer, success or error, is
 * `{ status: { error, statusCode, statusText }, … }` with `statusCode` the HTTP status (Moodle
 * checks `status.statusCode == 200` after a push) and `error` a string (Moodle shows it; Badgr
 * sent an array, which Moodle cannot print). Errors reach the envelope as `ServerError`s: the
 * code picks `statusText`, the message (Accept-Language: ja or en) becomes `error`. The bearer
 * check maps `OAuthBearerError` to 401 / 403 with the RFC 6750 `WWW-Authenticate` challenge.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../auth/rate-limited-error.js';
import type { AppContext } from '../http/app-context.js';
import type { ServerErrorCode } from '../http/error-registry.js';
import { pickLanguage } from '../http/pick-language.js';
import { toServerError } from '../http/send-error.js';
import { ServerError } from '../http/server-error.js';
import { authenticateOAuthBearer, OAuthBearerError, type OAuthGrant } from '../oauth/bearer.js';
import type { BadgeConnectStatusResponseValue, StatusText } from './badge-connect-schemas.js';

export const OK_STATUS = { error: null, statusCode: 200, statusText: 'OK' } as const;

const STATUS_TEXT_OF_CODE: Partial<Record<ServerErrorCode, StatusText>> = {
  ERR_HTTP_VALIDATION: 'REQUEST_VALIDATION_ERROR',
  ERR_BADGE_CONNECT_ASSERTION_MISSING: 'REQUEST_VALIDATION_ERROR',
  ERR_BADGE_CONNECT_INVALID_BADGE: 'INVALID_BADGE',
  ERR_BADGE_CONNECT_NOT_OB2: 'INVALID_BADGE',
  ERR_BADGE_CONNECT_RECIPIENT_MISMATCH: 'RECIPIENT_PROFILE_MISMATCH',
};

const STATUS_TEXT_OF_STATUS: Readonly<Record<number, StatusText>> = {
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
};

export const statusTextOf = (error: ServerError): StatusText =>
  STATUS_TEXT_OF_CODE[error.code] ??
  STATUS_TEXT_OF_STATUS[error.status] ??
  (error.status >= 500 ? 'SERVER_ERROR' : 'BAD_REQUEST');

/** The RFC 6750 challenge of a refused access token, sent with the error's envelope. */
const challenges = new WeakMap<ServerError, string>();

/** The message in the client's language, with the bad fields and the verdict's explanation. */
const messageOf = (error: ServerError, request: FastifyRequest): string => {
  const language = pickLanguage(request.headers['accept-language']);
  const parts = [error.localized[language]];
  for (const field of error.fields ?? []) {
    parts.push(`${field.in}${field.path}: ${field.message[language]}`);
  }
  const explanation = error.details?.explanation as { en?: unknown; ja?: unknown } | undefined;
  const explained = explanation?.[language];
  if (typeof explained === 'string') parts.push(explained);
  return parts.join(' ');
};

/** Sends `error` in the status envelope (used as the plugin's error and not-found handler). */
export const sendBadgeConnectError = (
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => {
  const serverError = toServerError(error, request);
  if (serverError.code === 'ERR_SERVER_INTERNAL') {
    request.log.error({ err: error }, 'unexpected error');
  } else {
    request.log.debug({ code: serverError.code }, serverError.message);
  }
  const challenge = challenges.get(serverError);
  if (challenge !== undefined) reply.header('www-authenticate', challenge);
  if (serverError instanceof RateLimitedError) {
    reply.header('retry-after', String(serverError.retryAfterSeconds));
  }
  if (serverError.code === 'ERR_SERVER_SHUTTING_DOWN') {
    reply.header('connection', 'close').header('retry-after', '5');
  }
  const body: BadgeConnectStatusResponseValue = {
    status: {
      error: messageOf(serverError, request),
      statusCode: serverError.status,
      statusText: statusTextOf(serverError),
    },
  };
  return reply
    .code(serverError.status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(body);
};

export const badgeConnectErrorHandler = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => sendBadgeConnectError(error, request, reply);

const grants = new WeakMap<FastifyRequest, OAuthGrant>();

/**
 * The grant of the request's access token, which must carry `scope`; else a ServerError that
 * the envelope sends as 401 UNAUTHENTICATED / 403 PERMISSION_DENIED with `WWW-Authenticate`.
 */
const requireGrant = async (
  context: AppContext,
  request: FastifyRequest,
  scope: string,
): Promise<OAuthGrant> => {
  try {
    return await authenticateOAuthBearer(context, request, scope);
  } catch (error) {
    if (!(error instanceof OAuthBearerError)) throw error;
    const serverError =
      error.status === 401
        ? new ServerError('ERR_BADGE_CONNECT_UNAUTHENTICATED', { cause: error })
        : new ServerError('ERR_BADGE_CONNECT_PERMISSION_DENIED', {
            params: { scope },
            cause: error,
          });
    challenges.set(serverError, error.challenge);
    throw serverError;
  }
};

/**
 * The route options that check the access token first (`onRequest`, before the body is read and
 * validated: a client without a token learns that, not that its body is malformed).
 */
export const bearerScope = (context: AppContext, scope: string) => ({
  config: { ownAuthorization: true },
  onRequest: async (request: FastifyRequest) => {
    grants.set(request, await requireGrant(context, request, scope));
  },
});

/** The grant `bearerScope` checked. */
export const grantOf = (request: FastifyRequest): OAuthGrant => {
  const grant = grants.get(request);
  if (grant === undefined) throw new ServerError('ERR_BADGE_CONNECT_UNAUTHENTICATED');
  return grant;
};
