/** Assembles an `Ob2VerificationReport`: the checks in their fixed order, and the verdict. */
import {
  decideStatus,
  makeCheck,
  type CheckName,
  type CredentialFormat,
  type VerificationCheck,
} from '../verify/verification-report.js';
import type { Ob2InputFormat } from './read-ob2-input.js';
import type { Ob2SourceVersion, Ob2VerificationReport } from './verify-ob2-options.js';

const ORDER: readonly CheckName[] = [
  'parse',
  'context',
  'jsonld',
  'schema',
  'proof',
  'issuer',
  'validity',
  'status',
  'recipient',
];

export interface Ob2ReportParts {
  readonly format?: Ob2InputFormat | undefined;
  readonly signed?: boolean | undefined;
  readonly credential?: Record<string, unknown> | undefined;
  readonly badgeClass?: Record<string, unknown> | undefined;
  readonly issuerProfile?: Record<string, unknown> | undefined;
  readonly sourceVersion?: Ob2SourceVersion | undefined;
}

/**
 * The report of `checks`; every check of the fixed list that did not run is added as skipped
 * (`OB2_NOT_CHECKED`, with `reason`). Checks are sorted into the fixed order.
 */
export const finishOb2Report = (
  checks: readonly VerificationCheck[],
  parts: Ob2ReportParts,
  reason = 'an earlier check did not pass',
): Ob2VerificationReport => {
  const all = ORDER.map(
    (name) =>
      checks.find((check) => check.name === name) ??
      makeCheck(name, 'skipped', 'OB2_NOT_CHECKED', { reason }),
  );
  const status = decideStatus(all);
  const format: CredentialFormat | undefined = parts.format === 'jws' ? 'jwt' : parts.format;
  return {
    status,
    valid: status === 'valid',
    checks: all,
    ...(format === undefined ? {} : { format }),
    ...(parts.signed === true ? { proofFormat: 'jwt' as const } : {}),
    ...(parts.credential === undefined ? {} : { credential: parts.credential }),
    ...(parts.badgeClass === undefined ? {} : { badgeClass: parts.badgeClass }),
    ...(parts.issuerProfile === undefined ? {} : { issuerProfile: parts.issuerProfile }),
    ...(parts.sourceVersion === undefined ? {} : { sourceVersion: parts.sourceVersion }),
  };
};
