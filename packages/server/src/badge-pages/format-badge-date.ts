/**
 * Dates on the badge page, always in Japan time (the platform's users are in Japan; the process
 * time zone is UTC): Japanese pages add the 和暦 date (令和7年4月1日, 元年 handled by ICU), English
 * pages use Gregorian dates only (JAPAN.md §3).
 */
import type { Language } from '../http/pick-language.js';

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

/** The calendar date in Japan: `2025年4月1日（令和7年4月1日）` or `1 April 2025`. */
export const formatBadgeDate = (iso: string, language: Language): string => {
  const date = parse(iso);
  if (date === undefined) return iso;
  if (language === 'en') return dateEn.format(date);
  const wareki = warekiJa.format(date);
  const gregorian = gregorianJa.format(date);
  // The Japanese calendar is missing when the runtime lacks full ICU: then Gregorian only.
  return wareki === gregorian ? gregorian : `${gregorian}（${wareki}）`;
};

/** Date and time in Japan: `2025年4月1日 09:30（日本時間）` or `1 April 2025, 09:30 JST`. */
export const formatBadgeDateTime = (iso: string, language: Language): string => {
  const date = parse(iso);
  if (date === undefined) return iso;
  if (language === 'en') return `${dateEn.format(date)}, ${time.format(date)} JST`;
  return `${gregorianJa.format(date)} ${time.format(date)}（日本時間）`;
};
