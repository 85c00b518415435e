import { omitUndefinedDeep } from '../models/omit-empty.js';
import { assertInputObject, type Loosen } from '../models/builder-input.js';
import { OB_V2_CONTEXT_URL } from './ob2-contexts.js';
import type { Ob2Profile } from './ob2-models.js';
import { assertStrictOb2Model } from './validate-ob2-model.js';

/** An issuer Profile to build; `type` defaults to `Issuer`. */
export type Ob2ProfileInput = Loosen<Omit<Ob2Profile, '@context' | 'type'>> & {
  readonly type?: 'Issuer' | 'Profile' | undefined;
};

/**
 * Builds an OB 2.0 issuer Profile (`type: 'Issuer'`, with `name`, `url` and `email`, which an
 * issuer needs), hosted at its `id`. List the issuer's CryptographicKey URLs in `publicKey` for
 * signed badges, and its RevocationList URL in `revocationList`. Throws `ERR_CREDENTIAL_INVALID`
 * listing every bad field.
 */
export const buildOb2Profile = (input: Ob2ProfileInput): Ob2Profile => {
  assertInputObject(input);
  const { type, ...rest } = input;
  return assertStrictOb2Model<Ob2Profile>(
    'Profile',
    omitUndefinedDeep({
      '@context': OB_V2_CONTEXT_URL,
      type: type ?? 'Issuer',
      ...rest,
    }) as Ob2Profile,
  );
};
