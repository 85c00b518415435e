import type { FetchDocument } from '../fetch/fetch-document.js';
import type { VerificationReport } from '../verify/verification-report.js';

/**
 * What `verifyOb2` takes: an Assertion (or another OB 2.0 badge object) as an object or JSON
 * text, a compact JWS (signed badge), an assertion URL, or the bytes of a baked PNG / SVG (or of
 * any of the former).
 */
export type Ob2Input = string | Uint8Array | Record<string, unknown>;

export interface VerifyOb2Options {
  /** Every remote document (assertion, BadgeClass, Profile, keys, revocation list) comes through it. */
  readonly fetchDocument: FetchDocument;
  /** The moment `issuedOn` and `expires` are compared with. */
  readonly now: Date;
  /** An e-mail address, URL, telephone number or IRI the badge should have been issued to. */
  readonly recipient?: string | undefined;
  /** Inputs larger than this are refused before parsing (default 10 MiB). */
  readonly maxInputBytes?: number | undefined;
}

/** The OB 2.0 version a badge object was written in (`2.0`, or upgraded from `1.0` / `1.1`). */
export type Ob2SourceVersion = '1.0' | '1.1' | '2.0';

/**
 * The OB 3.0 `VerificationReport`, plus what a displayer needs of an OB 2.0 badge. `credential`
 * is the authoritative assertion (for a hosted badge, as its issuer serves it), compacted into
 * the OB 2.0 context; `badgeClass` and `issuerProfile` likewise, when they could be loaded.
 */
export interface Ob2VerificationReport extends VerificationReport {
  readonly badgeClass?: Record<string, unknown>;
  readonly issuerProfile?: Record<string, unknown>;
  readonly sourceVersion?: Ob2SourceVersion;
}
