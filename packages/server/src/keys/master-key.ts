/**
 * The master key: 32 random bytes that every private key stored by the platform is encrypted
 * under. It comes from `AKASHI_MASTER_KEY` or from a key file (`load-master-key.ts`) and never
 * leaves the process: it is held only as node:crypto KeyObjects, which print and serialise
 * without their material, and is never logged.
 *
 * The key is not used as it is: HKDF-SHA256 derives from it one key per purpose (here the
 * AES-256-GCM key for issuer keys and the HMAC key of the wallet's claim links) and a public
 * fingerprint, the master key id, stored beside each ciphertext so that a wrong master key is
 * reported as such rather than as corrupt data.
 */
import { createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

export const MASTER_KEY_BYTES = 32;

export type MasterKeySource = 'environment' | 'file';

export interface MasterKey {
  /** A fingerprint (`mk-` and 16 hex digits): safe to store and to log, reveals nothing. */
  readonly id: string;
  readonly source: MasterKeySource;
  /** The key file, when the key was read from one. */
  readonly file: string | undefined;
  /** The AES-256-GCM key for issuer private keys (`encrypt-private-key.ts`). */
  readonly issuerKeyEncryptionKey: KeyObject;
  /** The HMAC-SHA256 key of the wallet's claim links (`wallet-claims/claim-token.ts`). */
  readonly walletClaimKey: KeyObject;
}

/** Describes the format for error messages; the value itself is never repeated. */
export const MASTER_KEY_FORMAT = {
  en: '32 random bytes written as base64 (44 characters, e.g. from `openssl rand -base64 32`) or as 64 hexadecimal digits',
  ja: '32 バイトの乱数を base64（44 文字。例: `openssl rand -base64 32` の出力）または 16 進数 64 桁で書いたもの',
} as const;

const HEX = /^[0-9A-Fa-f]{64}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{43}|[A-Za-z0-9_-]{43})=?$/;

/** A new random master key in its text form (base64), for the key file or AKASHI_MASTER_KEY. */
export const createMasterKey = (): string => randomBytes(MASTER_KEY_BYTES).toString('base64');

/**
 * Reads a master key written as base64 / base64url or as hexadecimal (white space around it is
 * ignored). Undefined when the text is not exactly 32 bytes in one of these forms, or when every
 * byte is the same (a placeholder such as 64 zeros copied from an example).
 */
export const parseMasterKey = (text: string): KeyObject | undefined => {
  const trimmed = text.trim();
  let bytes: Buffer;
  if (HEX.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (BASE64.test(trimmed)) bytes = Buffer.from(trimmed, 'base64');
  else return undefined;
  try {
    if (bytes.length !== MASTER_KEY_BYTES || bytes.every((byte) => byte === bytes[0])) {
      return undefined;
    }
    return createSecretKey(bytes);
  } finally {
    bytes.fill(0);
  }
};

const HKDF_SALT = 'akashi master key';
const ID_INFO = 'akashi/master-key-id/v1';
const ISSUER_KEYS_INFO = 'akashi/issuer-keys/aes-256-gcm/v1';
const WALLET_CLAIM_INFO = 'akashi/wallet-claim/v1';

const derive = (secret: KeyObject, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, info, 32));

/** The master key with its derived keys and fingerprint. */
export const deriveMasterKey = (
  secret: KeyObject,
  source: MasterKeySource,
  file?: string,
): MasterKey => {
  if (secret.type !== 'secret' || secret.symmetricKeySize !== MASTER_KEY_BYTES) {
    throw new TypeError(`deriveMasterKey: secret must be a ${MASTER_KEY_BYTES}-byte secret key`);
  }
  const fingerprint = derive(secret, ID_INFO);
  const encryption = derive(secret, ISSUER_KEYS_INFO);
  const claim = derive(secret, WALLET_CLAIM_INFO);
  try {
    return Object.freeze({
      id: `mk-${fingerprint.subarray(0, 8).toString('hex')}`,
      source,
      file,
      issuerKeyEncryptionKey: createSecretKey(encryption),
      walletClaimKey: createSecretKey(claim),
    });
  } finally {
    encryption.fill(0);
    claim.fill(0);
  }
};
