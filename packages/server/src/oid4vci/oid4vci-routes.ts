/**
 * OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow, with what draft 13
 * wallets send (ADR 0011), at the root:
 *
 * - `GET /.well-known/openid-credential-issuer` (and with PUBLIC_URL's path inserted after it):
 *   the credential issuer metadata;
 * - `GET /.well-known/oauth-authorization-server/oid4vci` (RFC 8414, path inserted; and the
 *   appended form `/oid4vci/.well-known/oauth-authorization-server` some wallets ask for): the
 *   metadata of the pre-authorized code authorization server;
 * - `GET /oid4vci/offers/{code}`: a credential offer (`createOid4vciOffer` makes them);
 * - `POST /oid4vci/token` (form, no client authentication): pre-authorized code → access token;
 * - `POST /oid4vci/nonce`: a fresh `c_nonce`;
 * - `POST /oid4vci/credential` (Bearer): the credential, bound to the proof's key.
 *
 * The protocol endpoints answer errors as `{error, error_description}` and everything with
 * `Cache-Control: no-store`; they read `Authorization` themselves (`ownAuthorization`). Their
 * formats are fixed by the specification, so they stay out of the OpenAPI document.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import type { AppContext, RoutePlugin } from '../http/app-context.js';
import { readOid4vciOffer } from './create-offer.js';
import { issueOid4vciCredential } from './issue-oid4vci-credential.js';
import {
  buildAuthorizationServerMetadata,
  buildIssuerMetadata,
  oid4vciUrls,
  wellKnownPaths,
} from './oid4vci-metadata.js';
import { Oid4vciError, sendOid4vciError } from './oid4vci-protocol-error.js';
import { C_NONCE_LIFETIME_SECONDS, issueCNonce } from './oid4vci-secrets.js';
import { redeemPreAuthorizedCode } from './redeem-pre-authorized-code.js';

/** Requests per client address and minute, per endpoint. */
export const OID4VCI_REQUESTS_PER_CLIENT: RateLimitRule = { limit: 60, windowMs: 60_000 };

const OWN = { ownAuthorization: true } as const;
const HIDDEN = { hide: true } as const;

/** Reads a form body, refusing a parameter sent twice (RFC 6749 §3.2). */
const parseTokenForm = (body: unknown): Record<string, string> => {
  if (typeof body !== 'string') {
    throw new Oid4vciError(
      'invalid_request',
      'The token request must be application/x-www-form-urlencoded.',
    );
  }
  const form: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    if (Object.hasOwn(form, name)) {
      throw new Oid4vciError('invalid_request', `The parameter ${name} is sent more than once.`);
    }
    form[name] = value;
  }
  return form;
};

const limitRate = async (
  context: AppContext,
  endpoint: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> => {
  const state = await hitRateLimit(
    context.db.kysely,
    `oid4vci:${endpoint}:ip:${request.ip}`,
    OID4VCI_REQUESTS_PER_CLIENT,
    context.clock(),
  );
  if (state.exceeded) {
    void reply.header('retry-after', String(state.retryAfterSeconds));
    throw new Oid4vciError('slow_down', 'Too many requests: wait and try again.');
  }
};

/** A fresh nonce for an error the wallet answers with a new proof (draft 13 §7.3.2). */
const withFreshNonce = async (
  context: AppContext,
  error: Oid4vciError,
): Promise<Record<string, unknown>> =>
  error.error === 'invalid_proof' || error.error === 'invalid_nonce'
    ? {
        c_nonce: await issueCNonce(context.db, context.clock()),
        c_nonce_expires_in: C_NONCE_LIFETIME_SECONDS,
      }
    : {};

export const registerOid4vciRoutes: RoutePlugin = (app, context) => {
  const { publicUrl } = context.config;
  const urls = oid4vciUrls(publicUrl);

  // The token endpoint's form, kept as text: parsed by the handler into the protocol's errors.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, body);
    },
  );

  const issuerMetadata = buildIssuerMetadata(publicUrl);
  for (const path of wellKnownPaths('openid-credential-issuer', urls.credentialIssuer, true)) {
    app.get(path, { schema: HIDDEN }, (_request, reply) =>
      reply.header('access-control-allow-origin', '*').send(issuerMetadata),
    );
  }

  const authorizationServerMetadata = buildAuthorizationServerMetadata(publicUrl);
  for (const path of [
    ...wellKnownPaths('oauth-authorization-server', urls.authorizationServer, false),
    '/oid4vci/.well-known/oauth-authorization-server',
  ]) {
    app.get(path, { schema: HIDDEN }, (_request, reply) =>
      reply.header('access-control-allow-origin', '*').send(authorizationServerMetadata),
    );
  }

  app.get<{ Params: { code: string } }>(
    '/oid4vci/offers/:code',
    { schema: HIDDEN },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .type('application/json')
        .send(await readOid4vciOffer(context, request.params.code)),
  );

  app.post('/oid4vci/token', { config: OWN, schema: HIDDEN }, async (request, reply) => {
    try {
      await limitRate(context, 'token', request, reply);
      const answer = await redeemPreAuthorizedCode(context, parseTokenForm(request.body));
      return await reply
        .header('cache-control', 'no-store')
        .header('pragma', 'no-cache')
        .send(answer);
    } catch (error) {
      if (error instanceof Oid4vciError) return sendOid4vciError(reply, error);
      throw error;
    }
  });

  app.post('/oid4vci/nonce', { config: OWN, schema: HIDDEN }, async (request, reply) => {
    try {
      await limitRate(context, 'nonce', request, reply);
      const nonce = await issueCNonce(context.db, context.clock());
      return await reply.header('cache-control', 'no-store').send({ c_nonce: nonce });
    } catch (error) {
      if (error instanceof Oid4vciError) return sendOid4vciError(reply, error);
      throw error;
    }
  });

  app.post('/oid4vci/credential', { config: OWN, schema: HIDDEN }, async (request, reply) => {
    try {
      await limitRate(context, 'credential', request, reply);
      const { credential } = await issueOid4vciCredential(context, request);
      const nonce = await issueCNonce(context.db, context.clock());
      return await reply.header('cache-control', 'no-store').send({
        credentials: [{ credential }],
        // Draft 13's single credential and next nonce; 1.0 wallets ignore these members.
        credential,
        c_nonce: nonce,
        c_nonce_expires_in: C_NONCE_LIFETIME_SECONDS,
      });
    } catch (error) {
      if (error instanceof Oid4vciError) {
        return sendOid4vciError(reply, error, await withFreshNonce(context, error));
      }
      throw error;
    }
  });
};
