/**
 * The shapes of collections, share links and the public profile on the wire (ADR 0010), for the
 * learner's own routes and the public read side. Names and texts are kept exactly as typed (no
 * trimming, no Unicode normalisation).
 */
import { Type, type Static } from '@sinclair/typebox';
import { SingleLineText } from '../organisations/organisation-schemas.js';
import { VerifyResponse } from '../verification/verification-schemas.js';
import { WalletCredentialSummary } from '../wallet/wallet-summary.js';
import { LinkedInFields } from './linkedin-add-to-profile.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Visibility = Type.Union([Type.Literal('private'), Type.Literal('public')], {
  description: '`public`: shown on the public profile (when it is enabled).',
});

/** The most badges one collection holds. */
export const MAX_COLLECTION_ITEMS = 500;

const Description = Type.String({
  maxLength: 1000,
  description: 'Free text, several lines allowed; kept exactly as typed.',
});

export const CollectionParams = Type.Object(
  { collectionId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const CredentialParams = Type.Object(
  { credentialId: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const ShareLinkParams = Type.Object(
  {
    shareLinkId: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The random id in /s/{id}; anything unknown is 404.',
    }),
  },
  { additionalProperties: false },
);

export const Collection = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    visibility: Visibility,
    position: Type.Integer({ minimum: 0, description: '0 is first.' }),
    count: Type.Integer({ minimum: 0, description: 'How many badges it holds.' }),
    credentialIds: Type.Array(Type.String(), { description: 'Its badges, in order.' }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { additionalProperties: false, title: 'WalletCollection' },
);
export type Collection = Static<typeof Collection>;

export const CollectionList = Type.Object(
  { items: Type.Array(Collection) },
  { additionalProperties: false, title: 'WalletCollectionList' },
);

export const CreateCollectionBody = Type.Object(
  {
    name: SingleLineText(100, 'The name, kept exactly as typed.'),
    description: Type.Optional(Description),
  },
  { additionalProperties: false, title: 'CreateWalletCollectionBody' },
);
export type CreateCollectionBody = Static<typeof CreateCollectionBody>;

export const UpdateCollectionBody = Type.Object(
  {
    name: Type.Optional(SingleLineText(100, 'The name, kept exactly as typed.')),
    description: Type.Optional(Type.Union([Description, Type.Null()])),
    visibility: Type.Optional(Visibility),
    position: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          'Move the collection to this place (0 is first); the others shift. At most the number of collections minus one.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1, title: 'UpdateWalletCollectionBody' },
);
export type UpdateCollectionBody = Static<typeof UpdateCollectionBody>;

export const SetCollectionItemsBody = Type.Object(
  {
    credentialIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      maxItems: MAX_COLLECTION_ITEMS,
      description: "The collection's badges in this order (wallet badge ids, each once).",
    }),
  },
  { additionalProperties: false, title: 'SetWalletCollectionItemsBody' },
);
export type SetCollectionItemsBody = Static<typeof SetCollectionItemsBody>;

export const ShareLink = Type.Object(
  {
    id: Type.String({ description: '128 random bits, base64url.' }),
    credentialId: Type.String(),
    url: Type.String({ description: 'The public page: {PUBLIC_URL}/s/{id}.' }),
    linkedinUrl: Type.String({
      description:
        'Our short redirect to LinkedIn "Add to profile" ({PUBLIC_URL}/s/{id}/linkedin; counts clicks).',
    }),
    views: Type.Integer({ minimum: 0 }),
    linkedinClicks: Type.Integer({ minimum: 0 }),
    createdAt: Type.String(),
  },
  { additionalProperties: false, title: 'WalletShareLink' },
);
export type ShareLink = Static<typeof ShareLink>;

/** A slug: 3–40 of a–z, 0–9 and `-`, neither first nor last a `-`. */
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$';

const OptionalName = (description: string) =>
  Type.Optional(Type.Union([SingleLineText(100, description), Type.Null()]));

export const PutProfileBody = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Whether /p/{slug} is public.' }),
    slug: Type.String({
      minLength: 3,
      maxLength: 40,
      pattern: SLUG_PATTERN,
      description:
        'The address /p/{slug}: 3–40 lower-case letters, digits and hyphens, not starting or ending with a hyphen; some words are reserved.',
    }),
    displayName: SingleLineText(100, 'The name as the learner wants it shown, exactly as typed.'),
    nameKana: OptionalName('The name in kana.'),
    nameRomaji: OptionalName('The name in romaji.'),
    headline: Type.Optional(
      Type.Union([SingleLineText(200, 'One line about the learner.'), Type.Null()]),
    ),
  },
  { additionalProperties: false, title: 'PutWalletProfileBody' },
);
export type PutProfileBody = Static<typeof PutProfileBody>;

