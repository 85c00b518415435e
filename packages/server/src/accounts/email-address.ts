/**
 * The form an e-mail address is stored and compared in: ASCII letters lower-cased, nothing else
 * changed (`Hanako.Yamada@Example.ac.jp` and `hanako.yamada@example.ac.jp` are one account).
 * Route schemas accept only ASCII addresses (`format: 'email'`), so no Unicode folding applies.
 */
export const normaliseEmail = (email: string): string =>
  email.trim().replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
