import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineTermsOfUse = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: Type.Optional(k.uri('The id of the policy.')),
      type: k.text('The policy type.'),
    },
    // Open in both variants: the members depend on the policy type.
    k.model('TermsOfUse', 'Terms of use of the credential.', { open: true }),
  );

export const TermsOfUseSchema = defineTermsOfUse(strictKit);
export const LenientTermsOfUseSchema = defineTermsOfUse(lenientKit);
export type TermsOfUse = Static<typeof TermsOfUseSchema>;
export type LenientTermsOfUse = Static<typeof LenientTermsOfUseSchema>;
