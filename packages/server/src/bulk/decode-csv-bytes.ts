/**
 * Turns the bytes of an uploaded CSV into text, finding the encoding the way JAPAN.md JP-2.1
 * prescribes, with no statistical guessing:
 *
 * 1. a byte order mark: UTF-8 (Excel's "CSV UTF-8"), UTF-16LE or UTF-16BE (Excel's "Unicode
 *    text", tab-separated);
 * 2. otherwise strict UTF-8;
 * 3. otherwise strict Shift_JIS, which WHATWG (and Node's `TextDecoder`) decode with the
 *    Windows-31J / CP932 table that Excel writes: NEC row 13 (①, ㈱, №), the NEC-selected and
 *    IBM extensions (髙, 﨑, 塚 U+FA10), 0x8160 as U+FF5E ～, 0x817C as U+FF0D －;
 * 4. otherwise the file is refused, naming the first byte that cannot be read.
 *
 * The text is returned exactly as decoded, the BOM removed: never normalised (JAPAN.md JP-1.1).
 */
import { ServerError } from '../http/server-error.js';

/** The encoding a file was read in. `shift_jis` is CP932 (Windows-31J), as Excel writes it. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'shift_jis';

export interface DecodeCsvBytesResult {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

interface Attempt {
  readonly encoding: CsvEncoding;
  /** The WHATWG label for `TextDecoder`. */
  readonly label: string;
  /** How the encoding is named in the error message. */
  readonly title: string;
  readonly bomLength: number;
}

const UTF8: Attempt = { encoding: 'utf-8', label: 'utf-8', title: 'UTF-8', bomLength: 0 };
const SHIFT_JIS: Attempt = {
  encoding: 'shift_jis',
  label: 'shift_jis',
  title: 'Shift_JIS (CP932)',
  bomLength: 0,
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

/** The encoding a byte order mark announces, if the bytes start with one. */
const readByteOrderMark = (bytes: Uint8Array): Attempt | undefined => {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { encoding: 'utf-8-bom', label: 'utf-8', title: 'UTF-8', bomLength: 3 };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { encoding: 'utf-16le-bom', label: 'utf-16le', title: 'UTF-16LE', bomLength: 2 };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { encoding: 'utf-16be-bom', label: 'utf-16be', title: 'UTF-16BE', bomLength: 2 };
  }
  return undefined;
};

/** The decoded text, or undefined when the bytes are not valid in the encoding. */
const tryDecode = (bytes: Uint8Array, label: string): string | undefined => {
  try {
    // ignoreBOM: the BOM has been sliced off already; a second one would be content.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

const decodesAsPrefix = (bytes: Uint8Array, label: string, length: number): boolean => {
  try {
    // `stream: true` tolerates a sequence cut at the end, so validity only shrinks as the
    // prefix grows: a binary search finds the first byte that cannot be read.
    new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), {
      stream: true,
    });
    return true;
  } catch {
    return false;
  }
};

/** The offset of the first byte that makes `bytes` invalid in the encoding (bytes known bad). */
const findInvalidOffset = (bytes: Uint8Array, label: string): number => {
  if (decodesAsPrefix(bytes, label, bytes.length)) {
    // Only the end is wrong: a character cut short. Point at where it starts.
    let start = bytes.length - 1;
    const isContinuation = (byte: number | undefined) =>
      byte !== undefined && byte >= 0x80 && byte <= 0xbf;
    if (label === 'utf-8') while (start > 0 && isContinuation(bytes[start])) start -= 1;
    if (label.startsWith('utf-16')) start = bytes.length - (bytes.length % 2 === 0 ? 2 : 1);
    return Math.max(start, 0);
  }
  let low = 0; // decodes
  let high = bytes.length; // does not
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (decodesAsPrefix(bytes, label, middle)) low = middle;
    else high = middle;
  }
  return high - 1;
};

/** The 1-based line of a byte offset, counting LF (one code unit wide in UTF-16). */
const lineOfOffset = (bytes: Uint8Array, offset: number, label: string): number => {
  let line = 1;
  const step = label.startsWith('utf-16') ? 2 : 1;
  const low = label === 'utf-16le' ? 0 : step - 1; // the byte that holds 0x0A
  for (let index = 0; index + step <= offset; index += step) {
    const isLineFeed = step === 1 ? bytes[index] === 0x0a : bytes[index + low] === 0x0a;
    const highByte = step === 1 ? 0 : bytes[index + 1 - low];
    if (isLineFeed && highByte === 0) line += 1;
  }
  return line;
};

const refuse = (bytes: Uint8Array, attempt: Attempt, offset: number): ServerError => {
  const absolute = offset + attempt.bomLength;
  return new ServerError('ERR_BULK_ENCODING_UNKNOWN', {
    params: {
      encoding: attempt.title,
      offset: absolute,
      line: lineOfOffset(bytes, absolute, attempt.label),
    },
  });
};

/**
 * The text of a CSV file and the encoding it was read in. Throws a `ServerError`
 * `ERR_BULK_ENCODING_UNKNOWN` (offset and line of the first unreadable byte) when the bytes are
 * invalid in the encoding their BOM announces, or in both UTF-8 and Shift_JIS; and also when
 * the text holds a NUL character, which no CSV has (a UTF-16 file without its BOM does).
 */
export const decodeCsvBytes = (bytes: Uint8Array): DecodeCsvBytesResult => {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('decodeCsvBytes: bytes must be bytes');
  const announced = readByteOrderMark(bytes);
  const attempts = announced === undefined ? [UTF8, SHIFT_JIS] : [announced];
  const failures: { attempt: Attempt; offset: number }[] = [];
  for (const attempt of attempts) {
    const body = bytes.subarray(attempt.bomLength);
    const text = tryDecode(body, attempt.label);
    if (text === undefined) {
      failures.push({ attempt, offset: findInvalidOffset(body, attempt.label) });
      continue;
    }
    const nul = text.indexOf('\u0000');
    if (nul !== -1) {
      // In UTF-8 and Shift_JIS a 0x00 byte is always the NUL character itself.
      throw refuse(bytes, attempt, attempt.label.startsWith('utf-16') ? nul * 2 : body.indexOf(0));
    }
    return { text, encoding: attempt.encoding };
  }
  // Name the reading that went furthest: it is the likelier intended encoding.
  const furthest = failures.reduce((best, failure) =>
    failure.offset > best.offset ? failure : best,
  );
  throw refuse(bytes, furthest.attempt, furthest.offset);
};
