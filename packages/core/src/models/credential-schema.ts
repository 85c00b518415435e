import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';
import { createEnumSchema } from './vocabularies.js';

/**
 * `credentialSchema` types Akashi emits: the OB 1EdTech validator type (needs the OB
 * `extensions.json` context) and the VC 2.0 types.
 */
export const CREDENTIAL_SCHEMA_TYPES = [
  '1EdTechJsonSchemaValidator2019',
  'JsonSchema',
  'JsonSchemaCredential',
] as const;
export type CredentialSchemaType = (typeof CREDENTIAL_SCHEMA_TYPES)[number];

const defineCredentialSchema = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: k.uri('The URL of the JSON Schema.'),
      type: k.pick(
        createEnumSchema(CREDENTIAL_SCHEMA_TYPES, 'The schema validator type.'),
        k.text('The schema validator type.'),
      ),
    },
    k.model('CredentialSchema', 'A JSON Schema the credential must validate against.'),
  );

export const CredentialSchemaSchema = defineCredentialSchema(strictKit);
export const LenientCredentialSchemaSchema = defineCredentialSchema(lenientKit);
export type CredentialSchema = Static<typeof CredentialSchemaSchema>;
export type LenientCredentialSchema = Static<typeof LenientCredentialSchemaSchema>;
