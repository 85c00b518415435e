import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';
import { ALIGNMENT_TARGET_TYPES, createVocabularySchema } from './vocabularies.js';

const defineAlignment = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      type: k.typeSet('Alignment'),
      targetCode: Type.Optional(
        k.text('A locally unique identifier of the target in its framework.'),
      ),
      targetDescription: Type.Optional(k.text('Short description of the alignment target.')),
      targetName: k.text('Name of the alignment.'),
      targetFramework: Type.Optional(k.text('Name of the framework of the alignment target.')),
      targetType: Type.Optional(
        createVocabularySchema(ALIGNMENT_TARGET_TYPES, 'The type of the alignment target node.'),
      ),
      targetUrl: k.uri('URL of the official description of the alignment target.'),
    },
    k.model(
      'Alignment',
      'An alignment between an achievement and a node in an educational framework.',
    ),
  );

export const AlignmentSchema = defineAlignment(strictKit);
export const LenientAlignmentSchema = defineAlignment(lenientKit);
export type Alignment = Static<typeof AlignmentSchema>;
export type LenientAlignment = Static<typeof LenientAlignmentSchema>;
