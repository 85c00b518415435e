/**
 * Digest signers: a local PKCS#12 key and a remote Cloud Signature Consortium API v2 service;
 * both are given only the SHA-256 digest to sign.
 */
export { createCscSigner, type CscSignerOptions } from './create-csc-signer.js';
export {
  algorithmOfKey,
  createKeySigner,
  createPkcs12Signer,
  sha256DigestInfo,
} from './create-pkcs12-signer.js';
export {
  decodeEcdsaSignature,
  encodeEcdsaSignature,
  signP256Digest,
  verifyP256Digest,
} from './ecdsa-p256.js';
export { readPkcs12, type Pkcs12Contents } from './read-pkcs12.js';
