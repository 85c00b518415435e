/**
 * Reads a date cell as Excel users in Japan write it (JAPAN.md JP-3.4) and returns it in ISO 8601:
 *
 * - `2025-04-01`, `2025/4/1`, `2025.4.1`, `2025年4月1日`, `20250401` → `2025-04-01` (a calendar date;
 *   the time of day it stands for is decided when the award is issued, in Asia/Tokyo);
 *   Excel's `2025/4/1 0:00` (a date cell with a time format) is read as the date.
 * - 和暦: `令和7年4月1日`, `令和元年5月1日`, `R7.4.1`, `H31/4/30` → the Gregorian date, checked against
 *   the era's first and last day (`平成31年5月1日` does not exist).
 * - a date-time with a zone, `2025-04-01T09:00:00+09:00` → UTC, `2025-04-01T00:00:00Z`; without a
 *   zone it is refused rather than guessed.
 *
 * Full-width digits and separators (`２０２５／４／１`, `Ｒ７．４．１`) are read as their ASCII forms:
 * a date is a value, not text, so nothing written by the person is lost. Excel serial numbers
 * (`45748`) are refused with a hint: 1900 and 1904 date systems make them ambiguous.
 */

export type AwardDateProblem =
  | 'ERR_ROW_DATE_INVALID'
  | 'ERR_ROW_DATE_NOT_A_DAY'
  | 'ERR_ROW_DATE_ERA_RANGE'
  | 'ERR_ROW_DATE_NO_OFFSET'
  | 'ERR_ROW_DATE_EXCEL_SERIAL';

export type ParseAwardDateResult =
  | { readonly ok: true; readonly value: string }
  | {
      readonly ok: false;
      readonly code: AwardDateProblem;
      readonly params: Readonly<Record<string, string | number>>;
    };

export interface JapaneseEra {
  readonly kanji: string;
  /** The letter Excel's `ge` format and forms use. */
  readonly letter: string;
  /** The Gregorian year of the era's first year (元年). */
  readonly firstYear: number;
  /** The first and last day of the era that a Gregorian date can name, ISO. */
  readonly firstDay: string;
  readonly lastDay: string | null;
}

/**
 * The eras, newest first. Data, not code: a new era is one more line. Meiji starts at
 * 1873-01-01 here, the day Japan adopted the Gregorian calendar (明治6年).
 */
export const JAPANESE_ERAS: readonly JapaneseEra[] = [
  { kanji: '令和', letter: 'R', firstYear: 2019, firstDay: '2019-05-01', lastDay: null },
  { kanji: '平成', letter: 'H', firstYear: 1989, firstDay: '1989-01-08', lastDay: '2019-04-30' },
  { kanji: '昭和', letter: 'S', firstYear: 1926, firstDay: '1926-12-25', lastDay: '1989-01-07' },
  { kanji: '大正', letter: 'T', firstYear: 1912, firstDay: '1912-07-30', lastDay: '1926-12-24' },
  { kanji: '明治', letter: 'M', firstYear: 1868, firstDay: '1873-01-01', lastDay: '1912-07-29' },
];

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/i;
const SEPARATED = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?: +0?0:00(?::00)?)?$/;
const KANJI = /^(\d{4})年 *(\d{1,2})月 *(\d{1,2})日$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const WAREKI =
  /^(令和|平成|昭和|大正|明治|[RHSTM]) *(元|\d{1,2})(?:年 *(\d{1,2})月 *(\d{1,2})日|([/.-])(\d{1,2})\5(\d{1,2}))$/i;
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space as ASCII: for dates only. */
const foldFullWidth = (text: string): string =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replaceAll('\u3000', ' ');

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

const fail = (
  code: AwardDateProblem,
  params: Readonly<Record<string, string | number>> = {},
): ParseAwardDateResult => ({ ok: false, code, params });

/** `YYYY-MM-DD` when the day exists in the Gregorian calendar. */
const toIsoDay = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  const exists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists && year >= 1 ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : undefined;
};

const day = (year: number, month: number, dayOfMonth: number): ParseAwardDateResult => {
  const iso = toIsoDay(year, month, dayOfMonth);
  return iso === undefined ? fail('ERR_ROW_DATE_NOT_A_DAY') : { ok: true, value: iso };
};

const readWareki = (match: RegExpExecArray): ParseAwardDateResult => {
  const [, name = '', yearText = '', kanjiMonth, kanjiDay, , sepMonth, sepDay] = match;
  const era = JAPANESE_ERAS.find(
    (candidate) => candidate.kanji === name || candidate.letter === name.toUpperCase(),
  );
  if (era === undefined) return fail('ERR_ROW_DATE_INVALID');
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  const month = Number(kanjiMonth ?? sepMonth);
  const dayOfMonth = Number(kanjiDay ?? sepDay);
  const iso = eraYear >= 1 ? toIsoDay(era.firstYear + eraYear - 1, month, dayOfMonth) : undefined;
  if (iso === undefined) return fail('ERR_ROW_DATE_NOT_A_DAY');
  if (iso < era.firstDay || (era.lastDay !== null && iso > era.lastDay)) {
    return fail('ERR_ROW_DATE_ERA_RANGE', {
      era: era.kanji,
      range: `${era.firstDay} – ${era.lastDay ?? ''}`.trimEnd(),
    });
  }
  return { ok: true, value: iso };
};

const readDateTime = (match: RegExpExecArray): ParseAwardDateResult => {
  const [, year, month, dayOfMonth, hour, minute, second = '00', fraction = '', zone] = match;
  if (zone === undefined) return fail('ERR_ROW_DATE_NO_OFFSET');
  const iso = toIsoDay(Number(year), Number(month), Number(dayOfMonth));
  const zoneOk = zone.toUpperCase() === 'Z' || Number(zone.slice(1, 3)) <= 23;
  if (iso === undefined || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return fail('ERR_ROW_DATE_NOT_A_DAY');
  }
  if (!zoneOk) return fail('ERR_ROW_DATE_INVALID');
  const instant = new Date(`${iso}T${hour}:${minute}:${second}${fraction}${zone.toUpperCase()}`);
  return { ok: true, value: instant.toISOString().replace('.000Z', 'Z') };
};

/** The ISO 8601 form of a date cell, or why it cannot be read. `text` is already trimmed. */
export const parseAwardDate = (text: string): ParseAwardDateResult => {
  const folded = foldFullWidth(text).trim();
  const dateTime = ISO_DATE_TIME.exec(folded);
  if (dateTime !== null) return readDateTime(dateTime);
  const gregorian = SEPARATED.exec(folded);
  if (gregorian !== null)
    return day(Number(gregorian[1]), Number(gregorian[3]), Number(gregorian[4]));
  const kanji = KANJI.exec(folded) ?? BASIC.exec(folded);
  if (kanji !== null) return day(Number(kanji[1]), Number(kanji[2]), Number(kanji[3]));
  const wareki = WAREKI.exec(folded);
  if (wareki !== null) return readWareki(wareki);
  if (EXCEL_SERIAL.test(folded)) return fail('ERR_ROW_DATE_EXCEL_SERIAL');
  return fail('ERR_ROW_DATE_INVALID');
};
