import { Type, type Static } from '@sinclair/typebox';
import {
  defineEmbeddedEndorsements,
  defineEndorsementJwtProperty,
} from './embedded-endorsements.js';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineProfile = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: k.uri('Unique URI of the person or organization (a DID or an HTTPS URL).'),
      type: k.typeSet('Profile'),
      // Displayers show the issuer name, so every profile Akashi emits has one.
      name: k.pick(
        k.text('The name of the entity.'),
        Type.Optional(k.text('The name of the entity.')),
      ),
      url: Type.Optional(k.uri('The home page or social media profile of the entity.')),
      phone: Type.Optional(k.text('A phone number.')),
      description: Type.Optional(k.text('A short description of the entity.')),
      endorsement: Type.Optional(defineEmbeddedEndorsements(k)),
      ...defineEndorsementJwtProperty(k),
      image: Type.Optional(k.ref('Image')),
      email: Type.Optional(
        Type.String({ ...k.strictly({ format: 'email' }), description: 'An e-mail address.' }),
      ),
      address: Type.Optional(k.ref('Address')),
      otherIdentifier: Type.Optional(
        k.list(k.ref('IdentifierEntry'), 'A list of identifiers for the described entity.'),
      ),
      official: Type.Optional(k.text('The name of the authorized official of the organization.')),
      parentOrg: Type.Optional(k.ref('Profile')),
      familyName: Type.Optional(k.text('Family name (surname).')),
      givenName: Type.Optional(k.text('Given name.')),
      additionalName: Type.Optional(k.text('Additional name, e.g. a middle name.')),
      patronymicName: Type.Optional(k.text('Patronymic name.')),
      honorificPrefix: Type.Optional(k.text('Honorific prefix(es), e.g. Dr.')),
      honorificSuffix: Type.Optional(k.text('Honorific suffix(es), e.g. M.D.')),
      familyNamePrefix: Type.Optional(k.text('Family name prefix, e.g. de.')),
      dateOfBirth: Type.Optional(
        Type.String({ format: 'date', description: 'Birth date (YYYY-MM-DD).' }),
      ),
    },
    k.model(
      'Profile',
      'A person or organization: the issuer of a credential, the creator of an achievement, an endorser. Strict profiles always have a `name`.',
    ),
  );

/** `Profile` (issuer, creator, source, endorser, parentOrg). */
export const ProfileSchema = defineProfile(strictKit);
export const LenientProfileSchema = defineProfile(lenientKit);
// Interfaces, not aliases: Profile and EndorsementCredential refer to each other, and only an
// interface keeps that recursion lazy for the type checker.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Profile extends Static<typeof ProfileSchema> {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LenientProfile extends Static<typeof LenientProfileSchema> {}
