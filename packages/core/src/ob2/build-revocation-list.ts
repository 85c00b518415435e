import { assertInputObject, type Loosen } from '../models/builder-input.js';
import { omitUndefinedDeep } from '../models/omit-empty.js';
import { OB_V2_CONTEXT_URL } from './ob2-contexts.js';
import type { RevocationList } from './ob2-models.js';
import { assertStrictOb2Model } from './validate-ob2-model.js';

export type RevocationListInput = Loosen<Omit<RevocationList, '@context' | 'type'>>;

/**
 * Builds an issuer's OB 2.0 RevocationList (served at the Profile's `revocationList` URL):
 * `revokedAssertions` lists assertion ids, or `{ id, revocationReason }` objects. Throws
 * `ERR_CREDENTIAL_INVALID` listing every bad field.
 */
export const buildRevocationList = (input: RevocationListInput): RevocationList => {
  assertInputObject(input);
  return assertStrictOb2Model<RevocationList>(
    'RevocationList',
    omitUndefinedDeep({
      '@context': OB_V2_CONTEXT_URL,
      type: 'RevocationList',
      ...input,
    }) as RevocationList,
  );
};
