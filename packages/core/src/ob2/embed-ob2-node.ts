/**
 * An OB 2.0 object embedded in another (a BadgeClass in an Assertion, a Profile in a
 * BadgeClass) carries no `@context` of its own: the enclosing document's applies.
 */
export const embedOb2Node = <T extends object>(node: T): Omit<T, '@context'> => {
  const { '@context': _context, ...rest } = node as T & { '@context'?: unknown };
  return rest;
};
