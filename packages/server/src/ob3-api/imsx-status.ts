/**
 * Errors of the Open Badges 3.0 API as its own format, `Imsx_StatusInfo` (OB 3.0 §6.2): every
 * error of the API's routes (ours, the platform's, Fastify's) is turned into the platform's
 * `ServerError` first (`http/send-error.ts`), then into
 *
 *   { imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_description,
 *     imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'Akashi',
 *                                               imsx_codeMinorFieldValue }] } }
 *
 * with the status of the registry, `WWW-Authenticate: Bearer error="…"` on 401 and 403 (RFC 6750)
 * and `Retry-After` on 429 and 503 (without it, OB 3.0 clients wait 30 minutes).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../auth/rate-limited-error.js';
import { pickLanguage } from '../http/pick-language.js';
import { toServerError } from '../http/send-error.js';
import type { ServerError } from '../http/server-error.js';

export const IMSX_CODE_MINOR_VALUES = [
  'forbidden',
  'fullsuccess',
  'internal_server_error',
  'invalid_data',
  'invalid_query_parameter',
  'misdirected_request',
  'not_acceptable',
  'not_allowed',
  'not_found',
  'not_modified',
  'server_busy',
  'unauthorizedrequest',
  'unknown',
] as const;

export type ImsxCodeMinor = (typeof IMSX_CODE_MINOR_VALUES)[number];

export const ImsxStatusInfo = Type.Object(
  {
    imsx_codeMajor: Type.Union(
      ['failure', 'processing', 'success', 'unsupported'].map((value) => Type.Literal(value)),
    ),
    imsx_severity: Type.Union(['error', 'status', 'warning'].map((value) => Type.Literal(value))),
    imsx_description: Type.Optional(Type.String()),
    imsx_codeMinor: Type.Optional(
      Type.Object({
        imsx_codeMinorField: Type.Array(
          Type.Object({
            imsx_codeMinorFieldName: Type.String(),
            imsx_codeMinorFieldValue: Type.Union(
              IMSX_CODE_MINOR_VALUES.map((value) => Type.Literal(value)),
            ),
          }),
          { minItems: 1 },
        ),
      }),
    ),
  },
  {
    description: 'The status of an Open Badges 3.0 API request that failed (OB 3.0 §6.2).',
  },
);
export type ImsxStatusInfo = Static<typeof ImsxStatusInfo>;

/** The code minor value of the API's own codes; the others follow the HTTP status. */
const CODE_MINOR_OF: Readonly<Record<string, ImsxCodeMinor>> = {
  ERR_OB3_TOKEN_INVALID: 'unauthorizedrequest',
  ERR_OB3_SCOPE_INSUFFICIENT: 'forbidden',
  ERR_OB3_QUERY_INVALID: 'invalid_query_parameter',
  ERR_OB3_CREDENTIAL_INVALID: 'invalid_data',
  ERR_OB3_CREDENTIAL_NOT_GENUINE: 'invalid_data',
  ERR_OB3_PROFILE_INVALID: 'invalid_data',
  ERR_OB3_NOT_FOUND: 'not_found',
  ERR_OB3_METHOD_NOT_ALLOWED: 'not_allowed',
};

export const codeMinorOf = (error: ServerError): ImsxCodeMinor => {
  const own = CODE_MINOR_OF[error.code];
  if (own !== undefined) return own;
  const fields = error.fields ?? [];
  if (fields.length > 0 && fields.every((field) => field.in === 'querystring')) {
    return 'invalid_query_parameter';
  }
  const { status } = error;
  if (status === 401) return 'unauthorizedrequest';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 405) return 'not_allowed';
  if (status === 406) return 'not_acceptable';
  if (status === 429 || status === 503) return 'server_busy';
  if (status >= 500) return 'internal_server_error';
  return 'invalid_data';
};

/** The body of a failure. */
export const buildImsxFailure = (
  codeMinor: ImsxCodeMinor,
  description: string,
): ImsxStatusInfo => ({
  imsx_codeMajor: 'failure',
  imsx_severity: 'error',
  imsx_description: description,
  imsx_codeMinor: {
    imsx_codeMinorField: [
      { imsx_codeMinorFieldName: 'Akashi', imsx_codeMinorFieldValue: codeMinor },
    ],
  },
});

/** Seconds a client should wait before retrying a 429 or 503. */
const retryAfterOf = (error: ServerError): string | undefined => {
  if (error instanceof RateLimitedError) return String(error.retryAfterSeconds);
  if (error.code === 'ERR_SERVER_SHUTTING_DOWN') return '5';
  return error.status === 429 || error.status === 503 ? '30' : undefined;
};

/** The RFC 6750 challenge the error carries (`details.challenge`), or a plain one. */
const challengeOf = (error: ServerError): string | undefined => {
  if (error.status !== 401 && error.status !== 403) return undefined;
  const challenge = error.details?.challenge;
  if (typeof challenge === 'string') return challenge;
  return error.status === 401
    ? 'Bearer error="invalid_token"'
    : 'Bearer error="insufficient_scope"';
};

/** The message, with every bad field of a validation failure (`limit: must be ≤ 100`). */
const describe = (error: ServerError, language: 'en' | 'ja'): string => {
  const fields = (error.fields ?? []).map(
    (field) => `${field.path.replace(/^\//, '') || field.in}: ${field.message[language]}`,
  );
  const explanation = error.details?.explanation as Partial<Record<string, unknown>> | undefined;
  const why = explanation?.[language];
  const message =
    typeof why === 'string' ? `${error.localized[language]} ${why}` : error.localized[language];
  return fields.length === 0 ? message : `${message} (${fields.join('; ')})`;
};

/** Answers `error` (any error) as `Imsx_StatusInfo`, logging what needs logging. */
export const sendImsxError = (
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => {
  const serverError = toServerError(error, request);
  if (serverError.code === 'ERR_SERVER_INTERNAL') {
    request.log.error({ err: error }, 'unexpected error');
  } else if (serverError.status >= 500) {
    request.log.warn({ code: serverError.code, err: serverError.cause }, serverError.message);
  } else {
    request.log.debug({ code: serverError.code }, serverError.message);
  }
  const language = pickLanguage(request.headers['accept-language']);
  const retryAfter = retryAfterOf(serverError);
  if (retryAfter !== undefined) void reply.header('retry-after', retryAfter);
  const challenge = challengeOf(serverError);
  if (challenge !== undefined) void reply.header('www-authenticate', challenge);
  const allow = serverError.details?.allow;
  if (typeof allow === 'string') void reply.header('allow', allow);
  return reply
    .code(serverError.status)
    .header('cache-control', 'no-store')
    .header('content-language', language)
    .header('vary', 'accept-language')
    .type('application/json; charset=utf-8')
    .send(buildImsxFailure(codeMinorOf(serverError), describe(serverError, language)));
};
