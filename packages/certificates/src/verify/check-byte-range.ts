/**
 * The `byte-range` check: a signature's `/ByteRange [0 b c d]` must start at 0, leave out
 * exactly its own `/Contents` hex string (the gap `b..c` is `<…>` right after the `/Contents`
 * key, and its hex decodes to the dictionary's value) and end at the end of a revision.
 */
import type { CertificateCheck, RevisionInfo } from './certificate-report.js';
import { makeCertificateCheck } from './certificate-report.js';
import type { FoundSignature } from './pdf-structure.js';
import { revisionAt } from './pdf-structure.js';

export interface ByteRangeResult {
  readonly check: CertificateCheck;
  /** The two signed chunks, when the numbers are within the file. */
  readonly chunks?: readonly [Uint8Array, Uint8Array];
  /** The revision the range ends with (0 when none). */
  readonly revision: number;
}

const isHexDigit = (byte: number | undefined): boolean =>
  byte !== undefined &&
  ((byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x46) ||
    (byte >= 0x61 && byte <= 0x66));

const isWhite = (byte: number | undefined): boolean =>
  byte === 0x20 ||
  byte === 0x0a ||
  byte === 0x0d ||
  byte === 0x09 ||
  byte === 0x0c ||
  byte === 0x00;

/** Why the gap `b..c` is not exactly this signature's /Contents, or undefined when it is. */
const gapProblem = (bytes: Uint8Array, b: number, c: number, contents: Uint8Array) => {
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) return 'the gap is not a <hex> string';
  for (let i = b + 1; i < c - 1; i += 1) {
    if (!isHexDigit(bytes[i])) return `a non-hex byte at offset ${i} inside the gap`;
  }
  let key = b;
  while (key > 0 && isWhite(bytes[key - 1])) key -= 1;
  const before = Buffer.from(bytes.subarray(Math.max(0, key - 9), key)).toString('latin1');
  if (before !== '/Contents') return 'the gap does not follow a /Contents key';
  const hex = Buffer.from(bytes.subarray(b + 1, c - 1)).toString('latin1');
  const decoded = Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex');
  if (!decoded.equals(Buffer.from(contents))) {
    return 'the gap holds another /Contents than this signature dictionary';
  }
  return undefined;
};

export const checkByteRange = (
  bytes: Uint8Array,
  signature: FoundSignature,
  revisions: readonly RevisionInfo[],
): ByteRangeResult => {
  const field = { signature: signature.field };
  const range = signature.byteRange;
  const malformed = (reason: string): ByteRangeResult => ({
    check: makeCertificateCheck(
      'byte-range',
      'failed',
      'ERR_BYTE_RANGE_MALFORMED',
      { reason },
      field,
    ),
    revision: 0,
  });
  if (range === undefined) return malformed('it is not an array of four integers');
  const [a = 0, b = 0, c = 0, d = 0] = range;
  if (a !== 0) return malformed(`it starts at ${a}, not at 0`);
  if (b <= 0 || d < 0 || c <= b || c + d > bytes.length) {
    return malformed(`[${range.join(' ')}] does not fit a file of ${bytes.length} bytes`);
  }
  const chunks = [bytes.subarray(0, b), bytes.subarray(c, c + d)] as const;
  const details = { byteRange: range, fileLength: bytes.length };
  const problem = gapProblem(bytes, b, c, signature.contents);
  if (problem !== undefined) {
    return {
      check: makeCertificateCheck(
        'byte-range',
        'failed',
        'ERR_BYTE_RANGE_GAP',
        { reason: problem },
        {
          ...field,
          details,
        },
      ),
      chunks,
      revision: 0,
    };
  }
  const revision = revisionAt(revisions, bytes, c + d);
  if (revision === undefined) {
    return {
      check: makeCertificateCheck(
        'byte-range',
        'failed',
        'ERR_BYTE_RANGE_NOT_REVISION',
        { end: c + d },
        {
          ...field,
          details,
        },
      ),
      chunks,
      revision: 0,
    };
  }
  const last = revisions[revisions.length - 1];
  const whole = last !== undefined && revision.index === last.index;
  const check = whole
    ? makeCertificateCheck('byte-range', 'passed', 'BYTE_RANGE_OK', {}, { ...field, details })
    : makeCertificateCheck(
        'byte-range',
        'passed',
        'BYTE_RANGE_OK_REVISION',
        { revision: revision.index, revisions: revisions.length },
        { ...field, details },
      );
  return { check, chunks, revision: revision.index };
};
