/**
 * The e-mail normalisation Akashi applies before hashing an address (the OB specs specify none):
 *
 * 1. Trim leading and trailing white space (`String.prototype.trim`, which includes U+3000
 *    IDEOGRAPHIC SPACE, often typed by Japanese input methods).
 * 2. Lower-case ASCII letters `A`–`Z` only.
 *
 * Nothing else changes: no Unicode normalisation (NFC/NFKC), no case folding beyond ASCII, no
 * removal of dots or `+tags`. Non-ASCII text, Japanese included, is hashed exactly as written.
 * Verifiers also try the raw input (`matchIdentityObject` does).
 */
export const normalizeEmail = (email: string): string =>
  email.trim().replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
