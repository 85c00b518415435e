/**
 * Calendar months and days in Japan (UTC+9, no daylight saving) for the analytics: which month or
 * day a stored UTC timestamp falls in, where a month starts as a stored timestamp, and every month
 * of a range (so charts show the empty months too).
 */

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `YYYY-MM-DD`: the day in Japan at `now`. */
export const japanDay = (now: Date): string =>
  new Date(now.getTime() + JAPAN_OFFSET_MS).toISOString().slice(0, 10);

/** `YYYY-MM`: the month in Japan at `now`. */
export const japanMonth = (now: Date): string => japanDay(now).slice(0, 7);

/**
 * The month in Japan of a UTC hour written `YYYY-MM-DDTHH` (the first 13 characters of a stored
 * timestamp).
 */
export const japanMonthOfUtcHour = (hour: string): string =>
  new Date(Date.parse(`${hour}:00:00.000Z`) + JAPAN_OFFSET_MS).toISOString().slice(0, 7);

const parseMonth = (month: string): { year: number; index: number } => ({
  year: Number(month.slice(0, 4)),
  index: Number(month.slice(5, 7)) - 1,
});

const formatMonth = (year: number, index: number): string => {
  const date = new Date(Date.UTC(year, index, 1));
  return date.toISOString().slice(0, 7);
};

/** The month `count` months after `month` (before it when negative). */
export const addMonths = (month: string, count: number): string => {
  const { year, index } = parseMonth(month);
  return formatMonth(year, index + count);
};

/** How many months from `from` to `to`, both included (0 or less when `to` is before `from`). */
export const monthsInRange = (from: string, to: string): number => {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return (b.year - a.year) * 12 + (b.index - a.index) + 1;
};

/** Every month from `from` to `to`, both included. */
export const listMonths = (from: string, to: string): string[] =>
  Array.from({ length: Math.max(0, monthsInRange(from, to)) }, (_, i) => addMonths(from, i));

/** The stored (UTC ISO) timestamp at which `month` begins in Japan. */
export const japanMonthStart = (month: string): string => {
  const { year, index } = parseMonth(month);
  return new Date(Date.UTC(year, index, 1) - JAPAN_OFFSET_MS).toISOString();
};
