/**
 * @akashi/core — the Open Badges standards core: models and schemas, bundled contexts, keys,
 * Data Integrity and VC-JWT proofs, issuance, verification, Bitstring Status Lists and baking.
 * No database, no HTTP server.
 */
export * from './errors/akashi-error.js';
export * from './contexts/bundled-contexts.js';
export * from './contexts/document-loader.js';
export * from './canon/index.js';
export * from './proof/index.js';
export * from './keys/index.js';
export * from './jwt/index.js';
export * from './models/index.js';
export * from './recipient/index.js';
export * from './status/index.js';
export * from './bake/index.js';
export * from './fetch/index.js';
export * from './ob2/index.js';
export * from './issue/index.js';
export * from './verify/index.js';
