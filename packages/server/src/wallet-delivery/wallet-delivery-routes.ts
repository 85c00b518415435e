/**
 * Handing awards to external wallets (ADR 0011), at the root:
 * - `POST /api/v1/awards/{awardId}/exchanges`: start an exchange (claim token, or signed in
 *   holding the award) → its links (LCW, VC-API, OpenID4VCI);
 * - `POST /exchanges/{id}/lcw`: the Learner Credential Wallet's legacy request (a DID-auth
 *   presentation) → the bare holder-bound credential;
 * - `POST /workflows/award-delivery/exchanges/{id}`: VC-API (`{}` → a DIDAuthentication request;
 *   `{verifiablePresentation}` → `{verifiablePresentation: {verifiableCredential: [VC]}}`);
 * - `GET /workflows/award-delivery/exchanges/{id}/protocols` → `{protocols: {vcapi}}`.
 * The interaction URL `/i/{id}` is a page of the web app (`web/src/wallet-delivery/`).
 * The wallet endpoints read no session or API key (`ownAuthorization`: LCW may send an
 * `Authorization` header of its own), are rate-limited per client address, answer errors as
 * 4xx JSON, and write JSON with `&`, `<`, `>` escaped (`lcw-json.ts`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import type { RoutePlugin } from '../http/app-context.js';
import { sendError } from '../http/send-error.js';
import { ServerError } from '../http/server-error.js';
import { createVcApiVerifier } from '../vc-api/vc-api-verifier.js';
import { DELIVERY_WORKFLOW, vcApiExchangeUrl } from './delivery-links.js';
import {
  deliverThroughExchange,
  requestDidAuthentication,
  wrapInPresentation,
} from './deliver-exchange.js';
import { readOpenExchange } from './exchange-store.js';
import { stringifyForLcw } from './lcw-json.js';
import { startDelivery } from './start-delivery.js';
import { AwardParams, ExchangeView, StartExchangeBody } from './wallet-delivery-schemas.js';

/** Wallet requests per client address and minute (a delivery takes two or three). */
export const DELIVERY_PER_CLIENT: RateLimitRule = { limit: 30, windowMs: 60_000 };

class DeliveryRateLimitedError extends ServerError<'ERR_DELIVERY_RATE_LIMITED'> {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('ERR_DELIVERY_RATE_LIMITED', { params: { seconds: retryAfterSeconds } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const ExchangeParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

const WALLET_ROUTE = { config: { ownAuthorization: true } } as const;
const HIDDEN = { hide: true, params: ExchangeParams } as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sendJson = (reply: FastifyReply, value: unknown) =>
  reply.code(200).type('application/json; charset=utf-8').send(stringifyForLcw(value));

export const registerWalletDeliveryRoutes: RoutePlugin = (app, context) => {
  const verifier = createVcApiVerifier(app, context);
  const rule = DELIVERY_PER_CLIENT;

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof DeliveryRateLimitedError) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    return sendError(error, request, reply);
  });

  const limit = async (request: FastifyRequest) => {
    const state = await hitRateLimit(
      context.db.kysely,
      `wallet-delivery:ip:${request.ip}`,
      rule,
      context.clock(),
    );
    if (state.exceeded) {
      throw new DeliveryRateLimitedError(state.retryAfterSeconds);
    }
  };

  app.post(
    '/api/v1/awards/:awardId/exchanges',
    {
      config: { ignoreStaleSession: true },
      schema: {
        summary: 'Start sending an award to a wallet app (LCW, VC-API)',
        description:
          'Allowed with the award e-mail’s claim token (`token`), or signed in with the account whose wallet holds the award. Creates an exchange (15 minutes, single use) and answers its links: the Learner Credential Wallet request link (`lcw.deepLink`, `lcw.url`), the VC-API invitation, exchange and interaction URLs, and the OpenID4VCI offer of the same exchange (`txCode: true` adds a transaction code). The wallet proves its DID and receives a copy of the award bound to it. 403 ERR_DELIVERY_FORBIDDEN for a wrong token or an account not holding the award; 401 signed out without a token; 404 ERR_DELIVERY_AWARD_NOT_FOUND; 409 ERR_DELIVERY_AWARD_REVOKED / ERR_DELIVERY_AWARD_SUSPENDED.',
        tags: ['wallet'],
        operationId: 'startWalletDelivery',
        params: AwardParams,
        body: StartExchangeBody,
        response: { 201: ExchangeView },
      },
    },
    async (request, reply) => {
      await limit(request);
      const view = await startDelivery(
        context,
        request.actor,
        request.params.awardId,
        request.body.token,
        { txCode: request.body.txCode === true },
      );
      return reply.code(201).header('cache-control', 'no-store').send(view);
    },
  );

  app.post('/exchanges/:id/lcw', { ...WALLET_ROUTE, schema: HIDDEN }, async (request, reply) => {
    await limit(request);
    const credential = await deliverThroughExchange(
      context,
      verifier,
      request.params.id,
      request.body,
      'lcw',
    );
    return sendJson(reply, credential);
  });

  app.post(
    `/workflows/${DELIVERY_WORKFLOW}/exchanges/:id`,
    { ...WALLET_ROUTE, schema: HIDDEN },
    async (request, reply) => {
      await limit(request);
      const body = isObject(request.body) ? request.body : {};
      if (body.verifiablePresentation === undefined) {
        return sendJson(reply, await requestDidAuthentication(context, request.params.id));
      }
      const credential = await deliverThroughExchange(
        context,
        verifier,
        request.params.id,
        body.verifiablePresentation,
        'vcapi',
      );
      return sendJson(reply, wrapInPresentation(credential));
    },
  );

  app.get(
    `/workflows/${DELIVERY_WORKFLOW}/exchanges/:id/protocols`,
    { ...WALLET_ROUTE, schema: HIDDEN },
    async (request, reply) => {
      await limit(request);
      const exchange = await readOpenExchange(context, request.params.id);
      return sendJson(reply, {
        protocols: { vcapi: vcApiExchangeUrl(context.config.publicUrl, exchange.id) },
      });
    },
  );
};
