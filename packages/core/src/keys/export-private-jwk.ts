import type { JsonWebKey } from 'node:crypto';
import type { SigningKey } from './signing-key.js';

/**
 * Exports a signing key as a private JWK with its `kid` and `alg`, for storage (encrypted at rest)
 * or backup. `importPrivateJwk` reads it back.
 */
export const exportPrivateJwk = (key: SigningKey): JsonWebKey => ({
  ...key.privateKey.export({ format: 'jwk' }),
  kid: key.kid,
  alg: key.alg,
});

/**
 * Exports the public half of a signing key as a JWK for publication (a JWKS, a DID document):
 * the bare public members plus `kid`, `alg` and `use: "sig"`. Never any private member.
 */
export const exportPublicJwk = (key: SigningKey): JsonWebKey => ({
  ...key.publicJwk,
  kid: key.kid,
  alg: key.alg,
  use: 'sig',
});
