import { gunzipSync } from 'node:zlib';
import { AkashiError, type AkashiErrorCode } from '../errors/akashi-error.js';
import {
  DEFAULT_STATUS_LIST_MAX_BYTES,
  MAX_STATUS_SIZE,
  MIN_STATUS_LIST_LENGTH,
  StatusList,
} from './status-list.js';

export interface DecodeStatusListOptions {
  /**
   * The most bytes the decompressed bitstring may hold (default 16 MiB = 2^27 entries). Larger
   * lists are refused with `ERR_STATUS_LIST_TOO_LARGE` without being inflated in full, so a
   * decompression bomb costs at most this much memory (w3c/vc-bitstring-status-list#208).
   */
  readonly maxBytes?: number;
  /** Bits per status (default 1). The list must hold at least 131,072 statuses of this size. */
  readonly statusSize?: number;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Expands an `encodedList` (Bitstring Expansion Algorithm, §3.4): multibase `u` prefix, strict
 * base64url without padding, then GZIP.
 *
 * @throws AkashiError `ERR_STATUS_LIST_MULTIBASE` (not a `u` multibase string),
 *   `ERR_STATUS_LIST_BASE64URL` (not canonical unpadded base64url), `ERR_STATUS_LIST_GZIP` (not
 *   GZIP data, or corrupt), `ERR_STATUS_LIST_TOO_LARGE` (over `maxBytes`), `ERR_STATUS_LIST_LENGTH`
 *   (fewer than 131,072 statuses: the spec's STATUS_LIST_LENGTH_ERROR).
 */
export const decodeStatusList = (
  encoded: string,
  options: DecodeStatusListOptions = {},
): StatusList => {
  if (typeof encoded !== 'string') throw new TypeError('"encoded" must be a string.');
  const maxBytes = options.maxBytes ?? DEFAULT_STATUS_LIST_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new TypeError(`"options.maxBytes" must be a positive integer; got ${String(maxBytes)}.`);
  }
  const statusSize = options.statusSize ?? 1;
  if (!Number.isSafeInteger(statusSize) || statusSize < 1 || statusSize > MAX_STATUS_SIZE) {
    throw new TypeError(
      `"options.statusSize" must be an integer from 1 to ${MAX_STATUS_SIZE}; got ${String(statusSize)}.`,
    );
  }

  if (!encoded.startsWith('u')) {
    throw fail('ERR_STATUS_LIST_MULTIBASE', {
      en: 'The encoded status list must be multibase base64url: it must start with "u".',
      ja: 'エンコードされたステータスリストは multibase base64url（先頭が "u"）でなければなりません。',
    });
  }
  const body = encoded.slice(1);
  // GZIP never grows data by more than a few bytes per 64 KiB block; anything longer than an
  // incompressible list of maxBytes is refused before it is even base64-decoded.
  const maxCompressed = maxBytes + Math.ceil(maxBytes / 1024) + 4096;
  if (body.length > Math.ceil((maxCompressed * 4) / 3)) {
    throw tooLarge(maxBytes);
  }
  const compressed = BASE64URL.test(body) ? Buffer.from(body, 'base64url') : undefined;
  // Re-encoding must give the input back: this refuses padding, a stray length and non-zero
  // trailing bits, which Buffer.from would silently accept.
  if (compressed === undefined || compressed.toString('base64url') !== body) {
    throw fail('ERR_STATUS_LIST_BASE64URL', {
      en: 'The encoded status list is not valid base64url without padding.',
      ja: 'エンコードされたステータスリストが、パディングなしの正しい base64url ではありません。',
    });
  }
  if (compressed[0] !== 0x1f || compressed[1] !== 0x8b || compressed[2] !== 0x08) {
    throw notGzip(undefined);
  }

  let bitstring: Buffer;
  try {
    bitstring = gunzipSync(compressed, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError && hasCode(error, 'ERR_BUFFER_TOO_LARGE')) {
      throw tooLarge(maxBytes, error);
    }
    throw notGzip(error);
  }

  const entries = Math.floor((bitstring.length * 8) / statusSize);
  if (entries < MIN_STATUS_LIST_LENGTH) {
    throw fail(
      'ERR_STATUS_LIST_LENGTH',
      {
        en: `The status list holds ${entries} entries; at least ${MIN_STATUS_LIST_LENGTH} are required (STATUS_LIST_LENGTH_ERROR).`,
        ja: `ステータスリストのエントリ数が ${entries} です。${MIN_STATUS_LIST_LENGTH} 以上が必要です（STATUS_LIST_LENGTH_ERROR）。`,
      },
      { details: { entries, statusSize, minimum: MIN_STATUS_LIST_LENGTH } },
    );
  }
  return new StatusList(
    new Uint8Array(bitstring.buffer, bitstring.byteOffset, bitstring.byteLength),
  );
};

const fail = (
  code: AkashiErrorCode,
  message: { en: string; ja: string },
  options: { details?: Record<string, unknown>; cause?: unknown } = {},
): AkashiError => new AkashiError(code, message, options);

const tooLarge = (maxBytes: number, cause?: unknown): AkashiError =>
  fail(
    'ERR_STATUS_LIST_TOO_LARGE',
    {
      en: `The status list decompresses to more than ${maxBytes} bytes, the limit; it was refused.`,
      ja: `ステータスリストの展開後のサイズが上限の ${maxBytes} バイトを超えるため、拒否しました。`,
    },
    { details: { maxBytes }, cause },
  );

const notGzip = (cause: unknown): AkashiError =>
  fail(
    'ERR_STATUS_LIST_GZIP',
    {
      en: 'The encoded status list is not valid GZIP data.',
      ja: 'エンコードされたステータスリストが正しい GZIP データではありません。',
    },
    { cause },
  );

const hasCode = (error: Error, code: string): boolean => 'code' in error && error.code === code;
