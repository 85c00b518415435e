import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';
import { IDENTIFIER_TYPES, createVocabularySchema } from './vocabularies.js';

const defineIdentifierEntry = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      type: Type.Literal('IdentifierEntry', {
        description: "MUST be the single string 'IdentifierEntry'.",
      }),
      identifier: k.text('An identifier.'),
      identifierType: createVocabularySchema(IDENTIFIER_TYPES, 'The identifier type.'),
    },
    k.model('IdentifierEntry', 'An identifier of the described entity.', { closed: true }),
  );

export const IdentifierEntrySchema = defineIdentifierEntry(strictKit);
export const LenientIdentifierEntrySchema = defineIdentifierEntry(lenientKit);
export type IdentifierEntry = Static<typeof IdentifierEntrySchema>;
export type LenientIdentifierEntry = Static<typeof LenientIdentifierEntrySchema>;
