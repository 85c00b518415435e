/**
 * Dates on the badge page, always in Japan time (the platform's users are in Japan; the process
 * time zone is UTC): Japanese pages add the 和暦 date (令和7年4月1日, 元年 handled by ICU), English
 * pages use Gregorian dates only (JAPAN.md §3). The formatting is the web app's (`@akashi/web`
 * kit/dates.ts), so the badge page and the consoles write dates alike.
 */
import { formatDate, formatDateTime } from '@akashi/web';
import type { Language } from '../http/pick-language.js';

/** The calendar date in Japan: `2025年4月1日（令和7年4月1日）` or `1 April 2025`. */
export const formatBadgeDate = (iso: string, language: Language): string =>
  formatDate(iso, language, 'wareki');

/** Date and time in Japan: `2025年4月1日 09:30（日本時間）` or `1 April 2025, 09:30 JST`. */
export const formatBadgeDateTime = (iso: string, language: Language): string =>
  formatDateTime(iso, language);
