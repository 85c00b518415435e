/**
 * How verification results go out in VC-API form: `verified`, the names of the checks that
 * passed (`checks`), `warnings` and `errors` as RFC 9457 problem details (also together as
 * VCALM's `problemDetails`), and our own detailed `results` (every check, with its stable code and
 * a message in the negotiated language). Problem types are the specs' error URLs where one fits
 * (VC Data Model 2.0, Data Integrity, Bitstring Status List), else `urn:akashi:problem:<CODE>`.
 */
import type { VerificationCheck, VerificationStatus } from '@akashi/core';
import type { Language } from '../http/pick-language.js';
import type { CredentialVerification } from './vc-api-verifier.js';

export interface ProblemDetail {
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  /** The check's stable code (core verifier or VC-API). */
  readonly code: string;
}

export interface CheckResult {
  readonly check: string;
  readonly outcome: VerificationCheck['outcome'];
  readonly code: string;
  readonly message: string;
}

export interface CredentialResult {
  readonly verified: boolean;
  /** The core verdict: valid, invalid, revoked, suspended, expired, not-yet-valid, … */
  readonly status: VerificationStatus;
  readonly checks: string[];
  readonly warnings: ProblemDetail[];
  readonly errors: ProblemDetail[];
  readonly problemDetails: ProblemDetail[];
  readonly results: CheckResult[];
}

/** A check of ours (presentation checks) in the same shape as the core's. */
export interface GenericCheck {
  readonly name: string;
  readonly outcome: VerificationCheck['outcome'];
  readonly code: string;
  readonly message: { readonly en: string; readonly ja: string };
}

/** VC-API names for the core's checks. */
const CHECK_NAMES: Readonly<Record<string, string>> = {
  context: '@context',
  status: 'credentialStatus',
  refresh: 'refreshService',
  schema: 'dataModel',
};

const VCDM = 'https://www.w3.org/TR/vc-data-model-2.0/#';
const DI = 'https://w3id.org/security#';
const STATUS = 'https://www.w3.org/ns/credentials/status-list#';

const SPEC_PROBLEMS: Readonly<Record<string, string>> = {
  ERR_PROOF_MALFORMED: `${DI}MALFORMED_PROOF_ERROR`,
  ERR_VP_CHALLENGE: `${DI}INVALID_CHALLENGE_ERROR`,
  ERR_VP_DOMAIN: `${DI}INVALID_DOMAIN_ERROR`,
  ERR_STATUS_UNREACHABLE: `${STATUS}STATUS_RETRIEVAL_ERROR`,
  ERR_STATUS_LIST_INVALID: `${STATUS}STATUS_VERIFICATION_ERROR`,
  ERR_STATUS_MALFORMED: `${VCDM}MALFORMED_VALUE_ERROR`,
};

const problemTypeOf = (check: GenericCheck): string => {
  const special = SPEC_PROBLEMS[check.code];
  if (special !== undefined) return special;
  if (check.outcome === 'skipped') return `urn:akashi:problem:${check.code}`;
  switch (check.name) {
    case 'parse':
      return `${VCDM}PARSING_ERROR`;
    case 'context':
    case 'jsonld':
    case 'schema':
    case 'dataModel':
      return `${VCDM}MALFORMED_VALUE_ERROR`;
    case 'proof':
    case 'issuer':
    case 'holder':
      return `${DI}PROOF_VERIFICATION_ERROR`;
    case 'validity':
      return `${VCDM}RANGE_ERROR`;
    default:
      return `urn:akashi:problem:${check.code}`;
  }
};

const titleOf = (type: string): string =>
  type.slice(Math.max(type.lastIndexOf('#'), type.lastIndexOf(':')) + 1);

/** Skipped checks that only say there was nothing to check: not worth a warning. */
const QUIET_SKIPS: ReadonlySet<string> = new Set([
  'STATUS_NONE',
  'REFRESH_NONE',
  'REFRESH_NOT_FOLLOWED',
  'ENDORSEMENTS_NONE',
  'RECIPIENT_NOT_CHECKED',
  'ISSUER_NOT_CHECKED',
  'PROOF_NOT_CHECKED',
  'ERR_VALIDITY_MISSING',
]);

export const toProblemDetail = (check: GenericCheck, language: Language): ProblemDetail => {
  const type = problemTypeOf(check);
  return { type, title: titleOf(type), detail: check.message[language], code: check.code };
};

export interface CheckSummary {
  readonly checks: string[];
  readonly warnings: ProblemDetail[];
  readonly errors: ProblemDetail[];
  readonly results: CheckResult[];
}

export const summariseChecks = (
  checks: readonly GenericCheck[],
  language: Language,
): CheckSummary => ({
  checks: checks.filter((c) => c.outcome === 'passed').map((c) => CHECK_NAMES[c.name] ?? c.name),
  warnings: checks
    .filter((c) => c.outcome === 'skipped' && !QUIET_SKIPS.has(c.code))
    .map((c) => toProblemDetail(c, language)),
  errors: checks
    .filter((c) => c.outcome === 'failed' || c.outcome === 'error')
    .map((c) => toProblemDetail(c, language)),
  results: checks.map((c) => ({
    check: CHECK_NAMES[c.name] ?? c.name,
    outcome: c.outcome,
    code: c.code,
    message: c.message[language],
  })),
});

export const toCredentialResult = (
  verification: CredentialVerification,
  language: Language,
): CredentialResult => {
  const summary = summariseChecks(verification.checks, language);
  return {
    verified: verification.verified,
    status: verification.status,
    ...summary,
    problemDetails: [...summary.errors, ...summary.warnings],
  };
};

/** One line on why a credential did not verify: its first error, else its verdict. */
export const reasonOf = (result: CredentialResult): string =>
  result.errors[0]?.detail ?? result.status;
