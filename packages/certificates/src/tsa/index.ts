/**
 * RFC 3161 time-stamping: the TSA client, the token verifier shared with the PDF verifier, the
 * injected HTTP POST type (also used by the CSC signer) and the package's `CertificateError`.
 */
export {
  CertificateError,
  isCertificateError,
  type CertificateErrorCode,
  type LocalizedMessage,
} from './certificate-error.js';
export { checkChain, type ChainCheck } from './check-chain.js';
export {
  buildTimestampRequest,
  createTsaClient,
  readTimestampReply,
  type TsaClientOptions,
} from './create-tsa-client.js';
export type { HttpPost, HttpPostResponse } from './http-post.js';
export {
  verifyTimestampToken,
  type TimestampTokenInfo,
  type VerifyTimestampOptions,
} from './verify-timestamp-token.js';
