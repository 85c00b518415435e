/**
 * Writes an incremental update (ISO 32000 §7.5.6): new and rewritten objects appended after the
 * untouched original bytes, then a cross-reference section in the style of the file's last one
 * (a classic table or an uncompressed xref stream) whose trailer points back with `/Prev`.
 */
import type { PdfFile } from './pdf-reader.js';
import { PdfName, PdfRaw, num as pdfNum, serialize, type PdfDict } from './pdf-syntax.js';

export type Chunk = string | Uint8Array;

export interface WrittenUpdate {
  readonly bytes: Uint8Array;
  /** Where each written object starts (`N G obj`) in `bytes`. */
  readonly offsets: ReadonlyMap<number, number>;
}

const toBytes = (chunk: Chunk): Uint8Array =>
  typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;

/** Collects the objects of one incremental update. */
export class PdfUpdate {
  private nextNum: number;
  private readonly objects = new Map<number, { gen: number; body: Chunk[] }>();

  constructor(readonly file: PdfFile) {
    this.nextNum = file.size;
  }

  /** A fresh object number. */
  allocate(): number {
    return this.nextNum++;
  }

  /** Adds a new object, or a new version of an existing one (keeping its generation). */
  put(num: number, ...body: Chunk[]): void {
    this.objects.set(num, { gen: this.file.generation(num), body });
  }

  /** Adds a stream object with the given dictionary entries (besides /Length). */
  putStream(num: number, dict: PdfDict, data: Uint8Array): void {
    const d: PdfDict = new Map(dict);
    d.set('Length', pdfNum(data.length));
    this.put(num, serialize(d), '\nstream\n', data, '\nendstream');
  }

  /** The original bytes followed by the update. */
  write(): WrittenUpdate {
    const original = this.file.bytes;
    const chunks: Uint8Array[] = [original];
    let length = original.length;
    const push = (chunk: Chunk): void => {
      const bytes = toBytes(chunk);
      chunks.push(bytes);
      length += bytes.length;
    };
    const last = original[original.length - 1];
    if (last !== 0x0a && last !== 0x0d) push('\n');
    const offsets = new Map<number, number>();
    const gens = new Map<number, number>();
    const nums = [...this.objects.keys()].sort((a, b) => a - b);
    for (const n of nums) {
      const object = this.objects.get(n);
      if (!object) continue;
      offsets.set(n, length);
      gens.set(n, object.gen);
      push(`${n} ${object.gen} obj\n`);
      for (const chunk of object.body) push(chunk);
      push('\nendobj\n');
    }
    const trailer: PdfDict = new Map();
    for (const key of ['Root', 'Info', 'ID']) {
      const value = this.file.trailer.get(key);
      if (value !== undefined) trailer.set(key, value);
    }
    const xrefOffset = length;
    if (this.file.xrefStyle === 'table') {
      trailer.set('Size', pdfNum(Math.max(this.nextNum, this.file.size)));
      trailer.set('Prev', pdfNum(this.file.startxref));
      let table = 'xref\n';
      for (const [first, run] of runs(nums)) {
        table += `${first} ${run.length}\n`;
        for (const n of run) {
          const off = String(offsets.get(n)).padStart(10, '0');
          const gen = String(gens.get(n)).padStart(5, '0');
          table += `${off} ${gen} n\r\n`;
        }
      }
      push(`${table}trailer\n${serialize(trailer)}\n`);
    } else {
      const self = this.allocate();
      offsets.set(self, xrefOffset);
      gens.set(self, 0);
      const all = [...nums, self].sort((a, b) => a - b);
      const rows = Buffer.alloc(all.length * 7);
      const index: PdfRaw[] = [];
      let row = 0;
      for (const [first, run] of runs(all)) {
        index.push(pdfNum(first), pdfNum(run.length));
        for (const n of run) {
          rows.writeUInt8(1, row * 7);
          rows.writeUInt32BE(offsets.get(n) ?? 0, row * 7 + 1);
          rows.writeUInt16BE(gens.get(n) ?? 0, row * 7 + 5);
          row++;
        }
      }
      const dict: PdfDict = new Map();
      dict.set('Type', new PdfName('XRef'));
      dict.set('Size', pdfNum(this.nextNum));
      dict.set('Index', index);
      dict.set('W', [pdfNum(1), pdfNum(4), pdfNum(2)]);
      dict.set('Prev', pdfNum(this.file.startxref));
      dict.set('Length', pdfNum(rows.length));
      for (const [k, v] of trailer) dict.set(k, v);
      push(`${self} 0 obj\n${serialize(dict)}\nstream\n`);
      push(rows);
      push('\nendstream\nendobj\n');
    }
    push(`startxref\n${xrefOffset}\n%%EOF\n`);
    return { bytes: Buffer.concat(chunks, length), offsets };
  }
}

/** Groups sorted object numbers into consecutive runs. */
function runs(nums: readonly number[]): [number, number[]][] {
  const out: [number, number[]][] = [];
  for (const n of nums) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1].length === n) last[1].push(n);
    else out.push([n, [n]]);
  }
  return out;
}
