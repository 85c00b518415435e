/**
 * 429 ERR_AUTH_RATE_LIMITED with the Retry-After header. A command throws `RateLimitedError`; a
 * route plugin that may see one installs `installRetryAfter`, whose error handler adds the
 * header and hands the error to the platform's one error handler.
 */
import type { App } from '../http/app-context.js';
import { sendError } from '../http/send-error.js';
import { ServerError } from '../http/server-error.js';
import type { RateLimitState } from './rate-limit.js';

export class RateLimitedError extends ServerError<'ERR_AUTH_RATE_LIMITED'> {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('ERR_AUTH_RATE_LIMITED', { params: { seconds: retryAfterSeconds } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Throws `RateLimitedError` when the state says the limit is exceeded. */
export const assertWithinRateLimit = (state: RateLimitState): void => {
  if (state.exceeded) throw new RateLimitedError(state.retryAfterSeconds);
};

/** Answers this plugin's `RateLimitedError`s with their Retry-After header. */
export const installRetryAfter = (app: App): void => {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof RateLimitedError) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    return sendError(error, request, reply);
  });
};
