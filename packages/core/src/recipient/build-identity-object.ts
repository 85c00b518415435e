import { randomBytes } from 'node:crypto';
import { AkashiError } from '../errors/akashi-error.js';
import { assertStrictModel } from '../models/assert-strict-model.js';
import type { IdentityObject } from '../models/identity-object.js';
import type { IdentifierType } from '../models/vocabularies.js';
import { hashIdentity } from './hash-identity.js';
import { normalizeEmail } from './normalize-email.js';

interface IdentityOptions {
  /** Hash the identity (default `true`). A plaintext identity object leaks personal data. */
  readonly hashed?: boolean | undefined;
  /** Appended before hashing; default 16 random bytes as hex. `''` means no salt. */
  readonly salt?: string | undefined;
}

export type BuildIdentityObjectInput = IdentityOptions &
  (
    | {
        /** An e-mail address, normalised with `normalizeEmail` (trim, ASCII lower case). */
        readonly email: string;
      }
    | {
        /** Any other identity, used exactly as given (never normalised). */
        readonly identity: string;
        /** e.g. `'sourcedId'`, `'name'`, or an extension term such as `'ext:studentNumber'`. */
        readonly identityType: IdentifierType;
      }
  );

/**
 * Builds an IdentityObject for `AchievementSubject.identifier`:
 * `{ type: 'IdentityObject', identityHash, identityType, hashed, salt }`. By default the identity
 * is hashed (`sha256$…`, salt appended) with a fresh random salt; an e-mail address is
 * normalised first. Throws `ERR_CREDENTIAL_INVALID` for an empty identity or an identity type
 * outside the vocabulary.
 */
export const buildIdentityObject = (input: BuildIdentityObjectInput): IdentityObject => {
  const [identity, identityType, field] =
    'email' in input
      ? [normalizeEmail(input.email), 'emailAddress' as const, 'email']
      : [input.identity, input.identityType, 'identity'];
  if (identity === '') {
    throw new AkashiError(
      'ERR_CREDENTIAL_INVALID',
      {
        en: `Invalid IdentityObject: /${field} must not be empty`,
        ja: `IdentityObject に不正な項目があります: /${field} が空です`,
      },
      {
        details: {
          model: 'IdentityObject',
          errors: [{ path: `/${field}`, message: 'must not be empty' }],
        },
      },
    );
  }
  const hashed = input.hashed ?? true;
  if (!hashed) {
    return assertStrictModel<IdentityObject>('IdentityObject', {
      type: 'IdentityObject',
      identityHash: identity,
      identityType,
      hashed: false,
    });
  }
  const salt = input.salt ?? randomBytes(16).toString('hex');
  return assertStrictModel<IdentityObject>('IdentityObject', {
    type: 'IdentityObject',
    identityHash: hashIdentity(identity, salt),
    identityType,
    hashed: true,
    ...(salt === '' ? {} : { salt }),
  });
};
