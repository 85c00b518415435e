/**
 * What Akashi accepts when it verifies someone else's OB 2.0 badge objects, after they were
 * compacted into the OB 2.0 context: the required members and value types of the reference
 * validators (openbadges-validator-core, and the 1EdTech validator's port of it), with the forms
 * JSON-LD compaction produces (a lone value or a list, an IRI or an embedded node). Unknown
 * members are allowed (extensions). A BadgeClass `image` is optional here, as in both validators.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { Ob2ModelName } from './ob2-models.js';

/** An IRI (lenient: any scheme) or a blank node identifier (`_:b0`). */
const Node = Type.String({ pattern: '^(?:_:|[A-Za-z][A-Za-z0-9+.-]*:)[^\\s]*$' });
const Iri = Type.String({ format: 'iri' });
const Text = Type.String();
const NotDataUri = Type.String({ format: 'iri', pattern: '^(?![Dd][Aa][Tt][Aa]:)' });
const oneOrMany = <T extends TSchema>(item: T) => Type.Union([item, Type.Array(item)]);
const open = (description: string) => ({ description, additionalProperties: true });

const typeContaining = (...members: string[]) =>
  Type.Unsafe<string | string[]>({
    anyOf: [
      { type: 'string', enum: members },
      { type: 'array', items: { type: 'string' }, contains: { enum: members } },
    ],
    description: `The type; must include ${members.join(' or ')}.`,
  });

const optionalType = Type.Optional(oneOrMany(Type.String()));

const IdentityObject = Type.Object(
  {
    type: Type.Union(
      ['email', 'url', 'telephone', 'id'].map((type) => Type.Literal(type)),
      { description: 'The identity type: email, url, telephone or id.' },
    ),
    hashed: Type.Boolean(),
    identity: Type.String({ minLength: 1 }),
    salt: Type.Optional(Text),
  },
  {
    ...open('IdentityObject'),
    if: { type: 'object', properties: { hashed: { const: true } }, required: ['hashed'] },
    then: {
      properties: { identity: { type: 'string', pattern: '^(?:sha256|md5)\\$[0-9a-fA-F]+$' } },
    },
  },
);

const Image = (id: TSchema) =>
  Type.Union([id, Type.Object({ type: optionalType, id }, open('Image'))]);

const Criteria = Type.Object(
  { type: optionalType, id: Type.Optional(Node), narrative: Type.Optional(Text) },
  open('Criteria'),
);

const Evidence = Type.Object(
  {
    type: optionalType,
    id: Type.Optional(Node),
    narrative: Type.Optional(Text),
    name: Type.Optional(Text),
    description: Type.Optional(Text),
    genre: Type.Optional(Text),
    audience: Type.Optional(Text),
  },
  open('Evidence'),
);

const AlignmentObject = Type.Object(
  { type: optionalType, targetName: Text, targetUrl: Iri },
  open('AlignmentObject'),
);

const VerificationObject = Type.Object(
  {
    type: Type.Union(
      ['hosted', 'HostedBadge', 'signed', 'SignedBadge'].map((type) => Type.Literal(type)),
    ),
    creator: Type.Optional(Iri),
  },
  open('VerificationObject'),
);

const VerificationPolicy = Type.Object(
  {
    type: optionalType,
    verificationProperty: Type.Optional(Text),
    startsWith: Type.Optional(oneOrMany(Iri)),
    allowedOrigins: Type.Optional(oneOrMany(Text)),
  },
  open('VerificationObject (issuer policy)'),
);

const Profile = Type.Object(
  {
    id: Iri,
    type: typeContaining('Issuer', 'Profile'),
    name: Text,
    url: Iri,
    email: Type.String({ format: 'email' }),
    telephone: Type.Optional(Text),
    description: Type.Optional(Text),
    image: Type.Optional(Image(Iri)),
    publicKey: Type.Optional(oneOrMany(Type.Union([Iri, Type.Object({ id: Iri })]))),
    verification: Type.Optional(Type.Union([Iri, VerificationPolicy])),
    revocationList: Type.Optional(Iri),
  },
  open('Profile (Issuer)'),
);

const BadgeClass = Type.Object(
  {
    id: Iri,
    type: typeContaining('BadgeClass'),
    name: Text,
    description: Text,
    image: Type.Optional(Image(Iri)),
    criteria: Type.Union([Iri, Criteria]),
    issuer: Type.Union([Iri, Profile]),
    alignment: Type.Optional(oneOrMany(AlignmentObject)),
    tags: Type.Optional(oneOrMany(Text)),
  },
  open('BadgeClass'),
);

const Assertion = Type.Object(
  {
    id: Iri,
    type: typeContaining('Assertion'),
    recipient: IdentityObject,
    badge: Type.Union([Iri, BadgeClass]),
    verification: VerificationObject,
    issuedOn: Text,
    expires: Type.Optional(Text),
    image: Type.Optional(Image(NotDataUri)),
    narrative: Type.Optional(Text),
    evidence: Type.Optional(oneOrMany(Type.Union([Iri, Evidence]))),
    revoked: Type.Optional(Type.Boolean()),
    revocationReason: Type.Optional(Text),
  },
  open('Assertion'),
);

const CryptographicKey = Type.Object(
  {
    id: Type.Optional(Iri),
    type: optionalType,
    owner: Type.Optional(Iri),
    publicKeyPem: Type.Optional(Text),
  },
  open('CryptographicKey'),
);

const RevocationList = Type.Object(
  {
    id: Type.Optional(Iri),
    type: typeContaining('RevocationList'),
    issuer: Type.Optional(Iri),
    revokedAssertions: Type.Optional(
      oneOrMany(
        Type.Union([
          Iri,
          Type.Object(
            { id: Type.Optional(Iri), uid: Type.Optional(Text) },
            open('Revoked assertion'),
          ),
        ]),
      ),
    ),
  },
  open('RevocationList'),
);

const Endorsement = Type.Object(
  {
    id: Iri,
    type: typeContaining('Endorsement'),
    claim: Type.Object({ id: Iri, endorsementComment: Type.Optional(Text) }, open('claim')),
    issuedOn: Text,
    issuer: Type.Union([Iri, Profile]),
    verification: VerificationObject,
  },
  open('Endorsement'),
);

/** The lenient schema of each OB 2.0 class (over compacted JSON). */
export const OB2_LENIENT_SCHEMAS: Readonly<Record<Ob2ModelName, TSchema>> = {
  Assertion,
  BadgeClass,
  Profile,
  CryptographicKey,
  RevocationList,
  IdentityObject,
  VerificationObject,
  Evidence,
  Criteria,
  AlignmentObject,
  Endorsement,
  Image: Type.Object({ type: optionalType, id: Iri }, open('Image')),
};
