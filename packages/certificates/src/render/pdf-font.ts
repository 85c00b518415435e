/**
 * Embedding HarfBuzz subsets as PDF composite fonts (Type0, Identity-H, CIDFontType2 or, for CFF
 * outlines, CIDFontType0 with an OpenType font file), with widths and a ToUnicode map so text
 * extracts exactly. Everything that does not depend on the document — the deflated font file,
 * widths, ToUnicode — is prepared once per (font, character set) and cached, so embedding into
 * a certificate copies ready-made streams. Glyphs are chosen from the subset's own character
 * map (no shaping: ligatures and other substitutions are off by construction).
 */
import { deflateSync } from 'node:zlib';
import { PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { subsetTag, type SubsettableFont } from './fonts.js';
import { readSfnt, type SfntInfo } from './sfnt.js';

export interface PreparedFont {
  /** `ABCDEF+PostScriptName`, the subset tag derived from the character set. */
  readonly baseFont: string;
  readonly info: SfntInfo;
  readonly fontFile: Uint8Array;
  readonly fontFileLength: number;
  readonly toUnicode: Uint8Array;
  readonly defaultWidth: number;
  readonly widths: readonly (number | number[])[];
}

const deflate = (bytes: Uint8Array): Uint8Array => new Uint8Array(deflateSync(bytes));
const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) out += hex4(text.charCodeAt(i));
  return out;
}

const isRadicalOrCompat = (cp: number): boolean =>
  (cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0xf900 && cp <= 0xfaff);

function toUnicodeCMap(info: SfntInfo): Uint8Array {
  const byGlyph = new Map<number, string>();
  for (const [cp, gid] of info.cmap) {
    const known = byGlyph.get(gid)?.codePointAt(0);
    // Kangxi radicals share glyphs with ideographs: extract the ideograph.
    if (known === undefined || (isRadicalOrCompat(known) && !isRadicalOrCompat(cp))) {
      byGlyph.set(gid, String.fromCodePoint(cp));
    }
  }
  for (const [pair, gid] of info.variations) {
    if (byGlyph.has(gid)) continue;
    const [base = 0, selector = 0] = pair.split(',').map(Number);
    byGlyph.set(gid, String.fromCodePoint(base, selector));
  }
  const entries = [...byGlyph].sort((a, b) => a[0] - b[0]);
  let body = '';
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    body += `${chunk.length} beginbfchar\n`;
    for (const [gid, text] of chunk) body += `<${hex4(gid)}> <${utf16Hex(text)}>\n`;
    body += 'endbfchar\n';
  }
  const cmap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
${body}endcmap
CMapName currentdict /CMap defineresource pop
end
end
`;
  return deflate(new TextEncoder().encode(cmap));
}

function widthArray(info: SfntInfo): { defaultWidth: number; widths: (number | number[])[] } {
  const scale = 1000 / info.unitsPerEm;
  const width = (gid: number): number =>
    Math.round((info.advances[gid] ?? 0) * scale * 1000) / 1000;
  const counts = new Map<number, number>();
  for (let g = 0; g < info.numGlyphs; g += 1) counts.set(width(g), (counts.get(width(g)) ?? 0) + 1);
  const defaultWidth = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1000;
  const widths: (number | number[])[] = [];
  let run: number[] | undefined;
  for (let g = 0; g < info.numGlyphs; g += 1) {
    const w = width(g);
    if (w === defaultWidth) {
      run = undefined;
      continue;
    }
    if (run === undefined) {
      run = [];
      widths.push(g, run);
    }
    run.push(w);
  }
  return { defaultWidth, widths };
}

const PREPARED_CACHE_SIZE = 256;
const preparedCache = new WeakMap<SubsettableFont, Map<string, PreparedFont>>();

/** The subset of `font` for exactly these characters, ready to embed (cached). */
export function prepareFont(font: SubsettableFont, chars: string): PreparedFont {
  const key = [...new Set(chars)].sort().join('');
  let cache = preparedCache.get(font);
  if (cache === undefined) {
    cache = new Map();
    preparedCache.set(font, cache);
  }
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const bytes = font.subset(key);
  const info = readSfnt(bytes);
  const name = info.postscriptName.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '') || 'Font';
  const prepared: PreparedFont = {
    baseFont: `${subsetTag(key)}+${name}`,
    info,
    fontFile: deflate(bytes),
    fontFileLength: bytes.byteLength,
    toUnicode: toUnicodeCMap(info),
    ...widthArray(info),
  };
  cache.set(key, prepared);
  if (cache.size > PREPARED_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return prepared;
}

/** Adds the font's objects to the document; returns the Type0 font's reference. */
export function embedPreparedFont(doc: PDFDocument, font: PreparedFont): PDFRef {
  const context = doc.context;
  const { info } = font;
  const scale = 1000 / info.unitsPerEm;
  const fontFile = context.register(
    context.stream(
      font.fontFile,
      info.isCff
        ? { Filter: 'FlateDecode', Subtype: 'OpenType' }
        : { Filter: 'FlateDecode', Length1: font.fontFileLength },
    ),
  );
  const flags = (info.fixedPitch ? 1 : 0) | 4 | (info.italicAngle !== 0 ? 64 : 0);
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: font.baseFont,
      Flags: flags,
      FontBBox: info.bbox.map((n) => Math.round(n * scale)),
      ItalicAngle: info.italicAngle,
      Ascent: Math.round(info.ascent * scale),
      Descent: Math.round(info.descent * scale),
      CapHeight: Math.round(info.capHeight * scale),
      StemV: 80,
      [info.isCff ? 'FontFile3' : 'FontFile2']: fontFile,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: info.isCff ? 'CIDFontType0' : 'CIDFontType2',
      BaseFont: font.baseFont,
      CIDSystemInfo: {
        Registry: PDFString.of('Adobe'),
        Ordering: PDFString.of('Identity'),
        Supplement: 0,
      },
      FontDescriptor: descriptor,
      DW: font.defaultWidth,
      W: font.widths,
      ...(info.isCff ? {} : { CIDToGIDMap: 'Identity' }),
    }),
  );
  const toUnicode = context.register(context.stream(font.toUnicode, { Filter: 'FlateDecode' }));
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: font.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}
