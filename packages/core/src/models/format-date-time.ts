/**
 * `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds, no milliseconds): the form Akashi emits for every
 * DateTimeZ (`validFrom`, `validUntil`, `awardedDate`, proof `created`).
 */
export const formatDateTime = (date: Date): string => {
  if (Number.isNaN(date.getTime())) throw new TypeError('date: not a valid Date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
};
