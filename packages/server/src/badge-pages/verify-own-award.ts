/**
 * The badge page's live verification: the core verifier run on the award's OB 3.0 credential as
 * it is served, without any HTTP request to ourselves. Our issuers' DID documents and keys are
 * answered from the database (`issuers/resolve-local-did.ts`), our other documents under
 * `PUBLIC_URL` (the status lists above all) through `app.inject` (`http/in-process-fetch.ts`), and
 * anything else (a JSON Schema named by `credentialSchema`) through the guarded fetcher.
 *
 * Nothing is cached by the verifier (`cacheTtlMs: 0`): a revocation shows in the verification at
 * once, exactly as in the page's own status line. (The guarded fetcher still caches what it gets
 * from elsewhere.)
 */
import {
  createBadgeVerifier,
  createGuardedFetcher,
  type BadgeVerificationReport,
  type FetchDocument,
} from '@akashi/core';
import type { Award } from '../awards/award.js';
import type { App, AppContext } from '../http/app-context.js';
import { createInProcessFetchDocument } from '../http/in-process-fetch.js';
import { createLocalMethodResolver } from '../issuers/resolve-local-did.js';

export interface OwnAwardVerifier {
  /** Never rejects because of the credential; a rejection is a fault of ours (a database error). */
  readonly verify: (award: Award) => Promise<BadgeVerificationReport>;
}

export interface CreateOwnAwardVerifierOptions {
  /** Fetches URLs outside `PUBLIC_URL` (default: the core's guarded fetcher). */
  readonly fetchRemote?: FetchDocument;
}

export const createOwnAwardVerifier = (
  app: Pick<App, 'inject'>,
  context: AppContext,
  options: CreateOwnAwardVerifierOptions = {},
): OwnAwardVerifier => {
  const remote = options.fetchRemote ?? createGuardedFetcher().fetchDocument;
  const inProcess = createInProcessFetchDocument(app, context.config.publicUrl, remote);
  const local = createLocalMethodResolver(context, { fallback: inProcess });
  const verifier = createBadgeVerifier({
    fetchDocument: local.fetchDocument,
    cacheTtlMs: 0,
    now: context.clock,
  });
  return {
    verify: (award) => verifier.verify(structuredClone(award.credential), { now: context.clock() }),
  };
};
