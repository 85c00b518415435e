/**
 * A minimal PDF object syntax (ISO 32000 §7.3) for incremental updates: a lexer/parser over the
 * raw bytes and a serializer. Only what sealing needs to read and rewrite a few dictionaries:
 * strings and numbers are kept as their source text (latin1) so that rewriting an object never
 * re-encodes a value it did not change.
 */

export class PdfName {
  /** The name without its slash, `#xx` escapes kept as written. */
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A number, boolean, null or string, kept as its source text. */
export class PdfRaw {
  constructor(readonly text: string) {}
}

export type PdfDict = Map<string, PdfValue>;
export type PdfValue = PdfName | PdfRef | PdfRaw | PdfDict | PdfValue[];

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export const isWhite = (c: number | undefined): boolean => c !== undefined && WS.has(c);
const isRegular = (c: number | undefined): c is number =>
  c !== undefined && !WS.has(c) && !DELIM.has(c);
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

export const latin1 = (bytes: Uint8Array, start: number, end: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');

export class PdfSyntaxError extends Error {
  override readonly name = 'PdfSyntaxError';
}

/** A cursor over PDF bytes that reads tokens and objects. */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  /** Skips white space and comments. */
  skip(): void {
    const b = this.bytes;
    for (;;) {
      const c = b[this.pos];
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else return;
    }
  }

  /** Reads a run of regular characters (a keyword or a number) after white space. */
  word(): string {
    this.skip();
    const start = this.pos;
    while (isRegular(this.bytes[this.pos])) this.pos++;
    return latin1(this.bytes, start, this.pos);
  }

  /** Reads a non-negative integer, or throws. */
  int(): number {
    const w = this.word();
    if (!/^\d+$/.test(w))
      throw new PdfSyntaxError(`expected an integer at ${this.pos}, got "${w}"`);
    return Number(w);
  }

  expect(keyword: string): void {
    const w = this.word();
    if (w !== keyword) throw new PdfSyntaxError(`expected "${keyword}" at ${this.pos}, got "${w}"`);
  }

  /** Reads one object; `N G R` becomes a {@link PdfRef}. */
  value(): PdfValue {
    this.skip();
    const b = this.bytes;
    const c = b[this.pos];
    const start = this.pos;
    if (c === undefined) throw new PdfSyntaxError('unexpected end of file');
    if (c === 0x2f) {
      this.pos++;
      while (isRegular(b[this.pos])) this.pos++;
      return new PdfName(latin1(b, start + 1, this.pos));
    }
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return dict;
        }
        const key = this.value();
        if (!(key instanceof PdfName))
          throw new PdfSyntaxError(`dictionary key expected at ${this.pos}`);
        dict.set(key.name, this.value());
      }
    }
    if (c === 0x5b) {
      this.pos++;
      const array: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return array;
        }
        array.push(this.value());
      }
    }
    if (c === 0x3c) {
      const end = b.indexOf(0x3e, this.pos);
      if (end < 0) throw new PdfSyntaxError('unterminated hex string');
      this.pos = end + 1;
      return new PdfRaw(latin1(b, start, this.pos));
    }
    if (c === 0x28) {
      this.literalString();
      return new PdfRaw(latin1(b, start, this.pos));
    }
    const w = this.word();
    if (w === '') throw new PdfSyntaxError(`unexpected byte 0x${c.toString(16)} at ${start}`);
    if (/^\d+$/.test(w)) {
      // Look ahead for `gen R`.
      const save = this.pos;
      this.skip();
      if (isDigit(b[this.pos])) {
        const gen = this.word();
        if (/^\d+$/.test(gen) && this.word() === 'R') return new PdfRef(Number(w), Number(gen));
      }
      this.pos = save;
    }
    return new PdfRaw(w);
  }

  private literalString(): void {
    const b = this.bytes;
    let depth = 0;
    for (; this.pos < b.length; this.pos++) {
      const c = b[this.pos];
      if (c === 0x5c) this.pos++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) {
        this.pos++;
        return;
      }
    }
    throw new PdfSyntaxError('unterminated literal string');
  }
}

/** Serializes a value as PDF syntax (latin1 text). */
export function serialize(value: PdfValue): string {
  if (value instanceof PdfName) return `/${value.name}`;
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfRaw) return value.text;
  if (value instanceof Map) {
    let out = '<<';
    for (const [key, v] of value) out += `/${key} ${serialize(v)}`;
    return `${out}>>`;
  }
  return `[${value.map(serialize).join(' ')}]`;
}

/** A PDF text string: literal for printable ASCII, else UTF-16BE with a BOM as a hex string. */
export function textString(text: string): PdfRaw {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfRaw(`(${text.replace(/[()\\]/g, '\\$&')})`);
  return new PdfRaw(`<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`);
}

/** A PDF date string (ISO 32000 §7.9.4) in UTC. */
export function pdfDate(date: Date): PdfRaw {
  const iso = date.toISOString(); // 2024-01-02T03:04:05.678Z
  return new PdfRaw(`(D:${iso.slice(0, 19).replace(/[-T:]/g, '')}Z)`);
}

export const num = (n: number): PdfRaw => new PdfRaw(String(n));

/** Reads an integer value (a {@link PdfRaw} holding digits), or undefined. */
export function asInt(value: PdfValue | undefined): number | undefined {
  if (!(value instanceof PdfRaw) || !/^[+-]?\d+$/.test(value.text)) return undefined;
  return Number(value.text);
}
