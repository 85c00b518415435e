/**
 * The string formats route schemas may use (`Type.String({ format: 'email' })`), registered with
 * TypeBox. A format not listed here fails validation ("must be a valid …") rather than passing
 * unchecked. Registering is idempotent.
 */
import { FormatRegistry } from '@sinclair/typebox';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

const isDate = (value: string): boolean => {
  const match = DATE.exec(value);
  if (match === null) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

export const STRING_FORMATS: Readonly<Record<string, (value: string) => boolean>> = {
  date: isDate,
  'date-time': (value) =>
    DATE_TIME.test(value) && isDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value)),
  email: (value) => value.length <= 254 && EMAIL.test(value),
  uri: (value) => URI_SCHEME.test(value) && URL.canParse(value),
  uuid: (value) => UUID.test(value),
};

export const registerStringFormats = (): void => {
  for (const [name, check] of Object.entries(STRING_FORMATS)) {
    if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
  }
};
