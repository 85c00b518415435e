import { hashIdentityWith, type IdentityHashAlgorithm } from './hash-identity.js';
import { normalizeEmail } from './normalize-email.js';

/**
 * The members read from an identity object (a `LenientIdentityObject` fits). Values of the wrong
 * type received from a credential make the match fail; they never make it throw.
 */
export interface MatchableIdentityObject {
  readonly hashed?: boolean | undefined;
  /** OB 3.0: the hash or the plaintext identity. */
  readonly identityHash?: string | undefined;
  /** OB 3.0: e.g. `emailAddress`. */
  readonly identityType?: string | undefined;
  /** OB 2.0 (`Assertion.recipient`): the hash or the plaintext identity. */
  readonly identity?: string | undefined;
  /** OB 2.0: the identity type, e.g. `email` (OB 3.0: always `IdentityObject`). */
  readonly type?: string | undefined;
  readonly salt?: string | undefined;
}

const IDENTITY_HASH = /^(sha256|md5)\$([0-9a-f]+)$/i;

/**
 * Does `candidate` (what the verifier was told, e.g. an e-mail address) identify the recipient
 * described by `identityObject`?
 *
 * - Hashed: the `sha256$` or `md5$` hash (md5 is read, never produced) of the candidate plus
 *   the salt is compared with `identityHash`, hex case-insensitively. For an `emailAddress`, the
 *   normalised address (`normalizeEmail`) and the raw input are both tried.
 * - Plaintext: exact equality; for an `emailAddress`, equality of the normalised addresses.
 *
 * Reads OB 3.0 IdentityObjects (`identityHash`, `identityType: emailAddress`) and OB 2.0 ones
 * (`Assertion.recipient`: `identity`, `type: email`). Returns `false` for a malformed identity
 * object; never throws.
 */
export const matchIdentityObject = (
  identityObject: MatchableIdentityObject,
  candidate: string,
): boolean => {
  const { hashed, identityType, salt } = identityObject;
  const identityHash = identityObject.identityHash ?? identityObject.identity;
  if (typeof identityHash !== 'string') return false;
  const isEmail = identityType === 'emailAddress' || identityObject.type === 'email';
  if (hashed === false) {
    return (
      identityHash === candidate ||
      (isEmail && normalizeEmail(identityHash) === normalizeEmail(candidate))
    );
  }
  if (hashed !== true) return false;
  const parsed = IDENTITY_HASH.exec(identityHash);
  if (parsed === null) return false;
  const algorithm = (parsed[1] ?? '').toLowerCase() as IdentityHashAlgorithm;
  const expected = `${algorithm}$${(parsed[2] ?? '').toLowerCase()}`;
  const saltText = typeof salt === 'string' ? salt : '';
  const tries = isEmail ? [normalizeEmail(candidate), candidate] : [candidate];
  return tries.some((identity) => hashIdentityWith(algorithm, identity, saltText) === expected);
};
