/**
 * The verdict a person reads, from the core verifier's report. The core's own status
 * (`decideStatus`: integrity, then status, then dates) is kept and refined from the checks:
 *
 * - `unreadable`: the `parse` check failed (not JSON, not a JWT, no baked credential, a URL that
 *   answered 4xx) — the input is no credential.
 * - `issuer-unreachable`: a check could not be completed because something the issuer publishes
 *   could not be fetched (the badge's URL, the signing key or DID document, the status list, the
 *   issuer profile): the core status `indeterminate`.
 * - `tampered`: the signature does not match the content (`proof` failed with
 *   ERR_PROOF_SIGNATURE, an OB 2.0 signature mismatch, a VC-JWT whose signature or claims do not
 *   match), or it was made with a key the named issuer does not control (`issuer` failed with
 *   ERR_ISSUER_CONTROLLER_MISMATCH / ERR_ISSUER_NOT_AUTHORIZED, OB 2.0 ERR_OB2_SIGNED_CREATOR).
 * - `invalid`: any other integrity failure (no proof, an unsupported proof, a malformed document,
 *   a schema or JSON-LD failure), or another failed check (an endorsement that is not valid).
 * - `revoked` / `suspended`: the status list (or the OB 2.0 hosted assertion / revocation list)
 *   says so. `expired` / `not-yet-valid`: the validity period.
 * - `valid`: every check that ran passed.
 */
import type { BadgeVerificationReport, LocalizedMessage, VerificationCheck } from '@akashi/core';

export const VERDICTS = [
  'valid',
  'revoked',
  'suspended',
  'expired',
  'not-yet-valid',
  'tampered',
  'issuer-unreachable',
  'unreadable',
  'invalid',
] as const;

export type Verdict = (typeof VERDICTS)[number];

/** The codes that say the content or the signer is not what the signature vouches for. */
const TAMPER_CODES: ReadonlySet<string> = new Set([
  'ERR_PROOF_SIGNATURE',
  'ERR_ISSUER_CONTROLLER_MISMATCH',
  'ERR_ISSUER_NOT_AUTHORIZED',
  'ERR_OB2_SIGNED_CREATOR',
]);

/** VC-JWT failures (`ERR_PROOF_JWT`, the JWT library's code in `details.code`) that mean tampering. */
const JWT_TAMPER_CODES: ReadonlySet<string> = new Set([
  'ERR_JWT_SIGNATURE_INVALID',
  'ERR_JWT_CLAIM_MISMATCH',
  'ERR_JWT_KEY_MISMATCH',
]);

const isTamperCheck = (check: VerificationCheck): boolean => {
  if (check.outcome !== 'failed') return false;
  if (TAMPER_CODES.has(check.code)) return true;
  return check.code === 'ERR_PROOF_JWT' && JWT_TAMPER_CODES.has(String(check.details?.code));
};

export interface VerdictDecision {
  readonly verdict: Verdict;
  /** Why, in both languages: the message of the check that decided it. */
  readonly explanation: LocalizedMessage;
}

const ALL_PASSED: LocalizedMessage = {
  en: 'Every check that applies to this credential passed.',
  ja: 'この資格情報に当てはまる確認はすべて合格しました。',
};

const NO_REASON: LocalizedMessage = {
  en: 'The verification did not pass.',
  ja: '検証に合格しませんでした。',
};

const STATUS_VERDICT: Readonly<Record<string, Verdict>> = {
  valid: 'valid',
  revoked: 'revoked',
  suspended: 'suspended',
  expired: 'expired',
  'not-yet-valid': 'not-yet-valid',
  indeterminate: 'issuer-unreachable',
  unreadable: 'unreadable',
  invalid: 'invalid',
};

/** The check that explains `verdict`. */
const decidingCheck = (
  verdict: Verdict,
  checks: readonly VerificationCheck[],
): VerificationCheck | undefined => {
  const relevant = checks.filter((check) => check.name !== 'refresh');
  switch (verdict) {
    case 'valid':
      return undefined;
    case 'unreadable':
      return relevant.find((c) => c.name === 'parse' && c.outcome !== 'passed');
    case 'issuer-unreachable':
      return relevant.find((c) => c.outcome === 'error');
    case 'tampered':
      return relevant.find(isTamperCheck);
    case 'revoked':
      return relevant.find((c) => c.code === 'STATUS_REVOKED');
    case 'suspended':
      return relevant.find((c) => c.code === 'STATUS_SUSPENDED');
    case 'expired':
      return relevant.find((c) => c.code === 'ERR_VALIDITY_EXPIRED');
    case 'not-yet-valid':
      return relevant.find((c) => c.code === 'ERR_VALIDITY_NOT_YET_VALID');
    case 'invalid':
      return relevant.find((c) => c.outcome === 'failed');
  }
};

export const decideVerdict = (report: BadgeVerificationReport): VerdictDecision => {
  let verdict: Verdict = STATUS_VERDICT[report.status] ?? 'invalid';
  if (verdict === 'invalid' && report.checks.some(isTamperCheck)) verdict = 'tampered';
  const check = decidingCheck(verdict, report.checks);
  return {
    verdict,
    explanation: check?.message ?? (verdict === 'valid' ? ALL_PASSED : NO_REASON),
  };
};

/** Whether the credential is genuine (signed by its issuer, unaltered), valid now or not. */
export const isGenuine = (verdict: Verdict): boolean =>
  verdict === 'valid' ||
  verdict === 'revoked' ||
  verdict === 'suspended' ||
  verdict === 'expired' ||
  verdict === 'not-yet-valid';
