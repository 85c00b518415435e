export {
  createSigningKey,
  generateSigningKey,
  computeJwkThumbprint,
  readKeyType,
  ALG_BY_KEY_TYPE,
  KEY_TYPES,
  MIN_RSA_MODULUS_BITS,
  type CreateSigningKeyOptions,
  type GenerateSigningKeyOptions,
  type KeyType,
  type SigningKey,
  type SigningKeyAlg,
} from './signing-key.js';
export { importPrivateJwk } from './import-private-jwk.js';
export { exportPrivateJwk, exportPublicJwk } from './export-private-jwk.js';
export { importPublicJwk, hasPrivateJwkMembers, PRIVATE_JWK_MEMBERS } from './import-public-jwk.js';
export {
  decodeMultikey,
  decodeMultibaseBase58btc,
  encodeMultibaseBase58btc,
  encodeMultikey,
} from './multikey.js';
export {
  importSecretMultikey,
  type ImportSecretMultikeyOptions,
} from './import-secret-multikey.js';
export {
  DID_V1_CONTEXT_URL,
  JWK_V1_CONTEXT_URL,
  type DidDocument,
  type VerificationMethod,
} from './did-document.js';
export { didKeyFor, resolveDidKey, verificationMethodIdFor } from './did-key.js';
export {
  buildDidWebDocument,
  didWebToUrl,
  type BuildDidWebDocumentOptions,
  type PublicDidKey,
} from './did-web.js';
export { type VerificationMethodType } from './read-verification-method.js';
export {
  createVerificationMethodResolver,
  readFragmentMultikey,
  resolveVerificationMethod,
  DEFAULT_RESOLVER_TTL_MS,
  type CreateVerificationMethodResolverOptions,
  type FetchJson,
  type ResolvedVerificationMethod,
  type ResolveVerificationMethodOptions,
  type VerificationMethodResolver,
} from './resolve-verification-method.js';
