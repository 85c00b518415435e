import type { KeyObject } from 'node:crypto';
import type { Canonizer } from '../canon/index.js';

import type { FetchJson } from '../keys/index.js';

export type { FetchJson };

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
  /** Fetches remote JSON (DID documents, keys, status lists); without it, those checks cannot complete. */
  readonly fetchJson?: FetchJson;
  readonly keyProvenance?: KeyProvenance;
  readonly canonizer?: Canonizer;
  /** How long resolved keys and status lists are cached, ms (default 5 minutes). */
  readonly cacheTtlMs?: number;
  /** Clock for validity periods and caches (tests inject a fixed one). */
  readonly now?: () => Date;
  readonly maxInputBytes?: number;
}

export interface VerifyCredentialOptions {
  /** An e-mail address, URL or DID the credential should have been issued to. */
  readonly recipient?: string;
  /** Overrides the verifier's clock for this call. */
  readonly now?: Date;
}
