/**
 * Line wrapping for mixed Japanese and Latin text. Latin words break at spaces; Japanese
 * breaks between any two characters, except that 禁則 (kinsoku) keeps closing punctuation
 * (、。」）…), small kana, ー and iteration marks off the start of a line and opening brackets
 * (「（…) off its end. A word wider than the box is broken between characters.
 */

/** May not start a line (JIS X 4051 line-start prohibition, the common set). */
const NO_LINE_START = new Set(
  Array.from(
    '、。，．・：；？！゛゜ヽヾゝゞ々〻ー―‐゠–〜～…‥' +
      '）〕］｝〉》」』】〙〗｠»’”' +
      'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ' +
      ')]}>,.:;!?%‰℃°′″',
  ).map((c) => c.codePointAt(0) ?? 0),
);

/** May not end a line. */
const NO_LINE_END = new Set(
  Array.from('（〔［｛〈《「『【〘〖｟«‘“([{<').map((c) => c.codePointAt(0) ?? 0),
);

/** Characters that form their own break unit (CJK ideographs, kana, full-width forms). */
function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || // radicals, CJK symbols & punctuation, kana, ideographs
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs (﨑, 神…)
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) || // half- and full-width forms
    (cp >= 0x20000 && cp <= 0x3ffff) // supplementary ideographs (𠮷)
  );
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t';
const cpOf = (ch: string | undefined): number => ch?.codePointAt(0) ?? 0;
const isDigit = (cp: number): boolean =>
  (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
const isHiragana = (cp: number): boolean => cp >= 0x3041 && cp <= 0x309f;

/** Longest phrase (in characters) built by attaching particles and okurigana to a word. */
const MAX_PHRASE = 10;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Splits a paragraph into unbreakable units (a unit may end with spaces). Words come from
 * `Intl.Segmenter` (ICU's dictionary for Japanese); hiragana words (particles, okurigana) join
 * the word before them, approximating 文節 so that 証明します。 is not split after 証; Latin
 * text breaks only at spaces, numbers stay with their units (令和7年4月1日); 禁則 glues line-start-prohibited characters to the unit before
 * and line-end-prohibited ones to the unit after.
 */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let glueNext = false;
  for (const { segment } of segmenter.segment(text)) {
    const chars = Array.from(segment);
    const first = cpOf(chars[0]);
    const previous = units[units.length - 1];
    const prevChars = previous === undefined ? [] : Array.from(previous);
    const prevLast = prevChars[prevChars.length - 1];
    const attached = previous !== undefined && prevLast !== undefined && !isSpace(prevLast);
    const join =
      previous !== undefined &&
      (chars.every(isSpace) ||
        (attached &&
          (glueNext ||
            NO_LINE_START.has(first) ||
            (!isCjk(first) && !isCjk(cpOf(prevLast))) ||
            isDigit(first) ||
            isDigit(cpOf(prevLast)) ||
            (isHiragana(first) &&
              chars.every((c) => isHiragana(cpOf(c))) &&
              prevChars.length + chars.length <= MAX_PHRASE))));
    if (join) units[units.length - 1] = previous + segment;
    else units.push(segment);
    const last = chars[chars.length - 1];
    glueNext = last !== undefined && NO_LINE_END.has(cpOf(last));
  }
  return units;
}

/**
 * A unit split between characters, still with 禁則: line-start-prohibited characters stay with
 * the character before them and line-end-prohibited ones with the character after.
 */
function characterUnits(unit: string): string[] {
  const out: string[] = [];
  let glueNext = false;
  for (const ch of unit) {
    const cp = cpOf(ch);
    const last = out.length - 1;
    if (last >= 0 && (glueNext || NO_LINE_START.has(cp) || isSelector(cp) || isSpace(ch))) {
      out[last] = `${out[last] ?? ''}${ch}`;
    } else out.push(ch);
    glueNext = NO_LINE_END.has(cp);
  }
  return out;
}

const isSelector = (cp: number): boolean =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

/**
 * Wraps text into lines no wider than `maxWidth`, as measured by `measure` (a line may exceed
 * it only by a character that 禁則 forbids to move, or by a character wider than the box).
 * Explicit line breaks (`\n`) are kept.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    const push = (): void => {
      lines.push(line.trimEnd());
      line = '';
      lineWidth = 0;
    };
    const place = (unit: string, split: boolean): void => {
      const visible = unit.trimEnd();
      if (line !== '' && lineWidth + measure(visible) > maxWidth) push();
      if (line === '' && visible === '') return; // no leading spaces on a wrapped line
      if (line === '' && split && measure(visible) > maxWidth) {
        // Too wide on its own: break between characters (with 禁則, then without).
        const parts = characterUnits(unit);
        if (parts.length > 1) {
          for (const part of parts) place(part, true);
          return;
        }
        // A short 禁則 cluster (か」）。) overflows rather than break; a long word breaks anywhere.
        if (Array.from(visible).length > 4) {
          for (const ch of unit) place(ch, false);
          return;
        }
      }
      line += unit;
      lineWidth += measure(unit);
    };
    for (const unit of breakUnits(paragraph)) place(unit, true);
    push();
  }
  return lines;
}
