/**
 * What sealed-PDF verification returns, shaped like `@akashi/core`'s `VerificationReport`: a
 * verdict plus every named check (passed / failed / skipped / error) with a stable code and a
 * message in English and Japanese. Checks about one signature name it in `signature`.
 */
import type { CheckOutcome, LocalizedMessage, VerificationReport } from '@akashi/core';
import { certificateMessage, type CertificateCode } from './certificate-messages.js';

export type CertificateCheckName =
  | 'pdf-parse'
  | 'byte-range'
  | 'cms'
  | 'chain'
  | 'timestamp'
  | 'modified-after-signing'
  | 'credential';

export interface CertificateCheck {
  readonly name: CertificateCheckName;
  readonly outcome: CheckOutcome;
  readonly code: CertificateCode;
  readonly message: LocalizedMessage;
  /** The signature field (or `#n` when unnamed) the check is about, for per-signature checks. */
  readonly signature?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * - `valid`: every check that ran passed, and the signer chains to a given trust anchor.
 * - `invalid`: a signature, digest, chain, time-stamp or the embedded credential failed, or the
 *   document was changed after sealing.
 * - `indeterminate`: nothing failed, but something could not be confirmed: no trust anchors
 *   were given, or a check could not be completed.
 * - `unreadable`: the input is not a PDF.
 */
export type CertificateStatus = 'valid' | 'invalid' | 'indeterminate' | 'unreadable';

export interface RevisionInfo {
  /** 1-based, in file order. */
  readonly index: number;
  /** The offset just past this revision's `%%EOF` (and its end-of-line). */
  readonly end: number;
  readonly startxref: number;
}

export interface SignatureInfo {
  readonly field: string;
  readonly kind: 'signature' | 'document-timestamp';
  readonly subFilter?: string;
  readonly byteRange: readonly number[];
  /** The revision whose end the byte range reaches (0 when it reaches none). */
  readonly revision: number;
  readonly signer?: string;
  /** `/M` of the signature dictionary: the time the signer claims. */
  readonly claimedSigningTime?: string;
  /** The time-stamp's genTime (signature time-stamp, or the document time-stamp itself). */
  readonly timestamp?: string;
}

export type CredentialGeneration = 'ob3' | 'ob2';

export interface EmbeddedCredential {
  readonly file: string;
  readonly generation: CredentialGeneration;
  /** Parsed JSON, or the compact JWT as a string. */
  readonly credential: string | Record<string, unknown>;
  readonly report?: VerificationReport;
}

export interface CertificateReport {
  readonly status: CertificateStatus;
  readonly valid: boolean;
  readonly checks: readonly CertificateCheck[];
  readonly revisions: readonly RevisionInfo[];
  readonly signatures: readonly SignatureInfo[];
  readonly credentials: readonly EmbeddedCredential[];
}

export const makeCertificateCheck = (
  name: CertificateCheckName,
  outcome: CheckOutcome,
  code: CertificateCode,
  params: Readonly<Record<string, string | number>> = {},
  extra: { signature?: string; details?: Record<string, unknown> } = {},
): CertificateCheck => ({
  name,
  outcome,
  code,
  message: certificateMessage(code, params),
  ...(extra.signature === undefined ? {} : { signature: extra.signature }),
  ...(extra.details === undefined ? {} : { details: extra.details }),
});

/** The verdict follows from the checks; a chain left unchecked (no trust anchors) is not valid. */
export const decideCertificateStatus = (checks: readonly CertificateCheck[]): CertificateStatus => {
  if (checks.some((c) => c.name === 'pdf-parse' && c.outcome !== 'passed')) return 'unreadable';
  if (checks.some((c) => c.outcome === 'failed')) return 'invalid';
  if (checks.some((c) => c.outcome === 'error')) return 'indeterminate';
  if (checks.some((c) => c.code === 'CHAIN_NO_TRUST')) return 'indeterminate';
  return 'valid';
};
