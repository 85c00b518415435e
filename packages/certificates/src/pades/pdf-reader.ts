/**
 * Lazy access to an existing PDF for an incremental update: the last `startxref`, the merged
 * cross-reference (classic tables, xref streams, hybrid files, `/Prev` chains), the trailer, and
 * single objects on demand (also inside object streams). Nothing else of the file is parsed, so
 * sealing a large certificate costs about as much as hashing it.
 */
import { inflateSync } from 'node:zlib';
import {
  PdfLexer,
  PdfName,
  PdfRef,
  PdfSyntaxError,
  asInt,
  isWhite,
  type PdfDict,
  type PdfValue,
} from './pdf-syntax.js';

type XrefEntry =
  | { readonly kind: 'offset'; readonly offset: number; readonly gen: number }
  | { readonly kind: 'compressed'; readonly stream: number; readonly index: number }
  | { readonly kind: 'free' };

export interface PdfStream {
  readonly dict: PdfDict;
  /** The raw (still encoded) stream data. */
  readonly data: Uint8Array;
}

/** An opened PDF: its trailer, the style of its last xref section, and object lookup. */
export class PdfFile {
  readonly trailer: PdfDict;
  /** The offset of the last cross-reference section (the `/Prev` of an update). */
  readonly startxref: number;
  /** Whether the last section is a classic table or a cross-reference stream. */
  readonly xrefStyle: 'table' | 'stream';
  private readonly entries = new Map<number, XrefEntry>();
  private readonly objectStreams = new Map<number, { offsets: number[]; body: Uint8Array }>();

  constructor(readonly bytes: Uint8Array) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const at = buf.lastIndexOf('startxref');
    if (at < 0) throw new PdfSyntaxError('no startxref: not a PDF or truncated');
    this.startxref = new PdfLexer(bytes, at + 9).int();
    let trailer: PdfDict | undefined;
    let style: 'table' | 'stream' | undefined;
    const seen = new Set<number>();
    let next: number | undefined = this.startxref;
    while (next !== undefined && !seen.has(next)) {
      seen.add(next);
      const section = this.readSection(next);
      trailer ??= section.trailer;
      style ??= section.style;
      const stm = asInt(section.trailer.get('XRefStm'));
      if (section.style === 'table' && stm !== undefined) this.readSection(stm);
      next = asInt(section.trailer.get('Prev'));
    }
    if (trailer === undefined || style === undefined) throw new PdfSyntaxError('no trailer');
    if (trailer.has('Encrypt')) throw new PdfSyntaxError('encrypted PDFs are not supported');
    this.trailer = trailer;
    this.xrefStyle = style;
  }

  /** The trailer's `/Size`: the first free object number for new objects. */
  get size(): number {
    const size = asInt(this.trailer.get('Size'));
    if (size === undefined) throw new PdfSyntaxError('trailer without /Size');
    return size;
  }

  /** The generation of an existing object (0 for compressed ones). */
  generation(num: number): number {
    const entry = this.entries.get(num);
    return entry?.kind === 'offset' ? entry.gen : 0;
  }

  /** Follows a reference (once); other values are returned as they are. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof PdfRef ? this.object(value.num) : value;
  }

  /** A dictionary value (resolving a reference), or undefined. */
  dict(value: PdfValue | undefined): PdfDict | undefined {
    const v = this.resolve(value);
    return v instanceof Map ? v : undefined;
  }

  /** The value of object `num` (the dictionary for a stream), or undefined if free or missing. */
  object(num: number): PdfValue | undefined {
    const entry = this.entries.get(num);
    if (entry === undefined || entry.kind === 'free') return undefined;
    if (entry.kind === 'offset') return this.readIndirect(entry.offset, num).value;
    const stream = this.objectStream(entry.stream);
    const offset = stream.offsets[entry.index];
    if (offset === undefined)
      throw new PdfSyntaxError(`object ${num} missing in its object stream`);
    return new PdfLexer(stream.body, offset).value();
  }

  private readIndirect(offset: number, num?: number): { value: PdfValue; lexer: PdfLexer } {
    const lexer = new PdfLexer(this.bytes, offset);
    const n = lexer.int();
    lexer.int();
    lexer.expect('obj');
    if (num !== undefined && n !== num)
      throw new PdfSyntaxError(`xref points object ${num} to ${n}`);
    return { value: lexer.value(), lexer };
  }

  /** The stream object `num`, or undefined (streams are never inside object streams). */
  stream(num: number): PdfStream | undefined {
    const entry = this.entries.get(num);
    return entry?.kind === 'offset' ? this.streamAt(entry.offset) : undefined;
  }

  /** Reads the stream object at `offset`. */
  streamAt(offset: number): PdfStream {
    const { value, lexer } = this.readIndirect(offset);
    if (!(value instanceof Map)) throw new PdfSyntaxError(`no stream at ${offset}`);
    lexer.expect('stream');
    let start = lexer.pos;
    if (this.bytes[start] === 0x0d) start++;
    if (this.bytes[start] === 0x0a) start++;
    const length = asInt(this.resolve(value.get('Length')));
    if (length === undefined) throw new PdfSyntaxError(`stream at ${offset} without /Length`);
    return { dict: value, data: this.bytes.subarray(start, start + length) };
  }

  private objectStream(num: number): { offsets: number[]; body: Uint8Array } {
    const cached = this.objectStreams.get(num);
    if (cached) return cached;
    const entry = this.entries.get(num);
    if (entry?.kind !== 'offset') throw new PdfSyntaxError(`object stream ${num} not found`);
    const stream = this.streamAt(entry.offset);
    const body = decodeStream(stream);
    const n = asInt(stream.dict.get('N')) ?? 0;
    const first = asInt(stream.dict.get('First')) ?? 0;
    const lexer = new PdfLexer(body, 0);
    const offsets: number[] = [];
    for (let i = 0; i < n; i++) {
      lexer.int();
      offsets.push(first + lexer.int());
    }
    const result = { offsets, body };
    this.objectStreams.set(num, result);
    return result;
  }

  private setEntry(num: number, entry: XrefEntry): void {
    if (!this.entries.has(num)) this.entries.set(num, entry);
  }

  private readSection(offset: number): { trailer: PdfDict; style: 'table' | 'stream' } {
    const lexer = new PdfLexer(this.bytes, offset);
    lexer.skip();
    const save = lexer.pos;
    if (lexer.word() !== 'xref') {
      lexer.pos = save;
      return { trailer: this.readXrefStream(lexer.pos), style: 'stream' };
    }
    for (;;) {
      const word = lexer.word();
      if (word === 'trailer') break;
      if (!/^\d+$/.test(word)) throw new PdfSyntaxError(`bad xref subsection at ${lexer.pos}`);
      const first = Number(word);
      const count = lexer.int();
      lexer.skip();
      for (let i = 0; i < count; i++) {
        // Entries are 20 bytes, but tolerate a 19-byte variant with a single EOL byte.
        const text = Buffer.from(this.bytes.subarray(lexer.pos, lexer.pos + 18)).toString('latin1');
        const m = /^(\d{10}) (\d{5}) ([nf])/.exec(text);
        if (!m) throw new PdfSyntaxError(`bad xref entry at ${lexer.pos}`);
        const [, off, gen, type] = m as unknown as [string, string, string, string];
        this.setEntry(
          first + i,
          type === 'n'
            ? { kind: 'offset', offset: Number(off), gen: Number(gen) }
            : { kind: 'free' },
        );
        lexer.pos += 18;
        while (isWhite(this.bytes[lexer.pos])) lexer.pos++;
      }
    }
    const trailer = lexer.value();
    if (!(trailer instanceof Map)) throw new PdfSyntaxError('trailer is not a dictionary');
    return { trailer, style: 'table' };
  }

  private readXrefStream(offset: number): PdfDict {
    const stream = this.streamAt(offset);
    const { dict } = stream;
    if (!(dict.get('Type') instanceof PdfName) || (dict.get('Type') as PdfName).name !== 'XRef')
      throw new PdfSyntaxError(`startxref ${offset} points to neither xref table nor stream`);
    const w = intArray(dict.get('W'));
    const size = asInt(dict.get('Size')) ?? 0;
    const index = dict.has('Index') ? intArray(dict.get('Index')) : [0, size];
    const [w0 = 0, w1 = 0, w2 = 0] = w;
    const data = decodeStream(stream);
    const rowLength = w0 + w1 + w2;
    let pos = 0;
    const field = (width: number, fallback: number): number => {
      if (width === 0) return fallback;
      let v = 0;
      for (let i = 0; i < width; i++) v = v * 256 + (data[pos++] ?? 0);
      return v;
    };
    for (let s = 0; s + 1 < index.length; s += 2) {
      const first = index[s] ?? 0;
      const count = index[s + 1] ?? 0;
      for (let i = 0; i < count && pos + rowLength <= data.length; i++) {
        const type = field(w0, 1);
        const a = field(w1, 0);
        const b = field(w2, 0);
        const num = first + i;
        if (type === 1) this.setEntry(num, { kind: 'offset', offset: a, gen: b });
        else if (type === 2) this.setEntry(num, { kind: 'compressed', stream: a, index: b });
        else if (type === 0) this.setEntry(num, { kind: 'free' });
      }
    }
    return dict;
  }
}

