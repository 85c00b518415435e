export { issueJwtCredential, type IssueJwtCredentialOptions } from './issue-jwt-credential.js';
export {
  verifyJwtCredential,
  JWT_CREDENTIAL_ALGS,
  type JwtCredentialAlg,
  type VerifyJwtCredentialFailure,
  type VerifyJwtCredentialFailureCode,
  type VerifyJwtCredentialOptions,
  type VerifyJwtCredentialResult,
  type VerifyJwtCredentialSuccess,
} from './verify-jwt-credential.js';
export {
  decodeJwtCredential,
  REGISTERED_JWT_CLAIMS,
  type Credential,
  type DecodeJwtCredentialFailureCode,
  type DecodeJwtCredentialResult,
  type JwtCredentialHeader,
  type JwtPayload,
  type VcVersion,
} from './decode-jwt-credential.js';
export {
  reconcileJwtClaims,
  type JwtClaimMismatch,
  type JwtClaimName,
  type ReconcileJwtClaimsResult,
} from './reconcile-jwt-claims.js';
