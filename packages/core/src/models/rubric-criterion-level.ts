import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineRubricCriterionLevel = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: k.uri('The unique id of the level.'),
      type: k.typeSet('RubricCriterionLevel'),
      alignment: Type.Optional(k.list(k.ref('Alignment'), 'Alignments of this level.')),
      description: Type.Optional(k.text('Description of the rubric criterion level.')),
      level: Type.Optional(k.text('The rubric performance level in terms of success.')),
      name: k.text('The name of the level.'),
      points: Type.Optional(k.text('The points associated with this level.')),
    },
    k.model('RubricCriterionLevel', 'A performance level of a rubric criterion.'),
  );

export const RubricCriterionLevelSchema = defineRubricCriterionLevel(strictKit);
export const LenientRubricCriterionLevelSchema = defineRubricCriterionLevel(lenientKit);
export type RubricCriterionLevel = Static<typeof RubricCriterionLevelSchema>;
export type LenientRubricCriterionLevel = Static<typeof LenientRubricCriterionLevelSchema>;