function intArray(value: PdfValue | undefined): number[] {
  if (!Array.isArray(value)) throw new PdfSyntaxError('expected an integer array');
  return value.map((v) => {
    const n = asInt(v);
    if (n === undefined) throw new PdfSyntaxError('expected an integer array');
    return n;
  });
}

/** Decodes a stream with no filter or `/FlateDecode` (with an optional PNG predictor). */
export function decodeStream(stream: PdfStream): Uint8Array {
  const filter = stream.dict.get('Filter');
  const name = Array.isArray(filter) && filter.length === 1 ? filter[0] : filter;
  if (name === undefined) return stream.data;
  if (!(name instanceof PdfName) || name.name !== 'FlateDecode')
    throw new PdfSyntaxError('unsupported stream filter in a structural stream');
  const inflated = inflateSync(stream.data);
  let parms = stream.dict.get('DecodeParms');
  if (Array.isArray(parms)) parms = parms[0];
  if (!(parms instanceof Map)) return inflated;
  const predictor = asInt(parms.get('Predictor')) ?? 1;
  if (predictor < 10) {
    if (predictor === 1) return inflated;
    throw new PdfSyntaxError('TIFF predictor not supported');
  }
  return unpredictPng(inflated, asInt(parms.get('Columns')) ?? 1);
}

function unpredictPng(data: Uint8Array, columns: number): Uint8Array {
  const rows = Math.floor(data.length / (columns + 1));
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)];
    const src = r * (columns + 1) + 1;
    const dst = r * columns;
    for (let i = 0; i < columns; i++) {
      const raw = data[src + i] ?? 0;
      const left = i > 0 ? (out[dst + i - 1] ?? 0) : 0;
      const up = r > 0 ? (out[dst - columns + i] ?? 0) : 0;
      const upLeft = r > 0 && i > 0 ? (out[dst - columns + i - 1] ?? 0) : 0;
      let v = raw;
      if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + Math.floor((left + up) / 2);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}
