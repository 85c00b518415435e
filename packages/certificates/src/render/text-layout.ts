/**
 * Text fields on the page. Each font is embedded as (at most) two HarfBuzz subsets: one with the
 * template's own literal text — the same for every certificate, so it is prepared once and
 * cached — and one with exactly the remaining characters of this certificate (names, dates…).
 * Every character is checked to have a glyph before anything is drawn (never tofu). Lines wrap
 * with 禁則, may shrink to fit, align left/centre/right in their box, with CSS-like line height.
 */
import {
  PDFHexString,
  beginText,
  endText,
  rgb,
  setCharacterSpacing,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { loadFont } from './fonts.js';
import { wrapText } from './line-break.js';
import { embedPreparedFont, prepareFont, type PreparedFont } from './pdf-font.js';
import { parseTemplateText } from './placeholders.js';
import type { CertificateTemplate, FontSource, TextField } from './template-types.js';

export const DEFAULT_FONT = 'NotoSansJP-Regular';

/** A glyph the font does not have, found before anything is drawn. */
export class MissingGlyphsError extends Error {
  constructor(
    readonly font: string,
    readonly characters: readonly string[],
    readonly field: number,
  ) {
    const list = characters
      .map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
      .join(', ');
    super(
      `font ${font} has no glyph for ${list} (texts[${field}]): choose or upload a font that has`,
    );
    this.name = 'MissingGlyphsError';
  }
}

/** A text field whose placeholders are filled. */
export interface FilledField {
  readonly index: number;
  readonly field: TextField;
  readonly text: string;
}

/** One font of the template, embedded in this document as one or two subsets. */
export interface EmbeddedFont {
  readonly subsets: readonly { readonly font: PreparedFont; readonly name: PDFName }[];
  /** Ascent and descent (positive), per em. */
  readonly ascent: number;
  readonly descent: number;
}

const isSelector = (cp: number): boolean =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const isControl = (cp: number): boolean => cp === 0x0a || cp === 0x0d || cp === 0x09;

const literalCache = new WeakMap<CertificateTemplate, Map<string, string>>();

/** The template's literal (non-placeholder) characters, by font key. */
function literalChars(template: CertificateTemplate): Map<string, string> {
  let chars = literalCache.get(template);
  if (chars === undefined) {
    chars = new Map();
    for (const field of template.texts) {
      const key = field.font ?? DEFAULT_FONT;
      let text = chars.get(key) ?? '';
      for (const part of parseTemplateText(field.text)) if ('literal' in part) text += part.literal;
      chars.set(key, text.replace(/[\n\r\t]/g, ''));
    }
    literalCache.set(template, chars);
  }
  return chars;
}

function fontSource(template: CertificateTemplate, key: string): FontSource {
  return template.fonts?.[key] ?? { builtin: key as 'NotoSansJP-Regular' };
}

/** Subsets and embeds the fonts the fields use, after checking every glyph exists. */
export function embedFonts(
  page: PDFPage,
  template: CertificateTemplate,
  fields: readonly FilledField[],
  assets: Readonly<Record<string, Uint8Array>>,
): Map<string, EmbeddedFont> {
  const byFont = new Map<string, FilledField[]>();
  for (const f of fields) {
    const key = f.field.font ?? DEFAULT_FONT;
    byFont.set(key, [...(byFont.get(key) ?? []), f]);
  }
  const embedded = new Map<string, EmbeddedFont>();
  for (const [key, list] of byFont) {
    const font = loadFont(fontSource(template, key), assets);
    const literal = literalChars(template).get(key) ?? '';
    const fixed = literal === '' ? undefined : prepareFont(font, literal);
    // The characters the fixed subset lacks (and the bases of variation sequences).
    let extra = '';
    for (const f of list) {
      let previous = '';
      for (const ch of f.text) {
        const cp = ch.codePointAt(0) ?? 0;
        if (isSelector(cp)) extra += previous + ch;
        else if (!isControl(cp) && fixed?.info.cmap.has(cp) !== true) extra += ch;
        previous = ch;
      }
    }
    const variable = extra === '' ? undefined : prepareFont(font, extra);
    const subsets = [fixed, variable].filter((p) => p !== undefined);
    for (const f of list) {
      const missing = [...new Set(f.text)].filter((c) => {
        const cp = c.codePointAt(0) ?? 0;
        return !isControl(cp) && !isSelector(cp) && !subsets.some((s) => s.info.cmap.has(cp));
      });
      if (missing.length > 0) throw new MissingGlyphsError(font.id, missing, f.index);
    }
    const info = subsets[0]?.info;
    if (info === undefined) continue;
    embedded.set(key, {
      subsets: subsets.map((s) => ({
        font: s,
        name: page.node.newFontDictionary('F', embedPreparedFont(page.doc, s)),
      })),
      ascent: info.ascent / info.unitsPerEm,
      descent: Math.abs(info.descent) / info.unitsPerEm,
    });
  }
  return embedded;
}

interface GlyphRun {
  readonly subset: number;
  hex: string;
}

/** Glyphs of a line as runs per subset, and its advance in ems. */
function shapeLine(
  line: string,
  font: EmbeddedFont,
): { runs: GlyphRun[]; em: number; glyphs: number } {
  const cps = Array.from(line).map((c) => c.codePointAt(0) ?? 0);
  const runs: GlyphRun[] = [];
  let em = 0;
  let glyphs = 0;
  for (let i = 0; i < cps.length; i += 1) {
    const cp = cps[i] ?? 0;
    if (isSelector(cp) || isControl(cp)) continue;
    const next = cps[i + 1];
    const pair = next !== undefined && isSelector(next) ? `${cp},${next}` : undefined;
    let subset =
      pair === undefined ? -1 : font.subsets.findIndex((s) => s.font.info.variations.has(pair));
    if (subset < 0) subset = font.subsets.findIndex((s) => s.font.info.cmap.has(cp));
    const info = font.subsets[subset]?.font.info;
    if (info === undefined) continue; // checked before drawing: cannot happen
    const gid =
      (pair === undefined ? undefined : info.variations.get(pair)) ?? info.cmap.get(cp) ?? 0;
    em += (info.advances[gid] ?? 0) / info.unitsPerEm;
    glyphs += 1;
    const hex = gid.toString(16).toUpperCase().padStart(4, '0');
    const last = runs[runs.length - 1];
    if (last?.subset === subset) last.hex += hex;
    else runs.push({ subset, hex });
  }
  return { runs, em, glyphs };
}

/** `#rrggbb` → pdf-lib colour. */
export function color(hex: string | undefined, fallback = '#000000'): ReturnType<typeof rgb> {
  const [r, g, b] = hexRgb(hex ?? fallback);
  return rgb(r, g, b);
}

export function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** Lays out and draws one field; returns a warning when the text overflows `maxLines`. */
export function drawTextField(
  page: PDFPage,
  filled: FilledField,
  font: EmbeddedFont,
): string | undefined {
  const f = filled.field;
  const boxWidth = f.width ?? page.getWidth() - f.x;
  const spacing = f.letterSpacing ?? 0;
  let size = f.size;
  const widths = new Map<string, number>();
  const measure = (s: string): number => {
    let w = widths.get(s);
    if (w === undefined) {
      const shaped = shapeLine(s, font);
      w = shaped.em * size + spacing * shaped.glyphs;
      widths.set(s, w);
    }
    return w;
  };
  let lines = wrapText(filled.text, boxWidth, measure);
  const maxLines = f.maxLines;
  if (maxLines !== undefined && f.minSize !== undefined) {
    const minSize = f.minSize;
    while (lines.length > maxLines && size > minSize) {
      size = Math.max(minSize, size * 0.92);
      widths.clear();
      lines = wrapText(filled.text, boxWidth, measure);
    }
  }
  const leading = (f.lineHeight ?? 1.4) * size;
  // CSS-like: the font's ascent + descent is centred in each line box.
  const halfLeading = (leading - (font.ascent + font.descent) * size) / 2;
  const top = page.getHeight() - f.y;
  const ops: PDFOperator[] = [beginText(), setFillingRgbColor(...hexRgb(f.color ?? '#000000'))];
  if (spacing !== 0) ops.push(setCharacterSpacing(spacing));
  lines.forEach((line, i) => {
    const { runs, em, glyphs } = shapeLine(line, font);
    if (runs.length === 0) return;
    // The last glyph's letter spacing is not part of the visible width.
    const width = em * size + spacing * Math.max(0, glyphs - 1);
    const x =
      f.align === 'center'
        ? f.x + (boxWidth - width) / 2
        : f.align === 'right'
          ? f.x + boxWidth - width
          : f.x;
    const baseline = top - i * leading - halfLeading - font.ascent * size;
    ops.push(setTextMatrix(1, 0, 0, 1, x, baseline));
    for (const run of runs) {
      const subset = font.subsets[run.subset];
      if (subset === undefined) continue;
      ops.push(setFontAndSize(subset.name, size), showText(PDFHexString.of(run.hex)));
    }
  });
  if (spacing !== 0) ops.push(setCharacterSpacing(0));
  ops.push(endText());
  page.pushOperators(...ops);
  return maxLines !== undefined && lines.length > maxLines
    ? `texts[${filled.index}] needs ${lines.length} lines (maxLines ${maxLines})`
    : undefined;
}
