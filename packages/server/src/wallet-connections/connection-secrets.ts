/**
 * Secrets the wallet keeps for its connections to other hosts — our client secret at a host
 * (`remote_hosts.client_secret`), a learner's access and refresh tokens and the PKCE verifier
 * while pending (`wallet_connections`) — encrypted at rest with AES-256-GCM under a key derived
 * (HKDF-SHA256) from the master key's encryption key, as webhook secrets are
 * (`webhooks/webhook-secret.ts`), with their own derivation labels. The authenticated data binds
 * each ciphertext to its row and column, so a value copied elsewhere does not decrypt. The text
 * stored is `<master key id>:<base64(IV ‖ ciphertext ‖ tag)>`: a wrong master key is told apart
 * from damage.
 */
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { ServerError } from '../http/server-error.js';
import type { MasterKey } from '../keys/master-key.js';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD_LABEL = 'akashi/wallet-connection-secret/v1';
const HKDF_SALT = 'akashi wallet connection secrets';
const HKDF_INFO = 'akashi/wallet-connection-secrets/aes-256-gcm/v1';

/** Which secret a ciphertext holds: part of the authenticated data. */
export type SecretSlot = 'client_secret' | 'code_verifier' | 'access_token' | 'refresh_token';

const derivedKeys = new WeakMap<MasterKey, KeyObject>();

const encryptionKey = (masterKey: MasterKey): KeyObject => {
  let key = derivedKeys.get(masterKey);
  if (key === undefined) {
    const bytes = Buffer.from(
      hkdfSync('sha256', masterKey.issuerKeyEncryptionKey, HKDF_SALT, HKDF_INFO, 32),
    );
    key = createSecretKey(bytes);
    bytes.fill(0);
    derivedKeys.set(masterKey, key);
  }
  return key;
};

const additionalData = (rowId: string, slot: SecretSlot): Buffer =>
  Buffer.from(JSON.stringify([AAD_LABEL, rowId, slot]), 'utf8');

/** Encrypts `secret` for the column `slot` of row `rowId`. */
export const sealSecret = (
  masterKey: MasterKey,
  rowId: string,
  slot: SecretSlot,
  secret: string,
): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, encryptionKey(masterKey), iv, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(additionalData(rowId, slot));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64');
  return `${masterKey.id}:${sealed}`;
};

/**
 * Decrypts what `sealSecret` made; `ERR_WALLET_CONNECTION_SECRET_UNREADABLE` when it was made
 * under another master key, altered, or copied from another row or column.
 */
export const openSecret = (
  masterKey: MasterKey,
  rowId: string,
  slot: SecretSlot,
  stored: string,
): string => {
  const split = stored.lastIndexOf(':');
  const data = Buffer.from(stored.slice(split + 1), 'base64');
  if (split < 0 || stored.slice(0, split) !== masterKey.id || data.length <= IV_BYTES + TAG_BYTES) {
    throw new ServerError('ERR_WALLET_CONNECTION_SECRET_UNREADABLE');
  }
  try {
    const decipher = createDecipheriv(
      CIPHER,
      encryptionKey(masterKey),
      data.subarray(0, IV_BYTES),
      { authTagLength: TAG_BYTES },
    );
    decipher.setAAD(additionalData(rowId, slot));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch (cause) {
    throw new ServerError('ERR_WALLET_CONNECTION_SECRET_UNREADABLE', { cause });
  }
};
