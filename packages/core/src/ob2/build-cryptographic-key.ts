import { assertInputObject } from '../models/builder-input.js';
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { SigningKey } from '../keys/signing-key.js';
import { OB_V2_CONTEXT_URL } from './ob2-contexts.js';
import type { CryptographicKey } from './ob2-models.js';
import { assertStrictOb2Model } from './validate-ob2-model.js';

export interface BuildCryptographicKeyInput {
  /** The URL where this document is served; list it in the issuer Profile's `publicKey`. */
  readonly id: string;
  /** The issuer Profile id. */
  readonly owner: string;
  /** The key (only its public half is written). */
  readonly key: SigningKey | KeyObject;
}

/**
 * Builds the OB 2.0 CryptographicKey document of an issuer's public key: `publicKeyPem` is the
 * SPKI PEM. The key and the issuer Profile must point at each other (`owner` ↔ `publicKey`).
 * Throws `ERR_CREDENTIAL_INVALID` for a bad `id` or `owner`.
 */
export const buildCryptographicKey = (input: BuildCryptographicKeyInput): CryptographicKey => {
  assertInputObject(input);
  const key = 'publicKey' in input.key ? input.key.publicKey : input.key;
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.type !== 'public') throw new TypeError('input.key: expected an asymmetric key');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return assertStrictOb2Model<CryptographicKey>('CryptographicKey', {
    '@context': OB_V2_CONTEXT_URL,
    type: 'CryptographicKey',
    id: input.id,
    owner: input.owner,
    publicKeyPem,
  });
};
