/**
 * The errors of the key store and the master key: a stable code from a closed union, a message in
 * English and Japanese, and structured details (never key material, never the master key).
 * Misuse by a programmer (an unknown algorithm, an empty owner id) is a plain `TypeError`.
 */
import type { LocalizedMessage } from '@akashi/core';

export type KeyStoreErrorCode =
  /** `AKASHI_MASTER_KEY` or the key file is not 32 bytes in base64 or hex. */
  | 'ERR_KEYSTORE_MASTER_KEY_INVALID'
  /** The master key file can be read by the group or by others (it must be mode 0600). */
  | 'ERR_KEYSTORE_MASTER_KEY_PERMISSIONS'
  /** The master key file cannot be read or created (not a file, no permission, disk error). */
  | 'ERR_KEYSTORE_MASTER_KEY_UNREADABLE'
  /** A stored key was encrypted under another master key than the one configured. */
  | 'ERR_KEYSTORE_MASTER_KEY_MISMATCH'
  /** A stored private key fails authentication: altered, truncated, or moved from another row. */
  | 'ERR_KEYSTORE_DECRYPT_FAILED'
  /** The owner has no current key of this algorithm. */
  | 'ERR_KEYSTORE_NO_CURRENT_KEY'
  /** `createKey` when the owner already has a current key of this algorithm. */
  | 'ERR_KEYSTORE_KEY_EXISTS'
  /** Another process rotated the same key at the same moment; nothing changed, try again. */
  | 'ERR_KEYSTORE_CONFLICT';

export class KeyStoreError extends Error {
  override readonly name = 'KeyStoreError';
  readonly code: KeyStoreErrorCode;
  readonly ja: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: KeyStoreErrorCode,
    message: LocalizedMessage,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.ja = message.ja;
    this.details = options.details ?? {};
  }
}

export const isKeyStoreError = (value: unknown): value is KeyStoreError =>
  value instanceof KeyStoreError;
