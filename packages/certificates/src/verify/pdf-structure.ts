/**
 * Reading the structure a signature check needs from a PDF: its revisions (every
 * `startxref … %%EOF` trailer, so incremental updates are listed), its object table through
 * pdf-lib's low-level parser, and every signature or document time-stamp dictionary with a
 * `/ByteRange` and `/Contents`, together with the field that holds it.
 */
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFParser,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import type { RevisionInfo } from './certificate-report.js';

export interface FoundSignature {
  readonly ref: PDFRef;
  readonly field: string;
  readonly kind: 'signature' | 'document-timestamp';
  readonly subFilter?: string;
  /** The raw `/ByteRange` entries; undefined when not four numbers. */
  readonly byteRange: readonly number[] | undefined;
  readonly contents: Uint8Array;
  readonly claimedSigningTime?: string;
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** Every revision: a `startxref <n> %%EOF` trailer, in file order. */
export const findRevisions = (bytes: Uint8Array): RevisionInfo[] => {
  const text = latin1(bytes);
  const revisions: RevisionInfo[] = [];
  for (const match of text.matchAll(
    /startxref[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+%%EOF(\r\n|\r|\n)?/g,
  )) {
    const end = match.index + match[0].length;
    revisions.push({ index: revisions.length + 1, end, startxref: Number(match[1]) });
  }
  return revisions;
};

/** The offsets that count as "the end of revision n": just past `%%EOF`, or past its EOL. */
export const revisionAt = (revisions: readonly RevisionInfo[], bytes: Uint8Array, end: number) =>
  revisions.find((revision) => {
    if (revision.end === end) return true;
    let cut = revision.end;
    while (cut > end && (bytes[cut - 1] === 0x0a || bytes[cut - 1] === 0x0d)) cut -= 1;
    return cut === end;
  });

export const parsePdf = async (bytes: Uint8Array): Promise<PDFContext> =>
  PDFParser.forBytesWithOptions(bytes, Number.MAX_SAFE_INTEGER, false).parseDocument();

export const nameOf = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFName ? value.decodeText() : undefined;

export const textOf = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

/** Follows a reference (once is enough for well-formed files; a chain of refs is followed too). */
export const resolve = (
  context: PDFContext,
  value: PDFObject | undefined,
): PDFObject | undefined => {
  let current = value;
  for (let hops = 0; current instanceof PDFRef && hops < 8; hops += 1) {
    current = context.lookup(current);
  }
  return current;
};

const numbersOf = (value: PDFObject | undefined): number[] | undefined => {
  if (!(value instanceof PDFArray) || value.size() !== 4) return undefined;
  const numbers = value
    .asArray()
    .map((item) => (item instanceof PDFNumber ? item.asNumber() : NaN));
  return numbers.every((n) => Number.isSafeInteger(n)) ? numbers : undefined;
};

/** Field names by the reference of the signature value they point to. */
const fieldNames = (context: PDFContext): Map<string, string> => {
  const names = new Map<string, string>();
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const value = object.get(PDFName.of('V'));
    if (nameOf(object.get(PDFName.of('FT'))) !== 'Sig' || !(value instanceof PDFRef)) continue;
    const title = textOf(resolve(context, object.get(PDFName.of('T'))));
    if (title !== undefined) names.set(value.toString(), title);
  }
  return names;
};

/** Every signature / document time-stamp dictionary (indirect objects with ByteRange + Contents). */
export const findSignatures = (context: PDFContext): FoundSignature[] => {
  const names = fieldNames(context);
  const found: FoundSignature[] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const contents = object.get(PDFName.of('Contents'));
    const rawRange = object.get(PDFName.of('ByteRange'));
    if (rawRange === undefined) continue;
    if (!(contents instanceof PDFHexString || contents instanceof PDFString)) continue;
    const type = nameOf(object.get(PDFName.of('Type')));
    const subFilter = nameOf(object.get(PDFName.of('SubFilter')));
    const documentTimestamp = type === 'DocTimeStamp' || subFilter === 'ETSI.RFC3161';
    const claimed = textOf(object.get(PDFName.of('M')));
    found.push({
      ref,
      field: names.get(ref.toString()) ?? `#${ref.objectNumber}`,
      kind: documentTimestamp ? 'document-timestamp' : 'signature',
      ...(subFilter === undefined ? {} : { subFilter }),
      byteRange: numbersOf(resolve(context, rawRange)),
      contents: contents.asBytes(),
      ...(claimed === undefined ? {} : { claimedSigningTime: claimed }),
    });
  }
  const endOf = (signature: FoundSignature) =>
    signature.byteRange === undefined
      ? 0
      : (signature.byteRange[2] ?? 0) + (signature.byteRange[3] ?? 0);
  return found.sort((a, b) => endOf(a) - endOf(b));
};

/** How many `/ByteRange` keys the raw bytes hold (to notice signatures the object table lost). */
export const countRawByteRanges = (bytes: Uint8Array): number =>
  latin1(bytes).split('/ByteRange').length - 1;

/** Converts a PDF date (`D:20250401093000+09'00'`) to ISO 8601, or returns it unchanged. */
export const pdfDateToIso = (value: string): string => {
  const match =
    /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?$/.exec(
      value.trim(),
    );
  if (match === null) return value;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] =
    match;
  const zone = sign === undefined || sign === 'Z' || sign === 'z' ? 'Z' : `${sign}${oh}:${om}`;
  const date = new Date(`${y ?? ''}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};
