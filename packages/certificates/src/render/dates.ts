/**
 * Certificate dates: Gregorian (Japanese or English) and Japanese era (和暦, 令和7年4月1日, with
 * 元年 for an era's first year, as ICU's `ja-JP-u-ca-japanese` calendar prints it).
 *
 * A date-only value (`2025-04-01`) is a calendar day and prints as that day everywhere; a value
 * with a time is shown in the template's time zone (default Asia/Tokyo), so a credential issued
 * at 2025-03-31T15:00:00Z is dated 令和7年4月1日.
 */
import type { DateStyle } from './template-types.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  timeZone: string,
  month: 'long' | 'numeric',
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${month}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, {
      ...(locale.includes('japanese') ? { era: 'long' as const } : {}),
      year: 'numeric',
      month,
      day: 'numeric',
      timeZone,
    });
    formatters.set(key, f);
  }
  return f;
}

/** Parses an ISO 8601 date or date-time; throws on anything else. */
export function parseCertificateDate(value: string): { date: Date; dateOnly: boolean } {
  const m = DATE_ONLY.exec(value);
  if (m !== null) {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (date.toISOString().slice(0, 10) !== value) throw new Error(`invalid date "${value}"`);
    return { date, dateOnly: true };
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) throw new Error(`invalid date "${value}"`);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid date "${value}"`);
  return { date, dateOnly: false };
}

/** Formats an ISO 8601 date in the given style, e.g. `wareki` → 令和7年4月1日. */
export function formatCertificateDate(
  value: string,
  style: DateStyle,
  timeZone = 'Asia/Tokyo',
): string {
  const { date, dateOnly } = parseCertificateDate(value);
  const tz = dateOnly ? 'UTC' : timeZone;
  switch (style) {
    case 'wareki': {
      // ICU prints the first year of an era as 元年 in ja-JP-u-ca-japanese; make sure of it.
      const parts = formatter('ja-JP-u-ca-japanese', tz, 'long').formatToParts(date);
      return parts.map((p) => (p.type === 'year' && p.value === '1' ? '元' : p.value)).join('');
    }
    case 'ja':
      return formatter('ja-JP', tz, 'long').format(date);
    case 'en':
      return formatter('en-GB', tz, 'long').format(date);
    case 'en-us':
      return formatter('en-US', tz, 'long').format(date);
    case 'iso': {
      const parts = formatter('en-CA', tz, 'numeric').formatToParts(date);
      const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
      return `${get('year')}-${get('month').padStart(2, '0')}-${get('day').padStart(2, '0')}`;
    }
  }
}
