/**
 * The answer of `POST /api/v1/verify` as the verify page reads it (web code does not import the
 * server: these mirror `packages/server/src/verification/verification-schemas.ts`).
 */

export type Verdict =
  | 'valid'
  | 'revoked'
  | 'suspended'
  | 'expired'
  | 'not-yet-valid'
  | 'tampered'
  | 'issuer-unreachable'
  | 'unreadable'
  | 'invalid';

export type CheckOutcome = 'passed' | 'failed' | 'skipped' | 'error';

export interface LocalizedText {
  readonly en: string;
  readonly ja: string;
}

export interface VerificationCheckView {
  readonly name: string;
  readonly outcome: CheckOutcome;
  readonly code: string;
  readonly message: LocalizedText;
}

export type JsonObject = Readonly<Record<string, unknown>>;

export interface VerificationReportView {
  readonly status: string;
  readonly valid: boolean;
  readonly generation?: 'ob2' | 'ob3';
  readonly format?: string;
  readonly checks: readonly VerificationCheckView[];
  readonly credential?: JsonObject;
  /** OB 2.0: the BadgeClass and the issuer Profile, as fetched. */
  readonly badgeClass?: JsonObject;
  readonly issuerProfile?: JsonObject;
}

export interface VerifyAnswer {
  readonly verdict: Verdict;
  readonly explanation: LocalizedText;
  readonly report: VerificationReportView;
}
