/**
 * The request and response shapes of Open Badges 2.1 Badge Connect (ADR 0011), as the spec's
 * OpenAPI binding (`ob_v2p1/schema/openapi3/imsob_v2p1.json`) defines them: every answer carries
 * the status envelope `{ status: { error, statusCode, statusText } }`.
 */
import { Type, type Static } from '@sinclair/typebox';

/** The statusText values the spec enumerates (plus `SERVER_ERROR` for a 5xx, which it does not). */
export const STATUS_TEXTS = [
  'OK',
  'BAD_REQUEST',
  'REQUEST_VALIDATION_ERROR',
  'RECIPIENT_PROFILE_MISMATCH',
  'INVALID_BADGE',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'SERVER_ERROR',
] as const;

export type StatusText = (typeof STATUS_TEXTS)[number];

export const BadgeConnectStatus = Type.Object(
  {
    error: Type.Union([Type.String(), Type.Null()], {
      description: 'null on success; else a human-readable message (Accept-Language: ja or en).',
    }),
    statusCode: Type.Integer({ description: 'The HTTP status of the response.' }),
    statusText: Type.Union(
      STATUS_TEXTS.map((text) => Type.Literal(text)),
      { description: 'The outcome, one of the values the spec enumerates.' },
    ),
  },
  { additionalProperties: false },
);

export const BadgeConnectStatusResponse = Type.Object(
  { status: BadgeConnectStatus },
  { additionalProperties: false, description: 'The status envelope' },
);

export type BadgeConnectStatusResponseValue = Static<typeof BadgeConnectStatusResponse>;

const AbsoluteUrl = Type.String({ format: 'uri' });

export const BadgeConnectManifest = Type.Object(
  {
    '@context': Type.Literal('https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld'),
    id: AbsoluteUrl,
    badgeConnectAPI: Type.Array(
      Type.Object(
        {
          name: Type.String(),
          image: AbsoluteUrl,
          apiBase: AbsoluteUrl,
          version: Type.Literal('v2p1'),
          termsOfServiceUrl: AbsoluteUrl,
          privacyPolicyUrl: AbsoluteUrl,
          scopesOffered: Type.Array(Type.String()),
          registrationUrl: AbsoluteUrl,
          authorizationUrl: AbsoluteUrl,
          tokenUrl: AbsoluteUrl,
          tokenRevocationUrl: AbsoluteUrl,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1 },
    ),
  },
  { additionalProperties: false, description: 'The Badge Connect manifest (one API entry)' },
);

export type BadgeConnectManifestValue = Static<typeof BadgeConnectManifest>;

/** Paging of `GET /assertions`, as the Open Badges 3.0 API pages `getCredentials`. */
export const DEFAULT_ASSERTION_LIMIT = 50;
export const MAX_ASSERTION_LIMIT = 100;

export const AssertionsQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: `Page size (default ${String(DEFAULT_ASSERTION_LIMIT)}; larger values are capped at ${String(MAX_ASSERTION_LIMIT)}).`,
      }),
    ),
    offset: Type.Optional(Type.Integer({ minimum: 0, description: 'Zero-based index.' })),
    since: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Only badges added or updated after this instant (with a time zone).',
      }),
    ),
  },
  { additionalProperties: false },
);

export type AssertionsQueryValue = Static<typeof AssertionsQuery>;

export const AssertionsResponse = Type.Object(
  {
    status: BadgeConnectStatus,
    assertions: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
      description: 'OB 2.0 assertions (JSON-LD), as verified when they came in.',
    }),
    signedAssertions: Type.Array(Type.String(), {
      description: 'OB 2.0 signed assertions (compact JWS), for badges that came signed.',
    }),
  },
  { additionalProperties: false, description: 'A page of the wallet’s OB 2.0 badges' },
);

/** Large enough for an assertion with an embedded BadgeClass and a data: image. */
export const MAX_ASSERTION_BODY_BYTES = 5 * 1024 * 1024;

export const PostAssertionBody = Type.Object(
  {
    assertion: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: 'An OB 2.0 Assertion (hosted: it is fetched again from its id).',
      }),
    ),
    signedAssertion: Type.Optional(
      Type.String({ minLength: 1, description: 'A compact JWS; wins over `assertion`.' }),
    ),
  },
  { additionalProperties: false },
);

export type PostAssertionBodyValue = Static<typeof PostAssertionBody>;

const Profile = Type.Object(
  {
    id: Type.String({ description: 'The profile’s IRI.' }),
    type: Type.Literal('Profile'),
    name: Type.Optional(Type.String()),
    email: Type.Optional(Type.String({ description: 'The primary verified address.' })),
  },
  { additionalProperties: false },
);

export const ProfileResponse = Type.Object(
  { status: BadgeConnectStatus, profile: Profile },
  { additionalProperties: false, description: 'The account’s OB 2.0 Profile' },
);

export type ProfileResponseValue = Static<typeof ProfileResponse>;

export const PostProfileBody = Type.Object(
  {
    id: Type.Optional(Type.String()),
    type: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
    email: Type.Optional(
      Type.Union(
        [
          Type.String({ format: 'email', maxLength: 254 }),
          Type.Array(Type.String({ format: 'email', maxLength: 254 }), { maxItems: 10 }),
        ],
        { description: 'Addresses to add (each is confirmed by a link sent to it).' },
      ),
    ),
  },
  { additionalProperties: true },
);

export type PostProfileBodyValue = Static<typeof PostProfileBody>;
