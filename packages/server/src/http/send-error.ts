/**
 * The one place that turns an error into a response. A `ServerError` keeps its code; Fastify's own
 * request errors (body too large, malformed JSON, wrong content type) get theirs from the
 * registry; anything else is a bug: logged in full with the request id, answered with a generic
 * 500 that says nothing of what went wrong.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { buildErrorEnvelope } from './error-envelope.js';
import { pickLanguage } from './pick-language.js';
import { isServerError, ServerError } from './server-error.js';

const isFastifyError = (error: unknown): error is FastifyError =>
  error instanceof Error &&
  typeof (error as Partial<FastifyError>).code === 'string' &&
  (error as FastifyError).code.startsWith('FST_');

/** The `ServerError` an error stands for. */
export const toServerError = (error: unknown, request: FastifyRequest): ServerError => {
  if (isServerError(error)) return error;
  if (isFastifyError(error)) {
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return new ServerError('ERR_HTTP_BODY_TOO_LARGE', {
          params: { limit: request.routeOptions.bodyLimit },
          cause: error,
        });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return new ServerError('ERR_HTTP_UNSUPPORTED_MEDIA_TYPE', { cause: error });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return new ServerError('ERR_HTTP_MALFORMED_BODY', { cause: error });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return new ServerError('ERR_HTTP_BAD_REQUEST', { cause: error });
    }
  }
  return new ServerError('ERR_SERVER_INTERNAL', { cause: error });
};

/** Sends the envelope of `error` (already a `ServerError` or not) and logs what needs logging. */
export const sendError = (
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
  if (serverError.code === 'ERR_SERVER_SHUTTING_DOWN') {
    reply.header('connection', 'close').header('retry-after', '5');
  }
  return reply
    .code(serverError.status)
    .header('content-language', language)
    .header('vary', 'accept-language')
    .type('application/json; charset=utf-8')
    .send(buildErrorEnvelope(serverError, request.id, language));
};
