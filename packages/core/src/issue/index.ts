export {
  addDataIntegrityProof,
  defaultVerificationMethod,
  type AddDataIntegrityProofOptions,
  issueCredential,
  type IssueCredentialOptions,
  type IssueCredentialResult,
  type IssueFormat,
} from './issue-credential.js';
export {
  createIssuerPool,
  type CreateIssuerPoolOptions,
  type IssueManyOptions,
  type IssuerPool,
} from './create-issuer-pool.js';
export type { PoolResult } from './issuer-pool-protocol.js';