export const WalletProfile = Type.Object(
  {
    saved: Type.Boolean({
      description: 'false: no profile yet; the other fields are suggestions.',
    }),
    enabled: Type.Boolean(),
    slug: Type.String(),
    url: Type.String({ description: '{PUBLIC_URL}/p/{slug}' }),
    displayName: Type.String(),
    nameKana: Nullable(Type.String()),
    nameRomaji: Nullable(Type.String()),
    headline: Nullable(Type.String()),
    updatedAt: Nullable(Type.String()),
  },
  { additionalProperties: false, title: 'WalletProfile' },
);
export type WalletProfile = Static<typeof WalletProfile>;

export const ProfileParams = Type.Object(
  { slug: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export const ProfileCredentialParams = Type.Object(
  {
    slug: Type.String({ minLength: 1, maxLength: 100 }),
    credentialId: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

/** A shared badge: its card, and the credential itself (what the holder chose to share). */
export const SharedCredential = Type.Object(
  {
    ...WalletCredentialSummary.properties,
    credential: Type.Record(Type.String(), Type.Unknown(), {
      description:
        'The OB 3.0 credential or OB 2.0 assertion as held (criteria, description, alignments, evidence, results…); an e-mail address given in clear as the recipient is hidden.',
    }),
  },
  { additionalProperties: false, title: 'SharedWalletCredential' },
);

export const LinkedInShare = Type.Object(
  {
    url: Type.String({
      description:
        'The link to give people: our redirect that counts clicks for a share link, else the LinkedIn URL itself.',
    }),
    addToProfileUrl: Type.String({ description: 'The LinkedIn "Add to profile" URL.' }),
    fields: LinkedInFields,
  },
  { additionalProperties: false, title: 'LinkedInShare' },
);

export const Owner = Type.Object(
  {
    displayName: Nullable(
      Type.String({ description: 'The public profile name; null without an enabled profile.' }),
    ),
    profileUrl: Nullable(Type.String({ description: 'The public profile, when enabled.' })),
  },
  { additionalProperties: false },
);

const sharedParts = {
  owner: Owner,
  credential: SharedCredential,
  verification: VerifyResponse,
  linkedin: LinkedInShare,
};

export const PublicShareLink = Type.Object(
  {
    shareLink: Type.Object(
      { id: Type.String(), url: Type.String(), createdAt: Type.String() },
      { additionalProperties: false },
    ),
    ...sharedParts,
  },
  { additionalProperties: false, title: 'PublicShareLink' },
);

export const PublicProfileCredential = Type.Object(
  {
    profile: Type.Object(
      { slug: Type.String(), url: Type.String(), displayName: Type.String() },
      { additionalProperties: false },
    ),
    ...sharedParts,
  },
  { additionalProperties: false, title: 'PublicProfileCredential' },
);

export const LinkedInRedirect = Type.Object(
  { url: Type.String({ description: 'The LinkedIn "Add to profile" URL.' }) },
  { additionalProperties: false, title: 'LinkedInRedirect' },
);

export const PublicProfile = Type.Object(
  {
    slug: Type.String(),
    url: Type.String(),
    displayName: Type.String(),
    nameKana: Nullable(Type.String()),
    nameRomaji: Nullable(Type.String()),
    headline: Nullable(Type.String()),
    credentials: Type.Array(WalletCredentialSummary, {
      description: 'The public badges, newest first.',
    }),
    collections: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          name: Type.String(),
          description: Nullable(Type.String()),
          credentials: Type.Array(WalletCredentialSummary),
        },
        { additionalProperties: false },
      ),
      { description: 'The public collections in order, each with all its badges in order.' },
    ),
  },
  { additionalProperties: false, title: 'PublicWalletProfile' },
);
export type PublicProfile = Static<typeof PublicProfile>;
