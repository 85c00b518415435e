/**
 * Private keys at rest: the private JWK, encrypted with AES-256-GCM under the key derived from the
 * master key, stored as base64(IV ‖ ciphertext ‖ tag) with a random 12-byte IV.
 *
 * The additional authenticated data binds a ciphertext to its row: the row id, the owner, the
 * algorithm and the kid. A ciphertext copied into another row (another owner's key, another
 * algorithm) fails authentication exactly like an altered one, so someone who can write to the
 * database but does not hold the master key cannot make one owner sign with another's key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  computeJwkThumbprint,
  encodeMultikey,
  exportPrivateJwk,
  importPrivateJwk,
  type SigningKey,
} from '@akashi/core';
import type { IssuerKeyAlgorithm, KeyOwner } from './issuer-key.js';
import { KeyStoreError } from './key-store-error.js';
import type { MasterKey } from './master-key.js';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Changing the format or the derivation means a new label (and a migration of the rows). */
const AAD_LABEL = 'akashi/issuer-key/v1';

/** What a ciphertext is bound to: the row that holds it. */
export interface PrivateKeyBinding {
  /** The row id. */
  readonly keyId: string;
  readonly owner: KeyOwner;
  readonly algorithm: IssuerKeyAlgorithm;
  readonly kid: string;
}

export interface DecryptPrivateKeyOptions {
  /** The id of the master key the row says it was encrypted under. */
  readonly masterKeyId: string;
}

/** JSON of an array: no separator inside a value can shift one field into the next. */
const additionalData = (binding: PrivateKeyBinding): Buffer =>
  Buffer.from(
    JSON.stringify([
      AAD_LABEL,
      binding.keyId,
      binding.owner.type,
      binding.owner.id,
      binding.algorithm,
      binding.kid,
    ]),
    'utf8',
  );

/** Encrypts a signing key's private JWK for the row described by `binding`. */
export const encryptPrivateKey = (
  masterKey: MasterKey,
  key: SigningKey,
  binding: PrivateKeyBinding,
): string => {
  if (key.type !== binding.algorithm || key.kid !== binding.kid) {
    throw new TypeError(
      'encryptPrivateKey: the key does not match binding.algorithm / binding.kid',
    );
  }
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, masterKey.issuerKeyEncryptionKey, iv, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(additionalData(binding));
  const plaintext = Buffer.from(JSON.stringify(exportPrivateJwk(key)), 'utf8');
  try {
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64');
  } finally {
    plaintext.fill(0);
  }
};

const decryptFailed = (binding: PrivateKeyBinding, en: string, ja: string): KeyStoreError =>
  new KeyStoreError(
    'ERR_KEYSTORE_DECRYPT_FAILED',
    {
      en: `The stored private key ${binding.kid} (row ${binding.keyId}) cannot be decrypted: ${en}`,
      ja: `保存されている秘密鍵 ${binding.kid}（行 ${binding.keyId}）を復号できません: ${ja}`,
    },
    { details: { keyId: binding.keyId, kid: binding.kid } },
  );

const NOT_AUTHENTIC = {
  en: 'it was altered, truncated, or copied from another key row.',
  ja: '改ざん・切り詰め、または別の鍵の行からの複製のおそれがあります。',
} as const;

/**
 * Decrypts a stored private key and imports it. Throws `ERR_KEYSTORE_MASTER_KEY_MISMATCH` when the
 * row was encrypted under another master key, and `ERR_KEYSTORE_DECRYPT_FAILED` when the
 * ciphertext does not authenticate for this row or does not hold the key the row describes.
 */
export const decryptPrivateKey = (
  masterKey: MasterKey,
  encrypted: string,
  binding: PrivateKeyBinding & DecryptPrivateKeyOptions,
): SigningKey => {
  if (binding.masterKeyId !== masterKey.id) {
    throw new KeyStoreError(
      'ERR_KEYSTORE_MASTER_KEY_MISMATCH',
      {
        en: `The private key ${binding.kid} was encrypted under master key ${binding.masterKeyId}, but the configured master key is ${masterKey.id}. Start the platform with the master key it was created with (AKASHI_MASTER_KEY or the key file).`,
        ja: `秘密鍵 ${binding.kid} はマスターキー ${binding.masterKeyId} で暗号化されていますが、設定されているマスターキーは ${masterKey.id} です。作成時のマスターキー（AKASHI_MASTER_KEY またはキーファイル）で起動してください。`,
      },
      { details: { keyId: binding.keyId, expected: binding.masterKeyId, actual: masterKey.id } },
    );
  }
  const data = Buffer.from(encrypted, 'base64');
  if (data.length <= IV_BYTES + TAG_BYTES || data.toString('base64') !== encrypted) {
    throw decryptFailed(binding, NOT_AUTHENTIC.en, NOT_AUTHENTIC.ja);
  }
  const decipher = createDecipheriv(
    CIPHER,
    masterKey.issuerKeyEncryptionKey,
    data.subarray(0, IV_BYTES),
    { authTagLength: TAG_BYTES },
  );
  decipher.setAAD(additionalData(binding));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([
      decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw decryptFailed(binding, NOT_AUTHENTIC.en, NOT_AUTHENTIC.ja);
  }
  let key: SigningKey;
  try {
    key = importPrivateJwk(JSON.parse(plaintext.toString('utf8')));
  } catch (cause) {
    throw new KeyStoreError(
      'ERR_KEYSTORE_DECRYPT_FAILED',
      {
        en: `The stored private key ${binding.kid} decrypts to something that is not a usable key.`,
        ja: `保存されている秘密鍵 ${binding.kid} を復号しましたが、使える鍵ではありません。`,
      },
      { details: { keyId: binding.keyId, kid: binding.kid }, cause },
    );
  } finally {
    plaintext.fill(0);
  }
  // Authenticated data already binds the kid; this also catches a key stored under a wrong kid.
  const derivedKid =
    key.type === 'rsa' ? computeJwkThumbprint(key.publicJwk) : encodeMultikey(key.publicKey);
  if (key.type !== binding.algorithm || key.kid !== binding.kid || derivedKid !== binding.kid) {
    throw decryptFailed(
      binding,
      'it holds a different key than the row describes.',
      '行が示す鍵とは別の鍵が入っています。',
    );
  }
  return key;
};
