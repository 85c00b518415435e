/**
 * Appends a signature (or document time-stamp) as an incremental update: an invisible signature
 * field whose widget sits on the first page, listed in the AcroForm (`/SigFlags 3`), and a
 * signature dictionary with a fixed-width `/ByteRange` and a zeroed `/Contents` placeholder. The
 * caller hashes the byte ranges, builds the CMS, and fills the placeholder in place.
 */
import { createHash } from 'node:crypto';
import type { PdfFile } from './pdf-reader.js';
import {
  PdfName,
  PdfRaw,
  PdfRef,
  PdfSyntaxError,
  num,
  serialize,
  textString,
  type PdfDict,
  type PdfValue,
} from './pdf-syntax.js';
import { PdfUpdate } from './pdf-update.js';

export interface SignatureSlot {
  /** The whole file, `/Contents` still zero. */
  readonly bytes: Uint8Array;
  readonly byteRange: readonly [number, number, number, number];
  /** Offset of the first hex digit of `/Contents`, and the room in bytes (hex digits / 2). */
  readonly contentsStart: number;
  readonly contentsCapacity: number;
}

const BYTE_RANGE_WIDTH = 40;

/** The catalog's reference and a mutable copy of it. */
export function catalogOf(file: PdfFile): { ref: PdfRef; dict: PdfDict } {
  const ref = file.trailer.get('Root');
  const dict = file.dict(ref);
  if (!(ref instanceof PdfRef) || !dict) throw new PdfSyntaxError('no document catalog');
  return { ref, dict: new Map(dict) };
}

function firstPage(file: PdfFile, catalog: PdfDict): { ref: PdfRef; dict: PdfDict } {
  let node: PdfValue | undefined = catalog.get('Pages');
  for (let depth = 0; depth < 64 && node instanceof PdfRef; depth++) {
    const dict = file.dict(node);
    if (!dict) break;
    const kids = dict.get('Kids');
    const kidArray = file.resolve(kids);
    if (!Array.isArray(kidArray)) return { ref: node, dict: new Map(dict) };
    node = kidArray[0];
  }
  throw new PdfSyntaxError('the document has no page');
}

/** Appends `ref` to the array at `key` of `dict` (inline, referenced, or new). */
function appendToArray(update: PdfUpdate, dict: PdfDict, key: string, ref: PdfRef): void {
  const current = dict.get(key);
  if (current instanceof PdfRef) {
    const array = update.file.resolve(current);
    const values = Array.isArray(array) ? [...array, ref] : [ref];
    update.put(current.num, serialize(values));
  } else dict.set(key, Array.isArray(current) ? [...current, ref] : [ref]);
}

function fieldName(file: PdfFile, fields: PdfValue | undefined, prefix: string): string {
  const names = new Set<string>();
  const list = file.resolve(fields);
  if (Array.isArray(list))
    for (const field of list) {
      const t = file.dict(field)?.get('T');
      if (t instanceof PdfRaw) names.add(t.text);
    }
  for (let i = 1; ; i++) {
    const name = `${prefix}${i}`;
    if (!names.has(textString(name).text)) return name;
  }
}

/**
 * Appends a signature field whose value is a dictionary with `entries` plus `/ByteRange` and a
 * `/Contents` placeholder of `capacity` bytes.
 */
export function appendSignatureField(
  file: PdfFile,
  entries: PdfDict,
  capacity: number,
  fieldPrefix = 'Signature',
): SignatureSlot {
  const update = new PdfUpdate(file);
  const catalog = catalogOf(file);
  const page = firstPage(file, catalog.dict);
  const sigNum = update.allocate();
  const fieldRef = new PdfRef(update.allocate(), 0);

  let acroform: PdfDict;
  let acroRef: PdfRef | undefined;
  const acroValue = catalog.dict.get('AcroForm');
  if (acroValue instanceof PdfRef) {
    acroform = new Map(file.dict(acroValue));
    acroRef = acroValue;
  } else if (acroValue instanceof Map) acroform = new Map(acroValue);
  else {
    acroform = new Map();
    acroRef = new PdfRef(update.allocate(), 0);
    catalog.dict.set('AcroForm', acroRef);
  }
  const name = fieldName(file, acroform.get('Fields'), fieldPrefix);
  appendToArray(update, acroform, 'Fields', fieldRef);
  acroform.set('SigFlags', num(3));
  if (acroRef) update.put(acroRef.num, serialize(acroform));
  else catalog.dict.set('AcroForm', acroform);
  if (!(acroValue instanceof PdfRef)) update.put(catalog.ref.num, serialize(catalog.dict));

  const annotsIsRef = page.dict.get('Annots') instanceof PdfRef;
  appendToArray(update, page.dict, 'Annots', fieldRef);
  if (!annotsIsRef) update.put(page.ref.num, serialize(page.dict));

  const widget: PdfDict = new Map<string, PdfValue>([
    ['Type', new PdfName('Annot')],
    ['Subtype', new PdfName('Widget')],
    ['FT', new PdfName('Sig')],
    ['T', textString(name)],
    ['V', new PdfRef(sigNum, 0)],
    ['F', num(132)],
    ['Rect', [num(0), num(0), num(0), num(0)]],
    ['P', page.ref],
  ]);
  update.put(fieldRef.num, serialize(widget));

  const head = `${serialize(entries).slice(0, -2)}/ByteRange [`;
  const middle = `${' '.repeat(BYTE_RANGE_WIDTH)}]/Contents <`;
  update.put(sigNum, head, middle, '0'.repeat(capacity * 2), '>>>');
  const written = update.write();
  const sigOffset = written.offsets.get(sigNum);
  if (sigOffset === undefined) throw new Error('signature object not written');
  const objectHeader = `${sigNum} 0 obj\n`.length;
  const rangeStart = sigOffset + objectHeader + head.length;
  const lt = rangeStart + middle.length - 1;
  const gt = lt + 1 + capacity * 2;
  const bytes = written.bytes;
  const byteRange = [0, lt, gt + 1, bytes.length - gt - 1] as const;
  const text = `0 ${byteRange[1]} ${byteRange[2]} ${byteRange[3]}`.padEnd(BYTE_RANGE_WIDTH, ' ');
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).write(text, rangeStart, 'latin1');
  return { bytes, byteRange, contentsStart: lt + 1, contentsCapacity: capacity };
}

/** SHA-256 over the two byte ranges. */
export function byteRangeDigest(slot: SignatureSlot): Uint8Array {
  const [a, b, c, d] = slot.byteRange;
  return createHash('sha256')
    .update(slot.bytes.subarray(a, a + b))
    .update(slot.bytes.subarray(c, c + d))
    .digest();
}

/** Writes `der` as hex into the placeholder (zero-padded) and returns the finished file. */
export function fillContents(slot: SignatureSlot, der: Uint8Array): Uint8Array {
  if (der.length > slot.contentsCapacity)
    throw new Error(
      `signature needs ${der.length} bytes but only ${slot.contentsCapacity} were reserved`,
    );
  const { bytes } = slot;
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).write(
    Buffer.from(der).toString('hex'),
    slot.contentsStart,
    'latin1',
  );
  return bytes;
}
