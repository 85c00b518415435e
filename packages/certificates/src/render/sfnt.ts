/**
 * A minimal reader for the TrueType/OpenType tables a PDF font needs: the character map (formats
 * 4 and 12, and 14 for ideographic variation sequences such as 葛󠄀), advance widths, and the
 * metrics of the font descriptor. Used on the small HarfBuzz subsets, so it reads everything
 * eagerly; fontkit's lazy general-purpose parser costs far more per certificate.
 */

export interface SfntInfo {
  readonly postscriptName: string;
  readonly isCff: boolean;
  readonly unitsPerEm: number;
  readonly bbox: readonly [number, number, number, number];
  readonly ascent: number;
  /** Negative, as in the font. */
  readonly descent: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  readonly fixedPitch: boolean;
  readonly numGlyphs: number;
  /** Advance width of each glyph, in font units. */
  readonly advances: Uint16Array;
  /** Code point → glyph id. */
  readonly cmap: ReadonlyMap<number, number>;
  /** `base,selector` → glyph id for variation sequences (default ones map to the base glyph). */
  readonly variations: ReadonlyMap<string, number>;
}

const tag = (v: DataView, at: number): string =>
  String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));

const u24 = (v: DataView, at: number): number => (v.getUint8(at) << 16) | v.getUint16(at + 1);

function readCmapFormat4(v: DataView, at: number, out: Map<number, number>): void {
  const segCount = v.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const ranges = deltas + segCount * 2;
  for (let i = 0; i < segCount; i += 1) {
    const start = v.getUint16(starts + i * 2);
    const end = v.getUint16(ends + i * 2);
    const delta = v.getInt16(deltas + i * 2);
    const rangeOffset = v.getUint16(ranges + i * 2);
    for (let c = start; c <= end && c !== 0xffff; c += 1) {
      let gid: number;
      if (rangeOffset === 0) gid = (c + delta) & 0xffff;
      else {
        gid = v.getUint16(ranges + i * 2 + rangeOffset + (c - start) * 2);
        if (gid !== 0) gid = (gid + delta) & 0xffff;
      }
      if (gid !== 0) out.set(c, gid);
    }
  }
}

function readCmapFormat12(v: DataView, at: number, out: Map<number, number>): void {
  const groups = v.getUint32(at + 12);
  for (let i = 0; i < groups; i += 1) {
    const g = at + 16 + i * 12;
    const start = v.getUint32(g);
    const end = v.getUint32(g + 4);
    const first = v.getUint32(g + 8);
    for (let c = start; c <= end; c += 1)
      if (first + c - start !== 0) out.set(c, first + c - start);
  }
}

function readCmapFormat14(
  v: DataView,
  at: number,
  cmap: ReadonlyMap<number, number>,
  out: Map<string, number>,
): void {
  const records = v.getUint32(at + 6);
  for (let i = 0; i < records; i += 1) {
    const r = at + 10 + i * 11;
    const selector = u24(v, r);
    const defaultOffset = v.getUint32(r + 3);
    const nonDefaultOffset = v.getUint32(r + 7);
    if (defaultOffset !== 0) {
      const d = at + defaultOffset;
      const n = v.getUint32(d);
      for (let k = 0; k < n; k += 1) {
        const start = u24(v, d + 4 + k * 4);
        const count = v.getUint8(d + 7 + k * 4);
        for (let c = start; c <= start + count; c += 1) {
          const gid = cmap.get(c);
          if (gid !== undefined) out.set(`${c},${selector}`, gid);
        }
      }
    }
    if (nonDefaultOffset !== 0) {
      const d = at + nonDefaultOffset;
      const n = v.getUint32(d);
      for (let k = 0; k < n; k += 1) {
        out.set(`${u24(v, d + 4 + k * 5)},${selector}`, v.getUint16(d + 7 + k * 5));
      }
    }
  }
}

function readName(v: DataView, at: number): string | undefined {
  const count = v.getUint16(at + 2);
  const strings = at + v.getUint16(at + 4);
  let mac: string | undefined;
  for (let i = 0; i < count; i += 1) {
    const r = at + 6 + i * 12;
    if (v.getUint16(r + 6) !== 6) continue;
    const platform = v.getUint16(r);
    const length = v.getUint16(r + 8);
    const offset = strings + v.getUint16(r + 10);
    if (platform === 3 || platform === 0) {
      let s = '';
      for (let k = 0; k + 1 < length; k += 2) s += String.fromCharCode(v.getUint16(offset + k));
      return s;
    }
    if (platform === 1) {
      mac = '';
      for (let k = 0; k < length; k += 1) mac += String.fromCharCode(v.getUint8(offset + k));
    }
  }
  return mac;
}

/** Reads a TrueType/OpenType font (a single font, not a collection). */
export function readSfnt(bytes: Uint8Array): SfntInfo {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const numTables = v.getUint16(4);
  for (let i = 0; i < numTables; i += 1)
    tables.set(tag(v, 12 + i * 16), v.getUint32(12 + i * 16 + 8));
  const table = (name: string): number => {
    const at = tables.get(name);
    if (at === undefined) throw new Error(`font has no ${name} table`);
    return at;
  };
  const head = table('head');
  const hhea = table('hhea');
  const numGlyphs = v.getUint16(table('maxp') + 4);
  const numberOfHMetrics = v.getUint16(hhea + 34);
  const hmtx = table('hmtx');
  const advances = new Uint16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g += 1) {
    advances[g] = v.getUint16(hmtx + Math.min(g, numberOfHMetrics - 1) * 4);
  }
  const cmapAt = table('cmap');
  const cmap = new Map<number, number>();
  const variations = new Map<string, number>();
  let best: { at: number; format: number } | undefined;
  let uvs: number | undefined;
  for (let i = 0; i < v.getUint16(cmapAt + 2); i += 1) {
    const rec = cmapAt + 4 + i * 8;
    const platform = v.getUint16(rec);
    const encoding = v.getUint16(rec + 2);
    const at = cmapAt + v.getUint32(rec + 4);
    const format = v.getUint16(at);
    if (format === 14) uvs = at;
    else if ((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0) {
      if ((format === 12 && best?.format !== 12) || (format === 4 && best === undefined)) {
        best = { at, format };
      }
    }
  }
  if (best === undefined) throw new Error('font has no Unicode character map');
  if (best.format === 12) readCmapFormat12(v, best.at, cmap);
  else readCmapFormat4(v, best.at, cmap);
  if (uvs !== undefined) readCmapFormat14(v, uvs, cmap, variations);
  const os2 = tables.get('OS/2');
  const post = tables.get('post');
  const ascent = v.getInt16(hhea + 4);
  return {
    postscriptName: tables.has('name') ? (readName(v, table('name')) ?? 'Font') : 'Font',
    isCff: tables.has('CFF ') || tables.has('CFF2'),
    unitsPerEm: v.getUint16(head + 18),
    bbox: [
      v.getInt16(head + 36),
      v.getInt16(head + 38),
      v.getInt16(head + 40),
      v.getInt16(head + 42),
    ],
    ascent,
    descent: v.getInt16(hhea + 6),
    capHeight: os2 !== undefined && v.getUint16(os2) >= 2 ? v.getInt16(os2 + 88) : ascent,
    italicAngle: post === undefined ? 0 : v.getInt32(post + 4) / 65536,
    fixedPitch: post !== undefined && v.getUint32(post + 12) !== 0,
    numGlyphs,
    advances,
    cmap,
    variations,
  };
}
