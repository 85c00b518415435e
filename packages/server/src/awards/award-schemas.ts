/** The shapes of awards on the wire: what staff send to award, and what they read back. */
import { Type, type Static } from '@sinclair/typebox';
import { SingleLineText } from '../organisations/organisation-schemas.js';

const DateOrDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  description: 'A calendar date (YYYY-MM-DD, that day in Japan) or an ISO 8601 date-time.',
});

export const AwardRecipientBody = Type.Object(
  {
    email: Type.String({ format: 'email', description: 'Hashed (salted) into the credential.' }),
    name: Type.Optional(SingleLineText(200, '氏名 exactly as it should appear; never normalised.')),
    nameKana: Type.Optional(SingleLineText(200, 'The name in kana (フリガナ).')),
    nameRomaji: Type.Optional(SingleLineText(200, 'The name in Latin letters.')),
    did: Type.Optional(
      Type.String({
        maxLength: 2048,
        pattern: '^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$',
        description: "The recipient's DID: the credential is then also issued as a VC-JWT.",
      }),
    ),
  },
  { additionalProperties: false, title: 'AwardRecipient' },
);

const Evidence = Type.Object(
  {
    url: Type.Optional(Type.String({ format: 'uri', maxLength: 2048 })),
    narrative: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
  },
  { additionalProperties: false, minProperties: 1, title: 'AwardEvidence' },
);

export const AwardBody = Type.Object(
  {
    recipient: AwardRecipientBody,
    externalId: Type.Optional(SingleLineText(100, '学籍番号, 社員番号…, kept as text.')),
    idempotencyKey: Type.Optional(
      SingleLineText(200, 'Sending the same key again returns the award made the first time.'),
    ),
    awardedDate: Type.Optional(DateOrDateTime),
    validFrom: Type.Optional(DateOrDateTime),
    validUntil: Type.Optional(DateOrDateTime),
    evidence: Type.Optional(Type.Array(Evidence, { maxItems: 20 })),
    narrative: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
    locale: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
    suspendable: Type.Optional(
      Type.Boolean({
        description:
          'Also give the credential a suspension status entry (it then carries two entries, which the 1EdTech JSON Schema does not allow).',
      }),
    ),
    notify: Type.Optional(Type.Boolean({ description: 'E-mail the recipient (default true).' })),
  },
  { additionalProperties: false, title: 'AwardBody' },
);
export type AwardBody = Static<typeof AwardBody>;

export const AwardView = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    departmentId: Type.Union([Type.String(), Type.Null()]),
    achievementId: Type.String(),
    issuerProfileId: Type.String(),
    state: Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('suspended')]),
    stateReason: Type.Union([Type.String(), Type.Null()]),
    recipient: Type.Object({
      email: Type.String(),
      name: Type.Union([Type.String(), Type.Null()]),
      nameKana: Type.Union([Type.String(), Type.Null()]),
      nameRomaji: Type.Union([Type.String(), Type.Null()]),
      did: Type.Union([Type.String(), Type.Null()]),
      identity: Type.String({ description: 'sha256$… of the normalised e-mail with the salt.' }),
      public: Type.Boolean(),
    }),
    externalId: Type.Union([Type.String(), Type.Null()]),
    idempotencyKey: Type.String(),
    awardedAt: Type.String({ format: 'date-time' }),
    validFrom: Type.String({ format: 'date-time' }),
    validUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    suspendable: Type.Boolean(),
    replacesAwardId: Type.Union([Type.String(), Type.Null()]),
    replacedByAwardId: Type.Union([Type.String(), Type.Null()]),
    bulkJobId: Type.Union([Type.String(), Type.Null()]),
    links: Type.Object({
      badgePage: Type.String(),
      credential: Type.String(),
      credentialJwt: Type.Union([Type.String(), Type.Null()]),
      ob2Assertion: Type.String(),
      ob2SignedAssertion: Type.String(),
      bakedImage: Type.String(),
      ob2BakedImage: Type.String(),
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, title: 'Award' },
);
export type AwardView = Static<typeof AwardView>;

export const AwardWithCredential = Type.Object(
  {
    award: AwardView,
    created: Type.Boolean({
      description: 'false when the idempotency key named an earlier award.',
    }),
    credential: Type.Record(Type.String(), Type.Unknown(), {
      description: 'The signed OB 3.0 credential.',
    }),
  },
  { additionalProperties: false, title: 'AwardWithCredential' },
);

export const AwardPage = Type.Object(
  {
    awards: Type.Array(AwardView),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false, title: 'AwardPage' },
);

export const AwardListQuery = Type.Object(
  {
    achievementId: Type.Optional(Type.String({ format: 'uuid' })),
    state: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('suspended')]),
    ),
    email: Type.Optional(Type.String({ maxLength: 254, description: 'Exact recipient e-mail.' })),
    externalId: Type.Optional(Type.String({ maxLength: 100 })),
    bulkJobId: Type.Optional(Type.String({ format: 'uuid' })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          "Search: a part of the recipient's e-mail, name (as stored: kanji, kana or romaji) or external id; case-insensitive for Latin letters.",
      }),
    ),
    awardedFrom: Type.Optional(
      Type.String({ format: 'date-time', description: 'Awarded at or after this instant.' }),
    ),
    awardedTo: Type.Optional(
      Type.String({ format: 'date-time', description: 'Awarded before this instant.' }),
    ),
    validity: Type.Optional(
      Type.Union([Type.Literal('current'), Type.Literal('expired')], {
        description: 'current: no end date, or one still ahead; expired: the end date has passed.',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const OrganisationParams = Type.Object(
  { organisationId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const OrganisationAwardParams = Type.Object(
  { organisationId: Type.String({ format: 'uuid' }), awardId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const AchievementAwardParams = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    achievementId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object(
  { reason: SingleLineText(500, 'Why; shown on the badge page and sent to webhooks.') },
  { additionalProperties: false, title: 'AwardStateReason' },
);

export const ReissueBody = Type.Object(
  {
    recipient: Type.Optional(AwardRecipientBody),
    validUntil: Type.Optional(DateOrDateTime),
    evidence: Type.Optional(Type.Array(Evidence, { maxItems: 20 })),
    narrative: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
    suspendable: Type.Optional(Type.Boolean()),
    notify: Type.Optional(Type.Boolean()),
    locale: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
  },
  { additionalProperties: false, title: 'ReissueBody' },
);

export const ReissueResult = Type.Object(
  { award: AwardView, previous: AwardView },
  { additionalProperties: false, title: 'ReissueResult' },
);
