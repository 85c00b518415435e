/**
 * What verification returns: a verdict plus every named check, each passed / failed /
 * skipped / error (error = the check could not be completed, e.g. the issuer was unreachable),
 * with a stable code and a message in English and Japanese.
 */
import type { LocalizedMessage } from '../errors/akashi-error.js';
import { messageFor, type VerifyCode } from './verify-messages.js';

export type CheckName =
  | 'parse'
  | 'context'
  | 'jsonld'
  | 'schema'
  | 'proof'
  | 'issuer'
  | 'refresh'
  | 'validity'
  | 'status'
  | 'recipient'
  | 'endorsements';

export type CheckOutcome = 'passed' | 'failed' | 'skipped' | 'error';

export interface VerificationCheck {
  readonly name: CheckName;
  readonly outcome: CheckOutcome;
  readonly code: VerifyCode;
  readonly message: LocalizedMessage;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * - `valid`: every check that ran passed.
 * - `invalid`: the credential is malformed, forged or tampered with.
 * - `revoked`, `suspended`, `expired`, `not-yet-valid`: genuine, but not valid now.
 * - `indeterminate`: genuine as far as could be checked, but a remote part (a DID document, a
 *   status list) could not be reached, so validity cannot be confirmed.
 * - `unreadable`: the input is not a credential at all (not JSON, not a JWT, no baked badge).
 */
export type VerificationStatus =
  | 'valid'
  | 'invalid'
  | 'revoked'
  | 'suspended'
  | 'expired'
  | 'not-yet-valid'
  | 'indeterminate'
  | 'unreadable';

export type CredentialFormat = 'json' | 'jwt' | 'png' | 'svg';

export interface VerificationReport {
  readonly status: VerificationStatus;
  readonly valid: boolean;
  readonly checks: readonly VerificationCheck[];
  /** How the input arrived, and its proof format when known. */
  readonly format?: CredentialFormat;
  readonly proofFormat?: 'data-integrity' | 'jwt';
  /** The credential as parsed (JSON), when parsing succeeded. */
  readonly credential?: Record<string, unknown>;
}

export const makeCheck = (
  name: CheckName,
  outcome: CheckOutcome,
  code: VerifyCode,
  params: Readonly<Record<string, string | number>> = {},
  details?: Record<string, unknown>,
): VerificationCheck => ({
  name,
  outcome,
  code,
  message: messageFor(code, params),
  ...(details === undefined ? {} : { details }),
});

const INTEGRITY_CHECKS: ReadonlySet<CheckName> = new Set([
  'context',
  'jsonld',
  'schema',
  'proof',
  'issuer',
]);

/**
 * The verdict follows from the checks: integrity first, then status, then dates, then any
 * other failure (an endorsement that is not valid, a recipient mismatch). The `refresh` check
 * is informative only: when a refresh fails, the original credential is judged as it is.
 */
export const decideStatus = (allChecks: readonly VerificationCheck[]): VerificationStatus => {
  const checks = allChecks.filter((check) => check.name !== 'refresh');
  const has = (code: VerifyCode) => checks.some((check) => check.code === code);
  if (checks.some((c) => c.name === 'parse' && c.outcome === 'error')) return 'indeterminate';
  if (checks.some((c) => c.name === 'parse' && c.outcome !== 'passed')) return 'unreadable';
  if (checks.some((c) => INTEGRITY_CHECKS.has(c.name) && c.outcome === 'failed')) return 'invalid';
  if (has('STATUS_REVOKED')) return 'revoked';
  if (has('STATUS_SUSPENDED')) return 'suspended';
  if (has('ERR_VALIDITY_EXPIRED')) return 'expired';
  if (has('ERR_VALIDITY_NOT_YET_VALID')) return 'not-yet-valid';
  if (checks.some((c) => c.outcome === 'failed')) return 'invalid';
  if (checks.some((c) => c.outcome === 'error')) return 'indeterminate';
  return 'valid';
};
