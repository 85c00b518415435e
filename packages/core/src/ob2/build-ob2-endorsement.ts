import {
  assertInputObject,
  shapeDateTime,
  type DateTimeInput,
  type Loosen,
} from '../models/builder-input.js';
import { omitUndefinedDeep } from '../models/omit-empty.js';
import { embedOb2Node } from './embed-ob2-node.js';
import { OB_V2_CONTEXT_URL } from './ob2-contexts.js';
import type { Ob2Endorsement } from './ob2-models.js';
import { assertStrictOb2Model } from './validate-ob2-model.js';

export type Ob2EndorsementInput = Loosen<Omit<Ob2Endorsement, '@context' | 'type' | 'issuedOn'>> & {
  readonly issuedOn: DateTimeInput;
};

/**
 * Builds an OB 2.0 Endorsement: `claim.id` is the endorsed BadgeClass, Profile or Assertion,
 * `issuer` the endorser. Verified like an Assertion (hosted at its `id`, or signed). Throws
 * `ERR_CREDENTIAL_INVALID` listing every bad field.
 */
export const buildOb2Endorsement = (input: Ob2EndorsementInput): Ob2Endorsement => {
  assertInputObject(input);
  const issuer = typeof input.issuer === 'object' ? embedOb2Node(input.issuer) : input.issuer;
  return assertStrictOb2Model<Ob2Endorsement>(
    'Endorsement',
    omitUndefinedDeep({
      '@context': OB_V2_CONTEXT_URL,
      type: 'Endorsement',
      ...input,
      issuer,
      issuedOn: shapeDateTime(input.issuedOn),
    }) as Ob2Endorsement,
  );
};
