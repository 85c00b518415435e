import { formatDateTime } from './format-date-time.js';

/**
 * Shapes shared by the builders' inputs. Inputs are convenient (optional members may be
 * `undefined`, lists may be read-only, a lone value may stand for a list); outputs are exact.
 */

/** `T` with `| undefined` allowed on every optional member. */
export type Loosen<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: T[K] | undefined;
};

/** Further `type` members; the model's own type is always added (first). */
export interface TypeInput {
  readonly type?: string | readonly string[] | undefined;
}

/*
 * The shaping helpers below never throw on malformed input from JavaScript callers (a `null`, a
 * lone object where a list belongs): they pass such values through unchanged, and the strict
 * schema check that follows reports them with their paths.
 */

/** `[required, ...extra]`, without duplicates. */
export const shapeTypeSet = (
  required: string,
  extra: string | readonly string[] | undefined,
): string[] => {
  const members: readonly unknown[] = Array.isArray(extra)
    ? extra
    : extra === undefined
      ? []
      : [extra];
  return [required, ...members].filter(
    (member, index, all) => all.indexOf(member) === index,
  ) as string[];
};

/** `shape(value)`, unless the value is absent (`undefined` or `null`): that passes through. */
export const shapeIfPresent = <T, R>(
  value: T,
  shape: (present: NoInfer<NonNullable<T>>) => R,
): R | Extract<T, undefined> =>
  value === undefined || value === null ? (value as Extract<T, undefined>) : shape(value);

/** `map` over an optional list of objects (anything else, list or item, passes through). */
export const mapList = <T extends object, R>(
  list: readonly T[] | undefined,
  map: (item: T) => R,
): R[] | undefined =>
  Array.isArray(list)
    ? list.map((item: unknown) =>
        typeof item === 'object' && item !== null ? map(item as T) : (item as R),
      )
    : (list as undefined);

/** A lone value or a list, as a fresh array (an absent value passes through). */
export const toArray = <T>(value: T | readonly T[] | undefined): T[] | undefined => {
  if (value === undefined || value === null) return value as undefined;
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
};

/**
 * `shaped`, plus the members of `input` it does not have: unknown members are kept (after the
 * known ones) so that the strict schema rejects them by name instead of dropping them silently.
 */
export const withUnknownMembers = <T extends object>(shaped: T, input: object): T => {
  const result: Record<string, unknown> = Object.fromEntries(Object.entries(shaped));
  for (const [key, value] of Object.entries(input)) if (!(key in result)) result[key] = value;
  return result as T;
};

/** Misuse guard for a builder's `input` parameter. */
export const assertInputObject = (input: unknown): void => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError('input: expected an object');
  }
};

/** Dates are accepted as `Date` or as a string; a `Date` is written `YYYY-MM-DDTHH:MM:SSZ`. */
export type DateTimeInput = string | Date;

export const shapeDateTime = (value: DateTimeInput | undefined): string | undefined =>
  value instanceof Date ? formatDateTime(value) : value;
