/** The `validity` check: validFrom / validUntil (VC 1.1: issuanceDate / expirationDate). */
import { makeCheck, type VerificationCheck } from './verification-report.js';

// XML Schema dateTimeStamp: a date-time with a mandatory time zone.
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const parseDate = (value: unknown): number | undefined =>
  typeof value === 'string' && DATE_TIME_STAMP.test(value) ? Date.parse(value) : undefined;

export const checkValidity = (
  credential: Record<string, unknown>,
  now: Date,
): VerificationCheck => {
  const v1 = credential.validFrom === undefined && credential.issuanceDate !== undefined;
  const fromProperty = v1 ? 'issuanceDate' : 'validFrom';
  const untilProperty =
    v1 || (credential.validUntil === undefined && credential.expirationDate !== undefined)
      ? 'expirationDate'
      : 'validUntil';
  const fromValue = credential[fromProperty];
  const untilValue = credential[untilProperty];
  if (fromValue === undefined) return makeCheck('validity', 'failed', 'ERR_VALIDITY_MISSING');
  const from = parseDate(fromValue);
  if (from === undefined || Number.isNaN(from)) {
    return makeCheck('validity', 'failed', 'ERR_VALIDITY_MALFORMED', { property: fromProperty });
  }
  const until = untilValue === undefined ? undefined : parseDate(untilValue);
  if (untilValue !== undefined && (until === undefined || Number.isNaN(until))) {
    return makeCheck('validity', 'failed', 'ERR_VALIDITY_MALFORMED', { property: untilProperty });
  }
  const time = now.getTime();
  if (time < from)
    return makeCheck('validity', 'failed', 'ERR_VALIDITY_NOT_YET_VALID', {
      date: typeof fromValue === 'string' ? fromValue : '',
    });
  if (until !== undefined && time > until) {
    return makeCheck('validity', 'failed', 'ERR_VALIDITY_EXPIRED', {
      date: typeof untilValue === 'string' ? untilValue : '',
    });
  }
  return makeCheck('validity', 'passed', 'VALIDITY_OK');
};
