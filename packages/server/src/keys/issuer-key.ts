/**
 * The vocabulary of the key store: who owns a key, which algorithms it holds, and the public view
 * of a stored key that DID documents, JWKS and OB 2.0 CryptographicKey documents are made from.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { ALG_BY_KEY_TYPE, encodeMultikey, type SigningKeyAlg } from '@akashi/core';
import type { IssuerKeyAlgorithm, IssuerKeyOwnerType, IssuerKeysTable } from '../db/tables.js';

export type { IssuerKeyAlgorithm, IssuerKeyOwnerType };

/**
 * The algorithms the store generates: Ed25519 (Data Integrity eddsa-rdfc-2022, EdDSA JWTs) and
 * RSA-2048 (OB 2.0 signed assertions, RS256 VC-JWT).
 */
export const ISSUER_KEY_ALGORITHMS: readonly IssuerKeyAlgorithm[] = ['ed25519', 'rsa'];
export const ISSUER_KEY_OWNER_TYPES: readonly IssuerKeyOwnerType[] = [
  'organisation',
  'issuer-profile',
];

/** Whose key it is: an organisation or one of its issuer profiles. */
export interface KeyOwner {
  readonly type: IssuerKeyOwnerType;
  readonly id: string;
}

export type IssuerKeyStatus = 'current' | 'retired';

/** A stored key as it may be shown to anyone: never private material. */
export interface IssuerPublicKey {
  /** The row id. */
  readonly id: string;
  readonly owner: KeyOwner;
  readonly algorithm: IssuerKeyAlgorithm;
  /** 1 for the owner's first key of this algorithm, one more at each rotation. */
  readonly version: number;
  /** The key id: the Multikey (`z6Mk…`) of an Ed25519 key, the JWK thumbprint of an RSA key. */
  readonly kid: string;
  /** The JOSE `alg`: EdDSA or RS256. */
  readonly alg: SigningKeyAlg;
  /** The public JWK with `kid`, `alg` and `use: "sig"`, as a JWKS lists it. */
  readonly publicJwk: JsonWebKey;
  readonly publicKey: KeyObject;
  /** The Multikey of an Ed25519 key (a DID document's `publicKeyMultibase`); RSA: undefined. */
  readonly publicKeyMultibase: string | undefined;
  /** SPKI PEM: an OB 2.0 CryptographicKey's `publicKeyPem`. */
  readonly publicKeyPem: string;
  readonly status: IssuerKeyStatus;
  readonly createdAt: string;
  readonly activatedAt: string;
  /** When a newer key replaced it; undefined while it is current. */
  readonly retiredAt: string | undefined;
}

/** Misuse guard for owners and algorithms coming from callers. */
export const assertKeyOwner = (owner: KeyOwner, algorithm?: IssuerKeyAlgorithm): void => {
  if (!ISSUER_KEY_OWNER_TYPES.includes(owner.type)) {
    throw new TypeError(`owner.type must be one of ${ISSUER_KEY_OWNER_TYPES.join(', ')}`);
  }
  if (typeof owner.id !== 'string' || owner.id === '') {
    throw new TypeError('owner.id must be a non-empty string');
  }
  if (algorithm !== undefined && !ISSUER_KEY_ALGORITHMS.includes(algorithm)) {
    throw new TypeError(`algorithm must be one of ${ISSUER_KEY_ALGORITHMS.join(', ')}`);
  }
};

export type IssuerKeyRow = Omit<IssuerKeysTable, 'encrypted_private_key'>;

/** The public view of a row (the ciphertext is not even read). */
export const presentIssuerPublicKey = (row: IssuerKeyRow): IssuerPublicKey => {
  const publicJwk = JSON.parse(row.public_jwk) as JsonWebKey;
  const publicKey = createPublicKey({ key: publicJwk, format: 'jwk' });
  return {
    id: row.id,
    owner: { type: row.owner_type, id: row.owner_id },
    algorithm: row.algorithm,
    version: row.version,
    kid: row.kid,
    alg: ALG_BY_KEY_TYPE[row.algorithm],
    publicJwk,
    publicKey,
    publicKeyMultibase: row.algorithm === 'ed25519' ? encodeMultikey(publicKey) : undefined,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    status: row.retired_at === null ? 'current' : 'retired',
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    retiredAt: row.retired_at ?? undefined,
  };
};
