/**
 * The `validity` check of an OB 2.0 assertion: `issuedOn` not in the future, `expires` not past,
 * and `expires` not before `issuedOn`. Dates are ISO 8601 date-times; one without a time zone
 * is read as UTC (as the reference validators read it).
 */
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Milliseconds since the epoch, or `undefined` for anything but an ISO 8601 date-time. */
export const parseOb2DateTime = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const match = DATE_TIME.exec(value);
  if (match === null) return undefined;
  const [, minutes = '', seconds = ':00', zone = 'Z'] = match;
  const offset =
    zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.length === 3
        ? `${zone}:00`
        : zone.includes(':')
          ? zone
          : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const time = Date.parse(`${minutes}${seconds}${offset}`);
  return Number.isNaN(time) ? undefined : time;
};

export const checkOb2Validity = (
  assertion: Record<string, unknown>,
  now: Date,
): VerificationCheck => {
  const { issuedOn, expires } = assertion;
  const issued = parseOb2DateTime(issuedOn);
  if (issued === undefined) {
    return makeCheck('validity', 'failed', 'ERR_OB2_DATE_MALFORMED', {
      property: 'issuedOn',
      value: issuedOn === undefined ? '(missing)' : JSON.stringify(issuedOn),
    });
  }
  const expiry = expires === undefined ? undefined : parseOb2DateTime(expires);
  if (expires !== undefined && expiry === undefined) {
    return makeCheck('validity', 'failed', 'ERR_OB2_DATE_MALFORMED', {
      property: 'expires',
      value: JSON.stringify(expires),
    });
  }
  if (expiry !== undefined && expiry < issued) {
    return makeCheck('validity', 'failed', 'ERR_OB2_EXPIRES_BEFORE_ISSUED', {
      expires: String(expires),
      issuedOn: String(issuedOn),
    });
  }
  if (now.getTime() < issued) {
    return makeCheck('validity', 'failed', 'ERR_VALIDITY_NOT_YET_VALID', {
      date: String(issuedOn),
    });
  }
  if (expiry !== undefined && now.getTime() > expiry) {
    return makeCheck('validity', 'failed', 'ERR_VALIDITY_EXPIRED', { date: String(expires) });
  }
  return makeCheck('validity', 'passed', 'VALIDITY_OK');
};
