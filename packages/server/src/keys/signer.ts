/**
 * What signs for an issuer. Everything that issues asks for a `Signer`, never for a private key,
 * so that a KMS, an HSM or a remote signing service can take the place of the local keys later
 * by implementing this interface (with another `kind`).
 *
 * A `LocalSigner` holds the decrypted key in process. It also hands out the core's `SigningKey`
 * (a parsed KeyObject), because the core's Data Integrity and VC-JWT paths sign with it directly:
 * more than 10,000 credentials a second, which a round trip per signature could not sustain.
 */
import { sign as signWith, type JsonWebKey } from 'node:crypto';
import { exportPublicJwk, type SigningKey, type SigningKeyAlg } from '@akashi/core';
import type { IssuerKeyAlgorithm } from './issuer-key.js';

export interface Signer {
  /** Where the private key lives: `local` (in process), or the name of a KMS / remote signer. */
  readonly kind: string;
  readonly algorithm: IssuerKeyAlgorithm;
  /** The JOSE `alg` of the signatures: EdDSA (Ed25519) or RS256 (RSASSA-PKCS1-v1_5, SHA-256). */
  readonly alg: SigningKeyAlg;
  /** The key id published in the DID document and the JWKS. */
  readonly kid: string;
  /** The public JWK with `kid`, `alg` and `use: "sig"`. */
  readonly publicJwk: JsonWebKey;
  /**
   * Signs `data` as `alg` prescribes: Ed25519 over the bytes themselves, or RSASSA-PKCS1-v1_5
   * over their SHA-256 digest. Returns the raw signature (64 bytes for Ed25519, 256 for RSA-2048).
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface LocalSigner extends Signer {
  readonly kind: 'local';
  /** The key for the core's issuing functions (`issueCredential({ key })`, the issuer pool). */
  signingKey(): SigningKey;
}

export const isLocalSigner = (signer: Signer): signer is LocalSigner => signer.kind === 'local';

/** A signer for a key held in process. */
export const createLocalSigner = (key: SigningKey): LocalSigner => {
  if (key.type !== 'ed25519' && key.type !== 'rsa') {
    throw new TypeError(`createLocalSigner: key.type must be ed25519 or rsa, not ${key.type}`);
  }
  const algorithm = key.type;
  const digest = algorithm === 'ed25519' ? null : 'sha256';
  const publicJwk = Object.freeze(exportPublicJwk(key));
  return Object.freeze({
    kind: 'local' as const,
    algorithm,
    alg: key.alg,
    kid: key.kid,
    publicJwk,
    signingKey: () => key,
    sign: (data: Uint8Array) =>
      new Promise<Uint8Array>((resolve, reject) => {
        // The callback form runs in libuv's thread pool: RSA does not block the event loop.
        signWith(digest, data, key.privateKey, (error, signature) => {
          if (error === null)
            resolve(new Uint8Array(signature.buffer, signature.byteOffset, signature.length));
          else reject(error);
        });
      }),
  });
};
