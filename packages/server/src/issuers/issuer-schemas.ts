/**
 * The shapes of issuer profiles and their keys on the wire. Names are kept exactly as typed
 * (JAPAN.md): no trimming, no Unicode normalisation.
 */
import { Type, type Static } from '@sinclair/typebox';
import { SingleLineText } from '../organisations/organisation-schemas.js';

const IdentifierMethod = Type.Union(
  [Type.Literal('did:web'), Type.Literal('did:key'), Type.Literal('https')],
  {
    description:
      'How the issuer is named in OB 3.0 credentials: did:web (default when the platform is served over https), did:key, or the https profile URL. Fixed at creation.',
  },
);

const Names = Type.Object(
  {
    ja: SingleLineText(200, 'The name in Japanese, kept exactly as typed.'),
    en: SingleLineText(200, 'The name in English.'),
  },
  { additionalProperties: false, description: 'The name in Japanese and English (both required).' },
);

const Description = (maxLength: number) =>
  Type.String({ maxLength, description: 'Free text; empty for none.' });

const Descriptions = Type.Object(
  { ja: Type.Optional(Description(2000)), en: Type.Optional(Description(2000)) },
  { additionalProperties: false },
);

const WebSite = Type.String({
  format: 'uri',
  maxLength: 2000,
  description: "The issuer's web site (https).",
});
const Email = Type.String({ format: 'email', maxLength: 254 });
const ImageId = Type.Union([Type.String({ pattern: '^[0-9a-f]{64}$' }), Type.Null()], {
  description: 'An image uploaded to the platform (its SHA-256 id), or null for none.',
});

export const CreateIssuerProfileBody = Type.Object(
  {
    departmentId: Type.Optional(
      Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
        description:
          "The department this profile issues for; absent or null for the organisation's default profile.",
      }),
    ),
    name: Names,
    url: WebSite,
    email: Email,
    description: Type.Optional(Descriptions),
    imageId: Type.Optional(ImageId),
    identifierMethod: Type.Optional(IdentifierMethod),
  },
  { additionalProperties: false, title: 'CreateIssuerProfileBody' },
);
export type CreateIssuerProfileBody = Static<typeof CreateIssuerProfileBody>;

export const UpdateIssuerProfileBody = Type.Object(
  {
    name: Type.Optional(Names),
    url: Type.Optional(WebSite),
    email: Type.Optional(Email),
    description: Type.Optional(Descriptions),
    imageId: Type.Optional(ImageId),
  },
  { additionalProperties: false, title: 'UpdateIssuerProfileBody', minProperties: 1 },
);
export type UpdateIssuerProfileBody = Static<typeof UpdateIssuerProfileBody>;

export const RotateIssuerKeysBody = Type.Object(
  {
    algorithms: Type.Optional(
      Type.Array(Type.Union([Type.Literal('ed25519'), Type.Literal('rsa')]), {
        minItems: 1,
        maxItems: 2,
        uniqueItems: true,
        description: 'The keys to replace (default both).',
      }),
    ),
  },
  { additionalProperties: false, title: 'RotateIssuerKeysBody' },
);
export type RotateIssuerKeysBody = Static<typeof RotateIssuerKeysBody>;

export const IssuerProfileSchema = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    departmentId: Type.Union([Type.String(), Type.Null()]),
    isDefault: Type.Boolean(),
    name: Type.Object({ ja: Type.String(), en: Type.String() }),
    url: Type.String(),
    email: Type.String(),
    description: Type.Object({ ja: Type.String(), en: Type.String() }),
    imageId: Type.Union([Type.String(), Type.Null()]),
    identifierMethod: IdentifierMethod,
    identifier: Type.String({ description: 'The OB 3.0 issuer id.' }),
    profileUrl: Type.String({ description: 'The public OB 2.0 Profile / HTML page.' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    archivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, title: 'IssuerProfile' },
);

export const IssuerProfileList = Type.Object(
  { issuers: Type.Array(IssuerProfileSchema) },
  { additionalProperties: false, title: 'IssuerProfileList' },
);

export const IssuerKeySchema = Type.Object(
  {
    kid: Type.String(),
    algorithm: Type.Union([Type.Literal('ed25519'), Type.Literal('rsa')]),
    alg: Type.String({ description: 'The JOSE alg: EdDSA or RS256.' }),
    version: Type.Integer(),
    status: Type.Union([Type.Literal('current'), Type.Literal('retired')]),
    createdAt: Type.String({ format: 'date-time' }),
    activatedAt: Type.String({ format: 'date-time' }),
    retiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    documentUrl: Type.String({ description: 'The public key document.' }),
    publicJwk: Type.Record(Type.String(), Type.Unknown()),
    publicKeyMultibase: Type.Optional(Type.String()),
  },
  { additionalProperties: false, title: 'IssuerKey' },
);

export const IssuerKeyList = Type.Object(
  { keys: Type.Array(IssuerKeySchema) },
  { additionalProperties: false, title: 'IssuerKeyList' },
);

export const RotateIssuerKeysResult = Type.Object(
  { issuer: IssuerProfileSchema, rotated: Type.Array(IssuerKeySchema) },
  { additionalProperties: false, title: 'RotateIssuerKeysResult' },
);

export const IssuerParams = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    issuerId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);

export const ListIssuersQuery = Type.Object(
  {
    includeArchived: Type.Optional(
      Type.Boolean({ default: false, description: 'Also list archived profiles.' }),
    ),
  },
  { additionalProperties: false },
);
