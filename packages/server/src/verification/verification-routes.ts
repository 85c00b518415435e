/**
 * `POST /api/v1/verify` (public, no sign-in): the universal verifier for anyone holding a badge.
 * The body is `{ "url": "https://…" }`, `{ "credential": <object, JSON text or compact JWT> }`,
 * or the raw bytes of a PNG or SVG badge image (Content-Type image/png or image/svg+xml), at most
 * 5 MiB. The core verifier (`createBadgeVerifier`: OB 2.0 and 3.0, JSON, VC-JWT, baked images,
 * URLs) runs with this platform's own documents answered in process (our issuers' DIDs and keys
 * from the database, status lists and OB 2.0 documents through `app.inject`) and everything else
 * through the guarded fetcher (HTTPS, public addresses only).
 *
 * The answer is always 200 `{ verdict, explanation, report }` once the verifier ran, including
 * the verdict `unreadable` for input that is no credential (`decide-verdict.ts` has the rules).
 * Errors are for requests that cannot be verified at all: no input or both inputs (400), too
 * large (413 ERR_VERIFY_INPUT_TOO_LARGE), too many requests from one address (429 with
 * Retry-After). A genuine credential's verification is counted for its issuer's analytics.
 */
import type { BadgeInput, FetchDocument } from '@akashi/core';
import type { FastifyError } from 'fastify';
import { recordVerification } from '../analytics/record-verification.js';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import { ANY_SESSION_STATE } from '../auth/session-rules.js';
import type { RoutePlugin } from '../http/app-context.js';
import { sendError } from '../http/send-error.js';
import { ServerError } from '../http/server-error.js';
import { decideVerdict, isGenuine } from './decide-verdict.js';
import { createPlatformVerifier } from './platform-verifier.js';
import {
  MAX_VERIFY_BYTES,
  VERIFY_IMAGE_MEDIA_TYPES,
  VerifyBody,
  VerifyResponse,
  type VerifyBodyValue,
} from './verification-schemas.js';

/** One client address: 30 verifications a minute (each may fetch and canonicalise documents). */
export const VERIFICATIONS_PER_CLIENT: RateLimitRule = { limit: 30, windowMs: 60_000 };

export interface VerificationRoutesOptions {
  /** Fetches URLs outside `PUBLIC_URL` (default: the core's guarded fetcher). */
  readonly fetchRemote?: FetchDocument;
  readonly perClient?: RateLimitRule;
}

class VerifyRateLimitedError extends ServerError<'ERR_VERIFY_RATE_LIMITED'> {
  constructor(readonly retryAfterSeconds: number) {
    super('ERR_VERIFY_RATE_LIMITED', { params: { seconds: retryAfterSeconds } });
  }
}

const missing = (path: string): ServerError =>
  new ServerError('ERR_VERIFY_INPUT_MISSING', {
    fields: [
      {
        in: 'body',
        path,
        message: {
          en: 'Give the badge to verify.',
          ja: '検証するバッジを指定してください。',
        },
      },
    ],
  });

/** What the verifier is handed, from the validated body. */
export const readVerifyInput = (body: VerifyBodyValue): BadgeInput => {
  if (body instanceof Uint8Array) {
    if (body.length === 0) throw missing('');
    if (body.length > MAX_VERIFY_BYTES) {
      throw new ServerError('ERR_VERIFY_INPUT_TOO_LARGE', { params: { limit: MAX_VERIFY_BYTES } });
    }
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  const { url, credential } = body;
  if (url !== undefined && credential !== undefined) {
    throw new ServerError('ERR_VERIFY_INPUT_AMBIGUOUS', {
      fields: ['/url', '/credential'].map((path) => ({
        in: 'body' as const,
        path,
        message: {
          en: 'Give only one of url and credential.',
          ja: 'url と credential のどちらか一方だけを指定してください。',
        },
      })),
    });
  }
  if (url !== undefined) return url.trim();
  if (credential === undefined) throw missing('');
  if (typeof credential === 'string') {
    if (credential.trim() === '') throw missing('/credential');
    return credential;
  }
  return credential;
};

export const createVerificationRoutes =
  (options: VerificationRoutesOptions = {}): RoutePlugin =>
  (app, context) => {
    const { db, clock } = context;
    const perClient = options.perClient ?? VERIFICATIONS_PER_CLIENT;
    const verifier = createPlatformVerifier(
      app,
      context,
      options.fetchRemote === undefined ? {} : { fetchRemote: options.fetchRemote },
    );

    app.addContentTypeParser(
      VERIFY_IMAGE_MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_VERIFY_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof VerifyRateLimitedError) {
        void reply.header('retry-after', String(error.retryAfterSeconds));
      }
      const tooLarge =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? new ServerError('ERR_VERIFY_INPUT_TOO_LARGE', {
              params: { limit: MAX_VERIFY_BYTES },
              cause: error,
            })
          : undefined;
      return sendError(tooLarge ?? error, request, reply);
    });

    app.post(
      '/verify',
      {
        bodyLimit: MAX_VERIFY_BYTES,
        config: ANY_SESSION_STATE,
        schema: {
          summary:
            'Verify any Open Badge (2.0 or 3.0): a URL, a credential, or a baked image (public)',
          description:
            'The body is JSON `{ "url": "https://…" }` or `{ "credential": … }` (a JSON object, JSON text, or a compact VC-JWT / OB 2.0 JWS), or the raw bytes of a PNG or SVG badge image with Content-Type image/png or image/svg+xml; at most 5 MiB (413 ERR_VERIFY_INPUT_TOO_LARGE). No sign-in; 30 requests a minute per client address (429 ERR_VERIFY_RATE_LIMITED with Retry-After).\n\n' +
            'Whenever the verifier ran the answer is 200 with `verdict`, `explanation` (the deciding result, en and ja) and the full `report` (every check). Verdicts: `unreadable` (the input is no credential: not JSON, not a JWT, no baked credential, a URL answering 4xx), `issuer-unreachable` (a URL, key, DID document or status list could not be fetched), `tampered` (the signature does not match the content, or the signing key is not the named issuer’s), `invalid` (any other integrity failure: no or unsupported proof, schema, JSON-LD; or a failed endorsement), `revoked`, `suspended`, `expired`, `not-yet-valid`, `valid`.',
          tags: ['verification'],
          operationId: 'verifyBadge',
          body: VerifyBody,
          response: { 200: VerifyResponse },
        },
      },
      async (request) => {
        const state = await hitRateLimit(
          db.kysely,
          `verify:client:${request.ip}`,
          perClient,
          clock(),
        );
        if (state.exceeded) throw new VerifyRateLimitedError(state.retryAfterSeconds);
        const input = readVerifyInput(request.body);
        const report = await verifier.verify(input, { now: clock() });
        const { verdict, explanation } = decideVerdict(report);
        const credentialId = report.credential?.id;
        if (isGenuine(verdict) && typeof credentialId === 'string') {
          await recordVerification(context, { credentialId, source: 'verify-page' }, request.log);
        }
        return { verdict, explanation, report: { ...report, checks: [...report.checks] } };
      },
    );
  };

export const registerVerificationRoutes: RoutePlugin = createVerificationRoutes();
