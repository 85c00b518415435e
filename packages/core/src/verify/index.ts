export { createVerifier, verifyCredential, type Verifier } from './create-verifier.js';
export type { VerifyInput } from './parse-input.js';
export type { EndorsementResult } from './check-endorsements.js';
export {
  decideStatus,
  type CheckName,
  type CheckOutcome,
  type CredentialFormat,
  type VerificationCheck,
  type VerificationReport,
  type VerificationStatus,
} from './verification-report.js';
export { VERIFY_CODES, messageFor, type VerifyCode } from './verify-messages.js';
export type {
  KeyProvenance,
  ResolvedMethod,
  ResolveMethod,
  VerifierOptions,
  VerifyCredentialOptions,
} from './verify-options.js';
export {
  createBadgeVerifier,
  verify,
  type BadgeGeneration as VerifiedGeneration,
  type BadgeInput,
  type BadgeVerificationReport,
  type BadgeVerifier,
  type CreateBadgeVerifierOptions,
} from './create-badge-verifier.js';
