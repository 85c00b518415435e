import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';
import { RESULT_TYPES, createVocabularySchema } from './vocabularies.js';

const defineResultDescription = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: k.uri('The unique id of the result description.'),
      type: k.typeSet('ResultDescription'),
      alignment: Type.Optional(
        k.list(k.ref('Alignment'), 'Alignments of this result description.'),
      ),
      allowedValue: Type.Optional(
        k.list(k.text(), 'An ordered list of allowed values, lowest first.'),
      ),
      name: k.text('The name of the result.'),
      requiredLevel: Type.Optional(k.uri('The id of the rubric criterion level required to pass.')),
      requiredValue: Type.Optional(
        k.text('A value from `allowedValue`, or within the range, required to pass.'),
      ),
      resultType: createVocabularySchema(
        RESULT_TYPES,
        'The type of result this description represents.',
      ),
      rubricCriterionLevel: Type.Optional(
        k.list(k.ref('RubricCriterionLevel'), 'An ordered array of rubric criterion levels.'),
      ),
      valueMax: Type.Optional(k.text('The maximum possible `value` that may be asserted.')),
      valueMin: Type.Optional(k.text('The minimum possible `value` that may be asserted.')),
    },
    k.model('ResultDescription', 'Describes a possible achievement result.'),
  );

export const ResultDescriptionSchema = defineResultDescription(strictKit);
export const LenientResultDescriptionSchema = defineResultDescription(lenientKit);
export type ResultDescription = Static<typeof ResultDescriptionSchema>;
export type LenientResultDescription = Static<typeof LenientResultDescriptionSchema>;
