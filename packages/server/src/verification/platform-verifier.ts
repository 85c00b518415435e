/**
 * The platform's badge verifier, as `POST /api/v1/verify`, the wallet's imports and re-checks and
 * the share pages use it: the core `createBadgeVerifier` (OB 2.0 and 3.0; JSON, VC-JWT, baked
 * images, URLs) with this platform's own documents answered in process (our issuers' DIDs and
 * keys from the database, status lists and OB 2.0 documents through `app.inject`) and everything
 * else through `fetchRemote` (default: the core's guarded fetcher — HTTPS, public addresses only,
 * plus the hosts of `AKASHI_FETCH_ALLOW_HOSTS`, which may be private and plain http).
 * No cache: our own documents are read fresh, so a revocation shows at once.
 */
import {
  createBadgeVerifier,
  createGuardedFetcher,
  type BadgeVerifier,
  type FetchDocument,
} from '@akashi/core';
import type { App, AppContext } from '../http/app-context.js';
import { createInProcessFetchDocument } from '../http/in-process-fetch.js';
import { createLocalMethodResolver } from '../issuers/resolve-local-did.js';
import { MAX_VERIFY_BYTES } from './verification-schemas.js';

export interface PlatformVerifierOptions {
  /** Fetches URLs outside `PUBLIC_URL` (default: the core's guarded fetcher). */
  readonly fetchRemote?: FetchDocument;
}

/** How the platform fetches from other hosts: `fetchRemote`, else the guarded fetcher. */
export const createPlatformFetchRemote = (
  context: AppContext,
  fetchRemote?: FetchDocument,
): FetchDocument => {
  const allowHosts = context.config.fetchAllowHosts ?? [];
  return (
    fetchRemote ??
    // A listed host may be private and plain http (the policy trusts it); every other host stays
    // HTTPS on a public address: `allowHttp` is deliberately not set.
    createGuardedFetcher(allowHosts.length === 0 ? {} : { allowHosts }).fetchDocument
  );
};

export const createPlatformVerifier = (
  app: App,
  context: AppContext,
  options: PlatformVerifierOptions = {},
): BadgeVerifier => {
  const remote = createPlatformFetchRemote(context, options.fetchRemote);
  const inProcess = createInProcessFetchDocument(app, context.config.publicUrl, remote);
  const local = createLocalMethodResolver(context, { fallback: inProcess });
  return createBadgeVerifier({
    fetchDocument: local.fetchDocument,
    cacheTtlMs: 0,
    now: context.clock,
    maxInputBytes: MAX_VERIFY_BYTES,
  });
};
