/**
 * A Shift_JIS (CP932) encoder for tests only: Node can decode Shift_JIS but not encode it.
 * Written by hand from the published CP932 code chart, not derived from Node's decoder, so the
 * tests can hold the decoder to it (two independent sources must agree). It encodes as Excel
 * does on Japanese Windows: IBM-extension codes for 髙 (0xFBFC) and 﨑 (0xFAB1), NEC row 13 for
 * ① and ㈱. It covers ASCII, half-width katakana, hiragana, katakana, full-width digits and
 * Latin letters, and the symbols and kanji below; any other character throws, like an encoder
 * that refuses to write `?`.
 */

/** Characters outside the computed ranges, with their CP932 bytes (hex). */
export const CP932_TABLE: Readonly<Record<string, string>> = {
  '\u3000': '8140',
  '、': '8141',
  '。': '8142',
  '．': '8144',
  '・': '8145',
  '：': '8146',
  ー: '815b',
  '―': '815c', // U+2015 in CP932 (JIS maps it to U+2014)
  '／': '815e',
  '＼': '815f',
  '～': '8160', // U+FF5E in CP932 (JIS: U+301C 〜)
  '∥': '8161',
  '（': '8169',
  '）': '816a',
  '「': '8175',
  '」': '8176',
  '－': '817c', // U+FF0D in CP932 (JIS: U+2212 −)
  '＝': '8181',
  '＠': '8197',
  '￢': '81ca',
  '①': '8740', // NEC special characters, row 13
  '②': '8741',
  Ⅰ: '8754',
  '№': '8782',
  '㈱': '878a',
  髙: 'fbfc', // IBM extension (NEC-selected: 0xEEE0)
  﨑: 'fab1', // IBM extension (NEC-selected: 0xED95)
  '\uFA10': 'fa9c', // 塚 CJK COMPATIBILITY IDEOGRAPH-FA10, IBM extension
  山: '8e52',
  田: '9363',
  太: '91be',
  郎: '9859',
  花: '89d4',
  子: '8e71',
  佐: '8db2',
  藤: '93a1',
  鈴: '97e9',
  木: '96d8',
  高: '8d82',
  橋: '8bb4',
  崎: '8de8',
  中: '9286',
  村: '91ba',
  渡: '936e',
  辺: '95d3',
  伊: '88c9',
  小: '8fac',
  林: '97d1',
  加: '89c1',
  吉: '8b67',
  井: '88e4',
  上: '8fe3',
  大: '91e5',
  翔: 'e3c4',
  美: '94fc',
  咲: '8de7',
  健: '8c92',
  一: '88ea',
  令: '97df',
  和: '9861',
  平: '95bd',
  成: '90ac',
  元: '8cb3',
  年: '944e',
  月: '8c8e',
  日: '93fa',
  学: '8a77',
  籍: '90d0',
  番: '94d4',
  号: '8d86',
  氏: '8e81',
  名: '96bc',
  授: '8ef6',
  与: '975e',
  備: '94f5',
  考: '8d6c',
  有: '974c',
  効: '8cf8',
  期: '8afa',
  限: '8cc0',
  発: '94ad',
  行: '8d73',
  字: '8e9a',
  所: '8f8a',
  見: '8ca9',
  優: '9744',
  秀: '8f47',
  修: '8f43',
  了: '97b9',
  講: '8d75',
  座: '8dc0',
  社: '8ed0',
  員: '88f5',
  会: '89ef',
};

const rangeCode = (codePoint: number): number[] | undefined => {
  if (codePoint <= 0x7f) return [codePoint];
  if (codePoint >= 0xff61 && codePoint <= 0xff9f) return [codePoint - 0xff61 + 0xa1];
  let code: number | undefined;
  if (codePoint >= 0x3041 && codePoint <= 0x3093) code = 0x829f + (codePoint - 0x3041);
  else if (codePoint >= 0x30a1 && codePoint <= 0x30f6) {
    code = 0x8340 + (codePoint - 0x30a1);
    if (code >= 0x837f) code += 1; // 0x837F is not a katakana code
  } else if (codePoint >= 0xff10 && codePoint <= 0xff19) code = 0x824f + (codePoint - 0xff10);
  else if (codePoint >= 0xff21 && codePoint <= 0xff3a) code = 0x8260 + (codePoint - 0xff21);
  else if (codePoint >= 0xff41 && codePoint <= 0xff5a) code = 0x8281 + (codePoint - 0xff41);
  return code === undefined ? undefined : [code >> 8, code & 0xff];
};

const cache = new Map<string, readonly number[]>();

/** The CP932 bytes of one character, or undefined when this encoder does not know it. */
export const encodeShiftJisChar = (char: string): readonly number[] | undefined => {
  const cached = cache.get(char);
  if (cached !== undefined) return cached;
  const hex = CP932_TABLE[char];
  const bytes =
    hex === undefined
      ? rangeCode(char.codePointAt(0) ?? -1)
      : [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2), 16)];
  if (bytes !== undefined) cache.set(char, bytes);
  return bytes;
};

/** The CP932 bytes of `text`; throws on a character the table lacks. */
export const encodeShiftJis = (text: string): Uint8Array => {
  const out: number[] = [];
  for (const char of text) {
    const bytes = encodeShiftJisChar(char);
    if (bytes === undefined) {
      const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase();
      throw new Error(`encodeShiftJis: no CP932 code for "${char}" (U+${hex})`);
    }
    out.push(...bytes);
  }
  return Uint8Array.from(out);
};
