/**
 * An award sent to its recipient's own Open Badges 3.0 host (`push-award-to-host.ts`), under
 * /api/v1, mounted by `wallet-connection-routes.ts`:
 *
 *   POST /awards/{awardId}/host-pushes    start (claim token, or the signed-in holder; limited
 *                                         per client address) → {id, authorizationUrl}
 *   POST /awards/host-pushes/callback     what the host sent back ({code, state} or
 *                                         {error, state}); the unguessable single-use `state`
 *                                         alone authorises it (no session is read)
 */
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import type { App, AppContext } from '../http/app-context.js';
import { ErrorEnvelope } from '../http/error-envelope.js';
import { ServerError } from '../http/server-error.js';
import { completeAwardPush, startAwardPush } from './push-award-to-host.js';
import type { ConnectionDeps } from './register-remote-host.js';
import {
  AwardPushParams,
  AwardPushView,
  CallbackBody,
  StartAwardPushBody,
  StartAwardPushResult,
} from './wallet-connection-schemas.js';

/** Pushes started, and callbacks answered, per client address and ten minutes (each). */
export const HOST_PUSH_PER_CLIENT: RateLimitRule = { limit: 30, windowMs: 10 * 60_000 };

const TAGS = ['wallet'];

export const registerAwardHostPushRoutes = (
  app: App,
  context: AppContext,
  deps: ConnectionDeps,
): void => {
  const limit = async (
    step: 'start' | 'callback',
    ip: string,
    setRetryAfter: (seconds: number) => void,
  ) => {
    const state = await hitRateLimit(
      context.db.kysely,
      `award-host-push:${step}:ip:${ip}`,
      HOST_PUSH_PER_CLIENT,
      context.clock(),
    );
    if (state.exceeded) {
      setRetryAfter(state.retryAfterSeconds);
      throw new ServerError('ERR_WALLET_HOST_PUSH_RATE_LIMITED', {
        params: { seconds: state.retryAfterSeconds },
      });
    }
  };

  app.post(
    '/awards/:awardId/host-pushes',
    {
      config: { ignoreStaleSession: true },
      schema: {
        summary: "Start sending an award to the recipient's own Open Badges host",
        description:
          "Allowed with the award e-mail's claim token (`token`), or signed in with the account whose wallet holds the award. Reads the host's service description (`{baseUrl}/ims/ob/v3p0/discovery`), registers this platform there once per host (RFC 7591), and answers the host's authorization URL (scope `credential.upsert` only, `state`, PKCE S256): send the browser there. The host sends it back to `/wallet/connections/callback`. The award is sent as it is: a revoked or suspended award keeps its status. 401 signed out without a token; 403 ERR_DELIVERY_FORBIDDEN; 404 ERR_DELIVERY_AWARD_NOT_FOUND; 400 ERR_WALLET_CONNECTION_BASE_URL_INVALID; 422 ERR_WALLET_CONNECTION_NOT_OB_HOST, ERR_WALLET_CONNECTION_DISCOVERY_INVALID or ERR_WALLET_HOST_PUSH_NOT_SUPPORTED; 502 ERR_WALLET_CONNECTION_HOST_UNREACHABLE or ERR_WALLET_CONNECTION_REGISTRATION_REFUSED; 429 ERR_WALLET_HOST_PUSH_RATE_LIMITED.",
        tags: TAGS,
        operationId: 'startAwardHostPush',
        params: AwardPushParams,
        body: StartAwardPushBody,
        response: {
          201: StartAwardPushResult,
          400: ErrorEnvelope,
          401: ErrorEnvelope,
          403: ErrorEnvelope,
          404: ErrorEnvelope,
          422: ErrorEnvelope,
          429: ErrorEnvelope,
          502: ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      await limit(
        'start',
        request.ip,
        (seconds) => void reply.header('retry-after', String(seconds)),
      );
      const started = await startAwardPush(deps, context, request.actor, {
        awardId: request.params.awardId,
        token: request.body.token,
        baseUrl: request.body.baseUrl,
      });
      return reply.code(201).header('cache-control', 'no-store').send(started);
    },
  );

  app.post(
    '/awards/host-pushes/callback',
    {
      config: { ownAuthorization: true },
      schema: {
        summary: 'Finish sending an award to a host: what the host sent back',
        description:
          "The query parameters the host added to the redirect: `state` with `code` (exchanged for a token with HTTP Basic and PKCE; the award's credential is upserted at `{base}/ims/ob/v3p0/credentials`; the token is then revoked at the host when it publishes a revocation endpoint, and never kept) or with `error`. The `state` alone authorises this call: it is single use and valid for 30 minutes. Answers the push: `pushed` (the host's `status` 201 or 200) or `failed` with the `description` (the host's `imsx_description`, its OAuth error, or an expiry). 400 ERR_WALLET_HOST_PUSH_STATE_UNKNOWN (not a push: it may be a connection's `state`) or ERR_WALLET_HOST_PUSH_STATE_USED.",
        tags: TAGS,
        operationId: 'completeAwardHostPush',
        body: CallbackBody,
        response: { 200: AwardPushView, 400: ErrorEnvelope, 429: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      await limit(
        'callback',
        request.ip,
        (seconds) => void reply.header('retry-after', String(seconds)),
      );
      return completeAwardPush(deps, context, request.body);
    },
  );
};
