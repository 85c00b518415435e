/**
 * Collections, share links, the public profile and their public read side (ADR 0010), under
 * /api/v1: the learner's own routes (`collection-routes.ts`, `share-link-routes.ts`,
 * `profile-routes.ts`) and the
 * public ones (`public-sharing-routes.ts`), which verify shared badges live with the platform's
 * verifier. `createWalletSharingRoutes({ fetchRemote })` lets tests stand in for the outside
 * world; 429 answers carry Retry-After.
 */
import type { FetchDocument } from '@akashi/core';
import type { FastifyError } from 'fastify';
import type { RateLimitRule } from '../auth/rate-limit.js';
import type { RoutePlugin } from '../http/app-context.js';
import { sendError } from '../http/send-error.js';
import { createPlatformVerifier } from '../verification/platform-verifier.js';
import { registerCollectionRoutes } from './collection-routes.js';
import {
  createPublicSharingRoutes,
  PublicSharingRateLimitedError,
} from './public-sharing-routes.js';
import { registerProfileRoutes } from './profile-routes.js';
import { registerShareLinkRoutes } from './share-link-routes.js';

export interface WalletSharingRoutesOptions {
  /** Fetches URLs outside `PUBLIC_URL` (default: the core's guarded fetcher). */
  readonly fetchRemote?: FetchDocument;
  /** The public routes' limit per client address (default 60 a minute). */
  readonly perClient?: RateLimitRule;
}

export const createWalletSharingRoutes =
  (options: WalletSharingRoutesOptions = {}): RoutePlugin =>
  async (app, context) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof PublicSharingRateLimitedError) {
        void reply.header('retry-after', String(error.retryAfterSeconds));
      }
      return sendError(error, request, reply);
    });
    const verifier = createPlatformVerifier(
      app,
      context,
      options.fetchRemote === undefined ? {} : { fetchRemote: options.fetchRemote },
    );
    await registerCollectionRoutes(app, context);
    await registerShareLinkRoutes(app, context);
    await registerProfileRoutes(app, context);
    await createPublicSharingRoutes({
      verifier,
      ...(options.perClient === undefined ? {} : { perClient: options.perClient }),
    })(app, context);
  };

export const registerWalletSharingRoutes: RoutePlugin = createWalletSharingRoutes();
