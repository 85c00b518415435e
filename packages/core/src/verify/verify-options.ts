import type { KeyObject } from 'node:crypto';
import type { Canonizer } from '../canon/index.js';
import type { FetchDocument } from '../fetch/fetch-document.js';
import type { FetchJson } from '../keys/index.js';

export type { FetchDocument, FetchJson };

export interface ResolvedMethod {
  readonly controller: string;
  readonly publicKey: KeyObject;
  /** The controllers whose documents list this method under `assertionMethod`. */
  readonly assertionMethodOf: readonly string[];
}

export type ResolveMethod = (url: string) => Promise<ResolvedMethod>;

/**
 * How far a key must be confirmed by its issuer:
 * - `strict` (default): the issuer's own document (DID document, controller document or
 *   JWKS) must list the key; an unreachable issuer makes the verdict `indeterminate`.
 * - `validator-compatible`: like the 1EdTech reference validator, also accept a key taken from
 *   a `<issuer>#z6Mk…` verification-method URL or from a VC-JWT header `jwk`, without asking
 *   the issuer. Anyone can mint such a key for any issuer URL, so use this only to reproduce
 *   the validator's verdicts.
 */
export type KeyProvenance = 'strict' | 'validator-compatible';

export interface VerifierOptions {
  /**
   * Fetches remote documents (DID documents, keys, status and revocation lists, JSON Schemas,
   * refreshed credentials) through Akashi's guarded fetcher contract. It tells a missing document
   * (404/410) from an unreachable one. Give this or `fetchJson`, not both; without either, the
   * checks that need a remote document end in `error`.
   */
  readonly fetchDocument?: FetchDocument;
  /** Fetches remote JSON; the older, simpler alternative to `fetchDocument`. */
  readonly fetchJson?: FetchJson;
  readonly keyProvenance?: KeyProvenance;
  readonly canonizer?: Canonizer;
  /** How long resolved keys, status and revocation lists and JSON Schemas are cached, ms (default 5 minutes). */
  readonly cacheTtlMs?: number;
  /** Clock for validity periods and caches (tests inject a fixed one). */
  readonly now?: () => Date;
  readonly maxInputBytes?: number;
  /**
   * Follow a `1EdTechCredentialRefresh` refreshService (once, after the proof passed) and judge
   * status and validity on the refreshed credential when it verifies. Default true.
   */
  readonly followRefreshService?: boolean;
  /** How deep endorsements of endorsements are verified (default 3); deeper ones fail. */
  readonly maxEndorsementDepth?: number;
  /** Most endorsements verified for one credential, nested ones included (default 50). */
  readonly maxEndorsements?: number;
}

export interface VerifyCredentialOptions {
  /** An e-mail address, URL or DID the credential should have been issued to. */
  readonly recipient?: string;
  /** Overrides the verifier's clock for this call. */
  readonly now?: Date;
}
