import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';
import { IDENTIFIER_TYPES, createVocabularySchema } from './vocabularies.js';

/** The IdentityHash Akashi emits: `sha256$` and 64 hex digits (it never produces md5). */
export const SHA256_IDENTITY_HASH_PATTERN = '^sha256\\$[0-9a-fA-F]{64}$';

const defineIdentityObject = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      type: Type.Literal('IdentityObject', {
        description: "MUST be the single string 'IdentityObject'.",
      }),
      hashed: Type.Boolean({ description: 'Whether or not the `identityHash` value is hashed.' }),
      identityHash: k.text('Either the IdentityHash of the identity or the plaintext value.'),
      identityType: createVocabularySchema(IDENTIFIER_TYPES, 'The identity type.'),
      salt: Type.Optional(Type.String({ description: 'The salt appended before hashing.' })),
    },
    {
      ...k.model(
        'IdentityObject',
        'A collection of information about the recipient of an achievement.',
        { closed: true },
      ),
      // What Akashi emits: a hashed identity is always `sha256$<hex>`. Received identity objects
      // are checked by the recipient check instead (it also accepts md5).
      ...k.strictly({
        if: { type: 'object', properties: { hashed: { const: true } }, required: ['hashed'] },
        then: {
          type: 'object',
          properties: { identityHash: { type: 'string', pattern: SHA256_IDENTITY_HASH_PATTERN } },
        },
      }),
    },
  );

/** `IdentityObject`: `type` is the single string `"IdentityObject"`; no other properties. */
export const IdentityObjectSchema = defineIdentityObject(strictKit);
export const LenientIdentityObjectSchema = defineIdentityObject(lenientKit);
export type IdentityObject = Static<typeof IdentityObjectSchema>;
export type LenientIdentityObject = Static<typeof LenientIdentityObjectSchema>;
