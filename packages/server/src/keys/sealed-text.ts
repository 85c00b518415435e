/**
 * Text kept encrypted at rest under the master key, for secrets other than issuer keys (webhook
 * signing secrets, the wallet's client secrets and tokens at other hosts): AES-256-GCM under a key
 * derived (HKDF-SHA256) from the master key's encryption key with the caller's own labels, and
 * authenticated data that binds each ciphertext to where it is stored, so a value copied
 * elsewhere does not decrypt. The sealed form is base64(IV ‖ ciphertext ‖ tag); callers add the
 * master key id beside it as their storage needs.
 */
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import type { MasterKey } from './master-key.js';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface TextSealer {
  /** base64(IV ‖ ciphertext ‖ tag) of `text`, bound to `binding`. */
  readonly seal: (masterKey: MasterKey, binding: readonly string[], text: string) => string;
  /** The text back; throws when the data is short, altered, or bound elsewhere. */
  readonly open: (masterKey: MasterKey, binding: readonly string[], sealed: string) => string;
}

/** A sealer with its own HKDF salt and info and authenticated-data label. */
export const createTextSealer = (labels: {
  readonly salt: string;
  readonly info: string;
  readonly aad: string;
}): TextSealer => {
  const derivedKeys = new WeakMap<MasterKey, KeyObject>();
  const keyOf = (masterKey: MasterKey): KeyObject => {
    let key = derivedKeys.get(masterKey);
    if (key === undefined) {
      const bytes = Buffer.from(
        hkdfSync('sha256', masterKey.issuerKeyEncryptionKey, labels.salt, labels.info, 32),
      );
      key = createSecretKey(bytes);
      bytes.fill(0);
      derivedKeys.set(masterKey, key);
    }
    return key;
  };
  const additionalData = (binding: readonly string[]): Buffer =>
    Buffer.from(JSON.stringify([labels.aad, ...binding]), 'utf8');
  return {
    seal: (masterKey, binding, text) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(CIPHER, keyOf(masterKey), iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(binding));
      const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64');
    },
    open: (masterKey, binding, sealed) => {
      const data = Buffer.from(sealed, 'base64');
      if (data.length <= IV_BYTES + TAG_BYTES) throw new RangeError('sealed text too short');
      const decipher = createDecipheriv(CIPHER, keyOf(masterKey), data.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(additionalData(binding));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
};
