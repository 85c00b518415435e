/**
 * `@akashi/certificates`: sealed PDF certificates, kept out of `@akashi/core` so that a consumer
 * of the badge verifier never loads PDF or font code. Rendering (templates, Japanese fonts, QR
 * code, the credential embedded), PAdES sealing (B-B to B-LTA) with a signer that sees only a
 * digest (local PKCS#12 or a CSC API v2 service), RFC 3161 time-stamps, and verification.
 */
export type { DigestSigner, SignatureAlgorithm, TimestampAuthority } from './signer.js';
export {
  sealPdf,
  appendDocumentTimestamp,
  appendDss,
  buildCadesSignature,
  PdfSyntaxError,
} from './pades/index.js';
export type { PadesLevel, SealOptions, DssData, CadesSignature } from './pades/index.js';
export {
  CertificateError,
  isCertificateError,
  type CertificateErrorCode,
  createTsaClient,
  verifyTimestampToken,
  buildTimestampRequest,
  readTimestampReply,
  checkChain,
  type TsaClientOptions,
  type TimestampTokenInfo,
  type VerifyTimestampOptions,
  type ChainCheck,
  type HttpPost,
  type HttpPostResponse,
} from './tsa/index.js';
export {
  createPkcs12Signer,
  createKeySigner,
  createCscSigner,
  readPkcs12,
  algorithmOfKey,
  type CscSignerOptions,
  type Pkcs12Contents,
} from './signers/index.js';
export * from './verify/index.js';
export * from './render/index.js';
