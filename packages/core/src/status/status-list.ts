/**
 * The bitstring of a W3C Bitstring Status List v1.0 (REC 2025-05-15), uncompressed.
 *
 * Index 0 is the left-most bit: the most significant bit of byte 0 (spec §2.2 `encodedList`,
 * §7.1). A status of `statusSize` bits occupies positions `index × statusSize` to
 * `index × statusSize + statusSize − 1`, read most significant bit first.
 */
import { AkashiError } from '../errors/akashi-error.js';

/** The spec's `minimumNumberOfEntries`: 16 KB uncompressed, 131,072 entries (§3.2). */
export const MIN_STATUS_LIST_LENGTH = 131_072;

/** The decompressed-size cap a list is decoded with unless the caller sets another (16 MiB). */
export const DEFAULT_STATUS_LIST_MAX_BYTES = 16 * 1024 * 1024;

/**
 * The largest `statusSize` Akashi reads. The spec sets no bound, but an entry must list
 * 2^statusSize status messages, so larger sizes are impractical (ssi-status uses the same limit).
 */
export const MAX_STATUS_SIZE = 8;

/** A bitstring of `length` bits (always a multiple of 8), held as bytes. */
export class StatusList {
  /** The uncompressed bitstring. Mutated in place by `setStatus`. */
  readonly bitstring: Uint8Array;

  constructor(bitstring: Uint8Array) {
    if (!(bitstring instanceof Uint8Array)) {
      throw new TypeError('"bitstring" must be a Uint8Array.');
    }
    this.bitstring = bitstring;
  }

  /** The number of bits. */
  get length(): number {
    return this.bitstring.length * 8;
  }
}

export interface CreateStatusListOptions {
  /** Length in bits; a multiple of 8, at least 131,072 (the default). */
  readonly length?: number;
}

/** A new list with every status clear (0). */
export const createStatusList = (options: CreateStatusListOptions = {}): StatusList => {
  const length = options.length ?? MIN_STATUS_LIST_LENGTH;
  if (!Number.isSafeInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
    throw new TypeError(
      `"options.length" must be a multiple of 8 and at least ${MIN_STATUS_LIST_LENGTH}; got ${String(length)}.`,
    );
  }
  if (length > DEFAULT_STATUS_LIST_MAX_BYTES * 8) {
    throw new TypeError(
      `"options.length" must be at most ${DEFAULT_STATUS_LIST_MAX_BYTES * 8} so that verifiers can decode the list; got ${length}.`,
    );
  }
  return new StatusList(new Uint8Array(length / 8));
};

/** Is the bit at `index` set? */
export const getStatus = (list: StatusList, index: number): boolean =>
  getStatusValue(list, index, 1) === 1;

/** Sets (`true`) or clears (`false`) the bit at `index`. */
export const setStatus = (list: StatusList, index: number, value: boolean): void => {
  if (typeof value !== 'boolean') throw new TypeError('"value" must be a boolean.');
  setStatusValue(list, index, 1, value ? 1 : 0);
};

/** The `statusSize`-bit status at `index`, as an unsigned integer (most significant bit first). */
export const getStatusValue = (list: StatusList, index: number, statusSize: number): number => {
  const start = locateStatus(list, index, statusSize);
  let value = 0;
  for (let position = start; position < start + statusSize; position += 1) {
    value = value * 2 + readBit(list.bitstring, position);
  }
  return value;
};

/** Writes a `statusSize`-bit status at `index` (most significant bit first). */
export const setStatusValue = (
  list: StatusList,
  index: number,
  statusSize: number,
  value: number,
): void => {
  const start = locateStatus(list, index, statusSize);
  if (!Number.isSafeInteger(value) || value < 0 || value >= 2 ** statusSize) {
    throw new TypeError(
      `"value" must be an integer from 0 to ${2 ** statusSize - 1}; got ${String(value)}.`,
    );
  }
  for (let offset = statusSize - 1, rest = value; offset >= 0; offset -= 1, rest >>>= 1) {
    writeBit(list.bitstring, start + offset, rest & 1);
  }
};

/** The bit position of the status at `index`, after checking every argument. */
const locateStatus = (list: StatusList, index: number, statusSize: number): number => {
  if (!(list instanceof StatusList)) throw new TypeError('"list" must be a StatusList.');
  if (!Number.isSafeInteger(statusSize) || statusSize < 1 || statusSize > MAX_STATUS_SIZE) {
    throw new TypeError(
      `"statusSize" must be an integer from 1 to ${MAX_STATUS_SIZE}; got ${String(statusSize)}.`,
    );
  }
  if (!Number.isSafeInteger(index)) {
    throw new TypeError(`"index" must be an integer; got ${String(index)}.`);
  }
  const entries = Math.floor(list.length / statusSize);
  if (index < 0 || index >= entries) {
    throw new AkashiError(
      'ERR_STATUS_INDEX_RANGE',
      {
        en: `Status list index ${index} is outside the list (0 to ${entries - 1}).`,
        ja: `ステータスリストのインデックス ${index} がリストの範囲（0〜${entries - 1}）外です。`,
      },
      { details: { index, statusSize, entries } },
    );
  }
  return index * statusSize;
};

// Division rather than `>>> 3`: positions may exceed 2^32 in a caller-built list.
const readBit = (bytes: Uint8Array, position: number): number =>
  ((bytes[Math.floor(position / 8)] ?? 0) >>> (7 - (position % 8))) & 1;

const writeBit = (bytes: Uint8Array, position: number, bit: number): void => {
  const byteIndex = Math.floor(position / 8);
  const mask = 0x80 >>> (position % 8);
  const current = bytes[byteIndex] ?? 0;
  bytes[byteIndex] = bit === 1 ? current | mask : current & ~mask;
};
