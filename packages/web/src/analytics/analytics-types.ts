/**
 * The analytics API's answer as the overview reads it
 * (`GET /api/v1/organisations/{id}/analytics`), and how its months and numbers are written on the
 * page: `2025年4月` / `Apr 2025`, `1,234`.
 */
import type { Language } from '../kit/language.js';

export type VerificationSource = 'badge-page' | 'verify-page' | 'vc-api';

export const VERIFICATION_SOURCES: readonly VerificationSource[] = [
  'badge-page',
  'verify-page',
  'vc-api',
];

export interface AnalyticsView {
  readonly from: string;
  readonly to: string;
  readonly awardsPerMonth: readonly {
    readonly month: string;
    readonly issued: number;
    readonly revoked: number;
  }[];
  readonly awardsPerAchievement: readonly {
    readonly achievementId: string;
    readonly name: { readonly ja: string; readonly en?: string };
    readonly issued: number;
  }[];
  readonly verifications: {
    readonly total: number;
    readonly perMonth: readonly { readonly month: string; readonly count: number }[];
    readonly bySource: Readonly<Record<VerificationSource, number>>;
  };
  readonly totals: {
    readonly awards: number;
    readonly active: number;
    readonly revoked: number;
    readonly suspended: number;
  };
}

const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const parts = (month: string): { year: number; month: number } => ({
  year: Number(month.slice(0, 4)),
  month: Number(month.slice(5, 7)),
});

/** `2025年4月` / `Apr 2025`. */
export const monthLabel = (month: string, language: Language): string => {
  const p = parts(month);
  return language === 'ja'
    ? `${String(p.year)}年${String(p.month)}月`
    : `${MONTHS_EN[p.month - 1] ?? ''} ${String(p.year)}`;
};

/** `4月` / `Apr`: the month alone, under a bar. */
export const shortMonthLabel = (month: string, language: Language): string => {
  const p = parts(month);
  return language === 'ja' ? `${String(p.month)}月` : (MONTHS_EN[p.month - 1] ?? '');
};

/** `2025年` / `2025`: the year, under the first bar of each year. */
export const yearLabel = (month: string, language: Language): string =>
  language === 'ja' ? `${month.slice(0, 4)}年` : month.slice(0, 4);

const NUMBER = { ja: new Intl.NumberFormat('ja-JP'), en: new Intl.NumberFormat('en-GB') };

/** `1,234`. */
export const formatCount = (value: number, language: Language): string =>
  NUMBER[language].format(value);

/** The badge's name in the page's language (Japanese when it has no English name). */
export const badgeName = (
  name: { readonly ja: string; readonly en?: string },
  language: Language,
) => (language === 'en' && name.en !== undefined && name.en !== '' ? name.en : name.ja);

/** `YYYY-MM` of the month in Japan now. */
export const currentJapanMonth = (now: Date): string =>
  new Date(now.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 7);
