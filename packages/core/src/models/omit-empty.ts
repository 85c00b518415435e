/** Members that may be undefined become optional members that are never undefined. */
export type Present<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * A shallow copy of `value` without the members whose value is `undefined` or an empty array, so
 * emitted JSON has no undefined members and no empty arrays (§2.2: omit them).
 */
export const omitEmpty = <T extends object>(value: T): Present<T> => {
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) continue;
    if (Array.isArray(member) && member.length === 0) continue;
    result[key] = member;
  }
  return result as Present<T>;
};

/**
 * A deep copy of `value` without `undefined` members, at any depth: the builders' last step,
 * for objects a caller passed through as they were (identity objects, endorsements). An
 * `undefined` array item is kept, for the schema check to report.
 */
export const omitUndefinedDeep = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map((item: unknown) => omitUndefinedDeep(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) result[key] = omitUndefinedDeep(member);
  }
  return result as T;
};
