/**
 * Open Badges 2.0 (IMS Final, 2018) models as Akashi emits them: one TypeBox schema per class,
 * TypeScript types inferred from it. These are the strict shapes the builders check their output
 * against: single-string `type`, IRIs in `format: uri`, dates with a time zone, no unknown
 * members except extension properties (a compact or absolute IRI such as `extensions:foo`).
 * Received badges are checked against the lenient shapes in `ob2-lenient-models.ts` instead.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { OB_V2_CONTEXT_URL } from './ob2-contexts.js';

/** Extension members: a compact IRI (`extensions:applyLink`) or an absolute IRI. */
const EXTENSION_MEMBERS = { '^[A-Za-z][A-Za-z0-9+.-]*:.+$': {} };

const closed = (description: string) => ({
  description,
  additionalProperties: false,
  patternProperties: EXTENSION_MEMBERS,
});

const Iri = (description?: string) =>
  Type.String({ format: 'uri', ...(description === undefined ? {} : { description }) });
const Text = (description?: string) =>
  Type.String({ minLength: 1, ...(description === undefined ? {} : { description }) });
const DateTimeZ = (description: string) => Type.String({ format: 'date-time', description });
const Context = Type.Literal(OB_V2_CONTEXT_URL, {
  description: 'The Open Badges 2.0 JSON-LD context.',
});
const oneOrMany = <T extends TSchema>(item: T) =>
  Type.Union([item, Type.Array(item, { minItems: 1 })]);

/** `sha256$` and 64 hex digits: the only identity hash Akashi emits (md5 is read, never made). */
export const OB2_SHA256_IDENTITY_PATTERN = '^sha256\\$[0-9a-f]{64}$';

export const Ob2IdentityObjectSchema = Type.Object(
  {
    type: Type.Union(
      [Type.Literal('email'), Type.Literal('url'), Type.Literal('telephone'), Type.Literal('id')],
      { description: 'The property the identity is a value of.' },
    ),
    hashed: Type.Boolean(),
    identity: Text('The IdentityHash (`sha256$<hex>`) or, when not hashed, the identity itself.'),
    salt: Type.Optional(Type.String({ description: 'Appended to the identity before hashing.' })),
  },
  {
    ...closed('IdentityObject: the recipient of an Assertion.'),
    if: { type: 'object', properties: { hashed: { const: true } }, required: ['hashed'] },
    then: { properties: { identity: { type: 'string', pattern: OB2_SHA256_IDENTITY_PATTERN } } },
  },
);
export type Ob2IdentityObject = Static<typeof Ob2IdentityObjectSchema>;

export const Ob2ImageSchema = Type.Object(
  {
    type: Type.Optional(Type.Literal('Image')),
    id: Iri('The URL or data URI of the image.'),
    caption: Type.Optional(Text()),
    author: Type.Optional(Iri()),
  },
  closed('Image: metadata about an image.'),
);
export type Ob2Image = Static<typeof Ob2ImageSchema>;

export const Ob2CriteriaSchema = Type.Object(
  {
    type: Type.Optional(Type.Literal('Criteria')),
    id: Type.Optional(Iri('A web page describing the criteria.')),
    narrative: Type.Optional(Text('How to earn the badge (Markdown).')),
  },
  {
    ...closed('Criteria: how to earn the badge.'),
    anyOf: [{ required: ['id'] }, { required: ['narrative'] }],
  },
);
export type Ob2Criteria = Static<typeof Ob2CriteriaSchema>;

export const AlignmentObjectSchema = Type.Object(
  {
    type: Type.Optional(Type.Literal('AlignmentObject')),
    targetName: Text(),
    targetUrl: Iri(),
    targetDescription: Type.Optional(Text()),
    targetFramework: Type.Optional(Text()),
    targetCode: Type.Optional(Text()),
  },
  closed('AlignmentObject: an educational standard the badge aligns to.'),
);
export type AlignmentObject = Static<typeof AlignmentObjectSchema>;

export const Ob2EvidenceSchema = Type.Object(
  {
    type: Type.Optional(Type.Literal('Evidence')),
    id: Type.Optional(Iri()),
    narrative: Type.Optional(Text()),
    name: Type.Optional(Text()),
    description: Type.Optional(Text()),
    genre: Type.Optional(Text()),
    audience: Type.Optional(Text()),
  },
  closed('Evidence: work that shows the badge was earned.'),
);
export type Ob2Evidence = Static<typeof Ob2EvidenceSchema>;

export const VerificationObjectSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('HostedBadge'), Type.Literal('SignedBadge')]),
    creator: Type.Optional(Iri('The CryptographicKey that signed the assertion (signed only).')),
  },
  closed('VerificationObject of an Assertion: how to verify it.'),
);
export type VerificationObject = Static<typeof VerificationObjectSchema>;

export const Ob2VerificationPolicySchema = Type.Object(
  {
    type: Type.Optional(Type.Literal('VerificationObject')),
    verificationProperty: Type.Optional(Type.Literal('id')),
    startsWith: Type.Optional(oneOrMany(Iri())),
    allowedOrigins: Type.Optional(oneOrMany(Text('A host name, e.g. badges.example.ac.jp'))),
  },
  closed("VerificationObject of a Profile: the issuer's hosted verification policy."),
);
export type Ob2VerificationPolicy = Static<typeof Ob2VerificationPolicySchema>;

