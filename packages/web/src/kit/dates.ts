/**
 * Dates as people in Japan read them, always in Japan time (the process runs in UTC). Japanese:
 * `2025年4月1日`, with the 和暦 `（令和7年4月1日）` when the calendar preference asks for it (元年
 * handled by ICU); English: `1 April 2025`.
 */
import type { Language } from './language.js';

export type CalendarPreference = 'gregorian' | 'wareki';

export const CALENDAR_COOKIE = 'akashi_calendar';

const TIME_ZONE = 'Asia/Tokyo';

const gregorianJa = new Intl.DateTimeFormat('ja-JP', { timeZone: TIME_ZONE, dateStyle: 'long' });
const warekiJa = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: TIME_ZONE,
  dateStyle: 'long',
});
const dateEn = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'long' });
const time = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const parse = (iso: string): Date | undefined => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** The 和暦 date alone (`令和7年4月1日`), or undefined when the runtime lacks the calendar. */
export const formatWareki = (iso: string): string | undefined => {
  const date = parse(iso);
  if (date === undefined) return undefined;
  const wareki = warekiJa.format(date);
  return wareki === gregorianJa.format(date) ? undefined : wareki;
};

/** The calendar date in Japan. */
export const formatDate = (
  iso: string,
  language: Language,
  calendar: CalendarPreference = 'wareki',
): string => {
  const date = parse(iso);
  if (date === undefined) return iso;
  if (language === 'en') return dateEn.format(date);
  const gregorian = gregorianJa.format(date);
  const wareki = calendar === 'wareki' ? formatWareki(iso) : undefined;
  return wareki === undefined ? gregorian : `${gregorian}（${wareki}）`;
};

/** Date and time in Japan: `2025年4月1日 09:30（日本時間）` or `1 April 2025, 09:30 JST`. */
export const formatDateTime = (iso: string, language: Language): string => {
  const date = parse(iso);
  if (date === undefined) return iso;
  if (language === 'en') return `${dateEn.format(date)}, ${time.format(date)} JST`;
  return `${gregorianJa.format(date)} ${time.format(date)}（日本時間）`;
};
