/**
 * How an award date appears in a notification (JAPAN.md §3, JP-3.1): in Japan time, the date
 * only. Japanese shows the Gregorian date and the 和暦 beside it (`2025年4月1日（令和7年4月1日）`,
 * 元年 as ICU writes it); English shows the Gregorian date only (`1 April 2025`), since English
 * era dates (`7 Reiwa`) read badly. Without the ICU japanese calendar (a small-ICU build) the
 * 和暦 is left out rather than shown wrong.
 */
import type { NotificationLocale } from './notification-tables.js';

const TIME_ZONE = 'Asia/Tokyo';

const GREGORIAN_JA = new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: TIME_ZONE });
const WAREKI = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  dateStyle: 'long',
  timeZone: TIME_ZONE,
});
const HAS_WAREKI = WAREKI.resolvedOptions().calendar === 'japanese';
const GREGORIAN_EN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: TIME_ZONE });

/** The date of `iso` for a notification in `locale`; the text itself when it is not a date. */
export const formatAwardDate = (iso: string, locale: NotificationLocale): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (locale === 'en') return GREGORIAN_EN.format(date);
  const gregorian = GREGORIAN_JA.format(date);
  return HAS_WAREKI ? `${gregorian}（${WAREKI.format(date)}）` : gregorian;
};
