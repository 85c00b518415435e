/**
 * The validity policy of an achievement applied to one award: `validUntil` = the award time plus
 * the policy's years, then months, then days, on the calendar of Japan (UTC+9, no daylight
 * saving), the time of day kept. A date that does not exist in the target month becomes that
 * month's last day: 29 February 2024 + 1 year is 28 February 2025, 31 January + 1 month is the
 * last day of February. No policy (or one of zeros) means the award does not expire.
 */
import type { AchievementValidity } from './achievement-schemas.js';

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

const daysInMonth = (year: number, monthIndex: number): number =>
  new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/** `at` moved by the policy; undefined when the policy sets no period. */
export const addValidityPeriod = (
  at: Date,
  { years = 0, months = 0, days = 0 }: AchievementValidity,
): Date | undefined => {
  if (years === 0 && months === 0 && days === 0) return undefined;
  if (Number.isNaN(at.getTime())) throw new TypeError('"awardedAt" is not a valid date.');
  const local = new Date(at.getTime() + JAPAN_OFFSET_MS);
  const totalMonths = local.getUTCFullYear() * 12 + local.getUTCMonth() + years * 12 + months;
  const year = Math.floor(totalMonths / 12);
  const monthIndex = totalMonths - year * 12;
  const day = Math.min(local.getUTCDate(), daysInMonth(year, monthIndex));
  const moved = Date.UTC(
    year,
    monthIndex,
    day + days,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return new Date(moved - JAPAN_OFFSET_MS);
};

/** When an award of `achievement` made at `awardedAt` expires, or undefined if it does not. */
export const computeValidUntil = (
  achievement: { readonly validity?: AchievementValidity | undefined },
  awardedAt: Date,
): Date | undefined =>
  achievement.validity === undefined
    ? undefined
    : addValidityPeriod(awardedAt, achievement.validity);
