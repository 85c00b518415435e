import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineCriteria = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: Type.Optional(k.uri('The URI of a web page describing the criteria.')),
      narrative: Type.Optional(
        k.text('A narrative of what is needed to earn the achievement (Markdown).'),
      ),
    },
    {
      ...k.model('Criteria', 'How to earn the achievement. Needs an `id` or a `narrative`.'),
      // The reference validator rejects criteria with neither.
      anyOf: [{ required: ['id'] }, { required: ['narrative'] }],
    },
  );

export const CriteriaSchema = defineCriteria(strictKit);
export const LenientCriteriaSchema = defineCriteria(lenientKit);
export type Criteria = Static<typeof CriteriaSchema>;
export type LenientCriteria = Static<typeof LenientCriteriaSchema>;
