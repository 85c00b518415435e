/** Throws a TypeError naming the parameter unless `value` is an absolute URL (DIDs included). */
export const assertUrl = (value: unknown, name: string): void => {
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw new TypeError(`"${name}" must be an absolute URL; got ${String(value)}.`);
  }
};