export const Ob2ProfileSchema = Type.Object(
  {
    '@context': Type.Optional(Context),
    type: Type.Union([Type.Literal('Issuer'), Type.Literal('Profile')]),
    id: Iri(),
    name: Text(),
    url: Iri(),
    email: Type.String({ format: 'email' }),
    telephone: Type.Optional(Text()),
    description: Type.Optional(Text()),
    image: Type.Optional(Type.Union([Iri(), Ob2ImageSchema])),
    publicKey: Type.Optional(oneOrMany(Iri())),
    verification: Type.Optional(Ob2VerificationPolicySchema),
    revocationList: Type.Optional(Iri()),
  },
  closed('Profile (Issuer): who issues badges. As an issuer, name, url and email are required.'),
);
export type Ob2Profile = Static<typeof Ob2ProfileSchema>;

export const BadgeClassSchema = Type.Object(
  {
    '@context': Type.Optional(Context),
    type: Type.Literal('BadgeClass'),
    id: Iri(),
    name: Text(),
    description: Text(),
    image: Type.Union([Iri(), Ob2ImageSchema]),
    criteria: Type.Union([Iri(), Ob2CriteriaSchema]),
    issuer: Type.Union([Iri(), Ob2ProfileSchema]),
    alignment: Type.Optional(Type.Array(AlignmentObjectSchema, { minItems: 1 })),
    tags: Type.Optional(Type.Array(Text(), { minItems: 1 })),
  },
  closed('BadgeClass: the achievement a badge stands for.'),
);
export type BadgeClass = Static<typeof BadgeClassSchema>;

/** An Assertion `image` may not be a data: URI (only a BadgeClass image may). */
const AssertionImage = Type.String({ format: 'uri', pattern: '^(?![Dd][Aa][Tt][Aa]:)' });

export const AssertionSchema = Type.Object(
  {
    '@context': Context,
    type: Type.Literal('Assertion'),
    id: Iri('The hosted URL (hosted) or a urn:uuid (signed).'),
    recipient: Ob2IdentityObjectSchema,
    badge: Type.Union([Iri(), BadgeClassSchema]),
    verification: VerificationObjectSchema,
    issuedOn: DateTimeZ('When the badge was awarded.'),
    expires: Type.Optional(DateTimeZ('When the badge expires.')),
    image: Type.Optional(
      Type.Union([
        AssertionImage,
        Type.Object(
          {
            type: Type.Optional(Type.Literal('Image')),
            id: AssertionImage,
            caption: Type.Optional(Text()),
            author: Type.Optional(Iri()),
          },
          closed('The baked image of this award (not a data: URI).'),
        ),
      ]),
    ),
    evidence: Type.Optional(
      Type.Union([Iri(), Ob2EvidenceSchema, Type.Array(Type.Union([Iri(), Ob2EvidenceSchema]))]),
    ),
    narrative: Type.Optional(Text()),
    revoked: Type.Optional(Type.Boolean()),
    revocationReason: Type.Optional(Text()),
  },
  closed('Assertion: one award of a BadgeClass to a recipient.'),
);
export type Assertion = Static<typeof AssertionSchema>;

export const CryptographicKeySchema = Type.Object(
  {
    '@context': Type.Optional(Context),
    type: Type.Literal('CryptographicKey'),
    id: Iri(),
    owner: Iri('The issuer Profile id; the Profile lists this key under publicKey.'),
    publicKeyPem: Text('The public key, PEM-encoded (SPKI).'),
  },
  closed('CryptographicKey: a public key of an issuer.'),
);
export type CryptographicKey = Static<typeof CryptographicKeySchema>;

export const RevokedAssertionSchema = Type.Object(
  {
    id: Type.Optional(Iri()),
    uid: Type.Optional(Text()),
    revocationReason: Type.Optional(Text()),
  },
  { ...closed('A revoked assertion.'), anyOf: [{ required: ['id'] }, { required: ['uid'] }] },
);
export type RevokedAssertion = Static<typeof RevokedAssertionSchema>;

export const RevocationListSchema = Type.Object(
  {
    '@context': Type.Optional(Context),
    type: Type.Literal('RevocationList'),
    id: Type.Optional(Iri()),
    issuer: Type.Optional(Iri()),
    revokedAssertions: Type.Array(Type.Union([Iri(), RevokedAssertionSchema])),
  },
  closed('RevocationList: the signed assertions an issuer has revoked.'),
);
export type RevocationList = Static<typeof RevocationListSchema>;

export const Ob2EndorsementSchema = Type.Object(
  {
    '@context': Type.Optional(Context),
    type: Type.Literal('Endorsement'),
    id: Iri(),
    claim: Type.Object(
      { id: Iri('The endorsed object.'), endorsementComment: Type.Optional(Text()) },
      closed('The claim: the endorsed id and a comment.'),
    ),
    issuer: Type.Union([Iri(), Ob2ProfileSchema]),
    issuedOn: DateTimeZ('When the endorsement was made.'),
    verification: VerificationObjectSchema,
  },
  closed('Endorsement: a third party vouching for a BadgeClass, Profile or Assertion.'),
);
export type Ob2Endorsement = Static<typeof Ob2EndorsementSchema>;

/** The strict schema of each OB 2.0 class. */
export const OB2_STRICT_SCHEMAS = {
  Assertion: AssertionSchema,
  BadgeClass: BadgeClassSchema,
  Profile: Ob2ProfileSchema,
  CryptographicKey: CryptographicKeySchema,
  RevocationList: RevocationListSchema,
  IdentityObject: Ob2IdentityObjectSchema,
  VerificationObject: VerificationObjectSchema,
  Evidence: Ob2EvidenceSchema,
  Criteria: Ob2CriteriaSchema,
  AlignmentObject: AlignmentObjectSchema,
  Endorsement: Ob2EndorsementSchema,
  Image: Ob2ImageSchema,
} as const;

export type Ob2ModelName = keyof typeof OB2_STRICT_SCHEMAS;
