/**
 * The Verifiable Credential envelope shared by OpenBadgeCredential and EndorsementCredential:
 * `@context`, `id`, `issuer`, validity dates and the securing members (`proof`, `credentialStatus`,
 * `credentialSchema`, `refreshService`, `termsOfUse`).
 */
import { Type } from '@sinclair/typebox';
import {
  CREDENTIALS_V2_URL,
  OB_V3_CONTEXT_PATTERN,
  OB_V3_CONTEXT_URL,
} from '../contexts/bundled-contexts.js';
import type {
  BitstringStatusListEntry,
  LenientCredentialStatus,
} from './bitstring-status-list-entry.js';
import type { DataIntegrityProof, LenientProof } from './data-integrity-proof.js';
import {
  createDateTimeSchema,
  createModelRef,
  getModelSchemaId,
  type ModelKit,
  type ModelVariant,
} from './model-kit.js';
import type { LenientProfile } from './profile.js';

/**
 * Strict: exactly VC 2.0 then OB 3.0.3, then further context URLs (`extensions.json`).
 * Lenient: VC 2.0 then any OB 3.0 context version, then URLs or inline context objects.
 */
const defineContext = <V extends ModelVariant>(k: ModelKit<V>) =>
  k.pick(
    Type.Unsafe<string[]>({
      type: 'array',
      description:
        'JSON-LD contexts: VC 2.0, OB 3.0.3, then extra contexts such as extensions.json.',
      minItems: 2,
      uniqueItems: true,
      items: [
        { type: 'string', const: CREDENTIALS_V2_URL },
        { type: 'string', const: OB_V3_CONTEXT_URL },
      ],
      additionalItems: { type: 'string', format: 'uri' },
    }),
    Type.Unsafe<(string | Record<string, unknown>)[]>({
      type: 'array',
      description: 'JSON-LD contexts: VC 2.0 first, then an OB 3.0 context, then any others.',
      minItems: 2,
      items: [
        { type: 'string', const: CREDENTIALS_V2_URL },
        { type: 'string', pattern: OB_V3_CONTEXT_PATTERN.source },
      ],
      additionalItems: { anyOf: [{ type: 'string' }, { type: 'object' }] },
    }),
  );

/** Strict: a Profile object (with `name`). Lenient: a Profile object or its URI. */
const defineIssuer = <V extends ModelVariant>(k: ModelKit<V>) =>
  k.pick(
    k.ref('Profile'),
    Type.Unsafe<string | LenientProfile>({
      description: 'The issuer: a Profile, or the URI of one.',
      if: { type: 'string' },
      then: { type: 'string', format: 'iri' },
      else: { $ref: getModelSchemaId('lenient', 'Profile') },
    }),
  );

export const defineCredentialEnvelope = <V extends ModelVariant>(k: ModelKit<V>) => ({
  '@context': defineContext(k),
  id: k.uri('Unambiguous reference to the credential.'),
  issuer: defineIssuer(k),
  validFrom: createDateTimeSchema('When the credential becomes valid.'),
  validUntil: Type.Optional(createDateTimeSchema('When the credential stops being valid.')),
  awardedDate: Type.Optional(createDateTimeSchema('When the credential was first awarded.')),
  name: Type.Optional(k.text('The name of the credential, for display.')),
  description: Type.Optional(k.text('A short description of the credential, for display.')),
  image: Type.Optional(k.ref('Image')),
  proof: Type.Optional(
    k.pick(
      k.list(
        createModelRef<DataIntegrityProof>('strict', 'DataIntegrityProof'),
        'Embedded proofs.',
      ),
      k.oneOrMany(createModelRef<LenientProof>('lenient', 'Proof'), 'Embedded proofs.'),
    ),
  ),
  credentialSchema: Type.Optional(
    k.oneOrMany(k.ref('CredentialSchema'), 'JSON Schemas the credential validates against.'),
  ),
  // Emitted: one entry, as the 1EdTech OB 3.0 JSON Schema requires. Accepted: one or several
  // (VC 2.0 allows a list, e.g. a revocation and a suspension entry).
  credentialStatus: Type.Optional(
    k.pick(
      createModelRef<BitstringStatusListEntry>('strict', 'BitstringStatusListEntry'),
      Type.Union([
        createModelRef<LenientCredentialStatus>('lenient', 'CredentialStatus'),
        Type.Array(createModelRef<LenientCredentialStatus>('lenient', 'CredentialStatus'), {
          minItems: 1,
        }),
      ]),
    ),
  ),
  refreshService: Type.Optional(k.ref('RefreshService')),
  termsOfUse: Type.Optional(k.oneOrMany(k.ref('TermsOfUse'), 'Terms of use.')),
});
