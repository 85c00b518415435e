import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';
import { RESULT_STATUSES, createEnumSchema } from './vocabularies.js';

const defineResult = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      type: k.typeSet('Result'),
      achievedLevel: Type.Optional(k.uri('The id of the RubricCriterionLevel achieved.')),
      alignment: Type.Optional(k.list(k.ref('Alignment'), 'Alignments of this result.')),
      resultDescription: Type.Optional(
        k.uri('The id of the ResultDescription (in the same Achievement) this result is for.'),
      ),
      status: Type.Optional(createEnumSchema(RESULT_STATUSES, 'The status of the achievement.')),
      value: Type.Optional(k.text('A grade or value earned.')),
    },
    k.model('Result', 'The result of an assessment, described by a ResultDescription.'),
  );

export const ResultSchema = defineResult(strictKit);
export const LenientResultSchema = defineResult(lenientKit);
export type Result = Static<typeof ResultSchema>;
export type LenientResult = Static<typeof LenientResultSchema>;
