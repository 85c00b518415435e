import { assertInputObject } from '../models/builder-input.js';
import { randomBytes } from 'node:crypto';
import { hashIdentity } from '../recipient/hash-identity.js';
import { normalizeEmail } from '../recipient/normalize-email.js';
import type { Ob2IdentityObject } from './ob2-models.js';
import { assertStrictOb2Model } from './validate-ob2-model.js';

interface IdentityOptions {
  /** Hash the identity (default `true`). A plaintext identity leaks personal data. */
  readonly hashed?: boolean | undefined;
  /** Appended before hashing; default 16 random bytes as hex. `''` means no salt. */
  readonly salt?: string | undefined;
}

export type BuildOb2IdentityObjectInput = IdentityOptions &
  (
    | {
        /** An e-mail address, normalised with `normalizeEmail` (trim, ASCII lower case). */
        readonly email: string;
      }
    | {
        /** A URL, telephone number or IRI, used exactly as given. */
        readonly identity: string;
        readonly type: 'url' | 'telephone' | 'id';
      }
  );

/**
 * Builds an OB 2.0 `Assertion.recipient`: `{ type: 'email', hashed: true, salt, identity:
 * 'sha256$…' }`. The identity is hashed by default (salt appended, `hashIdentity`), with a fresh
 * random salt; an e-mail address is normalised first. Throws `ERR_CREDENTIAL_INVALID` for an
 * empty identity.
 */
export const buildOb2IdentityObject = (input: BuildOb2IdentityObjectInput): Ob2IdentityObject => {
  assertInputObject(input);
  const [identity, type] =
    'email' in input
      ? [normalizeEmail(input.email), 'email' as const]
      : [input.identity, input.type];
  if (input.hashed === false) {
    return assertStrictOb2Model<Ob2IdentityObject>('IdentityObject', {
      type,
      hashed: false,
      identity,
    });
  }
  const salt = input.salt ?? randomBytes(16).toString('hex');
  return assertStrictOb2Model<Ob2IdentityObject>('IdentityObject', {
    type,
    hashed: true,
    identity: identity === '' ? '' : hashIdentity(identity, salt),
    ...(salt === '' ? {} : { salt }),
  });
};
