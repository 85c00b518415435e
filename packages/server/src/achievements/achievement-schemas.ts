/**
 * The shapes of achievements on the wire (TypeBox): what a client sends to create or change one,
 * and what it gets back. Texts are kept exactly as typed (no trimming, no Unicode normalisation:
 * JAPAN.md); Japanese is required, English optional. The limits are here, in one place.
 *
 * Skills are a list of `{ name, url?, framework?, code? }`: in OB 3.0 / OB 2.0 a skill with a URL
 * becomes an alignment (targetType `ceasn:Competency`), a skill without one a tag.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { SingleLineText } from '../organisations/organisation-schemas.js';

export const ACHIEVEMENT_LIMITS = {
  name: 200,
  description: 2000,
  narrative: 10_000,
  evidenceRequirement: 4000,
  url: 2000,
  alignments: 50,
  alignmentText: 500,
  tags: 30,
  tag: 60,
  skills: 50,
  shortText: 200,
  humanCode: 100,
  maxCredits: 1000,
  validityYears: 100,
  validityMonths: 1200,
  validityDays: 36_500,
} as const;

/** Text over several lines: no control characters but tab and line breaks, not blank. */
export const MultiLineText = (maxLength: number, description: string) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern:
      '^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*[^\\s\\x00-\\x1F\\x7F][^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$',
    description,
  });

const HttpsUrl = (description: string) =>
  Type.String({
    format: 'uri',
    maxLength: ACHIEVEMENT_LIMITS.url,
    pattern: '^https://',
    description,
  });

const WebUrl = (description: string) =>
  Type.String({
    format: 'uri',
    maxLength: ACHIEVEMENT_LIMITS.url,
    pattern: '^https?://',
    description,
  });

/** Japanese (required) and English (optional) versions of one text. */
const Localized = <T extends TSchema>(text: T, title: string) =>
  Type.Object({ ja: text, en: Type.Optional(text) }, { additionalProperties: false, title });

export const LocalizedName = Localized(
  SingleLineText(ACHIEVEMENT_LIMITS.name, 'One line.'),
  'LocalizedName',
);
export type LocalizedText = Static<typeof LocalizedName>;

const LocalizedDescription = Localized(
  MultiLineText(ACHIEVEMENT_LIMITS.description, 'Plain text.'),
  'LocalizedDescription',
);
const LocalizedNarrative = Localized(
  MultiLineText(ACHIEVEMENT_LIMITS.narrative, 'Markdown (a safe subset is rendered).'),
  'LocalizedNarrative',
);
const LocalizedEvidenceRequirement = Localized(
  MultiLineText(ACHIEVEMENT_LIMITS.evidenceRequirement, 'What the recipient must submit.'),
  'LocalizedEvidenceRequirement',
);

export const AchievementCriteria = Type.Object(
  {
    url: Type.Optional(HttpsUrl('A page describing the criteria (https).')),
    narrative: Type.Optional(LocalizedNarrative),
  },
  {
    additionalProperties: false,
    title: 'AchievementCriteria',
    description: 'A criteria page URL, a Markdown narrative, or both (at least one).',
  },
);

export const AchievementAlignment = Type.Object(
  {
    targetName: SingleLineText(ACHIEVEMENT_LIMITS.shortText, 'The name of the target.'),
    targetUrl: WebUrl('The official description of the target.'),
    targetDescription: Type.Optional(
      MultiLineText(ACHIEVEMENT_LIMITS.alignmentText, 'A short description of the target.'),
    ),
    targetFramework: Type.Optional(
      SingleLineText(ACHIEVEMENT_LIMITS.shortText, 'The framework, e.g. ESCO, ITSS, DSS.'),
    ),
    targetCode: Type.Optional(
      SingleLineText(ACHIEVEMENT_LIMITS.humanCode, 'The code of the target in its framework.'),
    ),
  },
  { additionalProperties: false, title: 'AchievementAlignment' },
);
export type AchievementAlignment = Static<typeof AchievementAlignment>;

export const AchievementSkill = Type.Object(
  {
    name: SingleLineText(ACHIEVEMENT_LIMITS.shortText, 'The skill, e.g. データ分析.'),
    url: Type.Optional(WebUrl('The skill in its framework; without it the skill is a tag.')),
    framework: Type.Optional(SingleLineText(ACHIEVEMENT_LIMITS.shortText, 'e.g. ESCO, ITSS.')),
    code: Type.Optional(SingleLineText(ACHIEVEMENT_LIMITS.humanCode, 'The code in the framework.')),
  },
  { additionalProperties: false, title: 'AchievementSkill' },
);
export type AchievementSkill = Static<typeof AchievementSkill>;

export const AchievementValidity = Type.Object(
  {
    years: Type.Optional(Type.Integer({ minimum: 0, maximum: ACHIEVEMENT_LIMITS.validityYears })),
    months: Type.Optional(Type.Integer({ minimum: 0, maximum: ACHIEVEMENT_LIMITS.validityMonths })),
    days: Type.Optional(Type.Integer({ minimum: 0, maximum: ACHIEVEMENT_LIMITS.validityDays })),
  },
  {
    additionalProperties: false,
    title: 'AchievementValidity',
    description:
      'How long an award is valid: awarded date + years, then months, then days (a day that does not exist, such as 29 February in a common year, becomes the last day of that month).',
  },
);
export type AchievementValidity = Static<typeof AchievementValidity>;

const AchievementType = Type.String({
  minLength: 1,
  maxLength: 100,
  description:
    'An OB 3.0 achievementType (Badge, Certificate, Certification, Course, MicroCredential, …) or an extension term ext:Name.',
});

/** Every editable field but the department and the issuer profile. */
const definitionProperties = {
  name: LocalizedName,
  description: LocalizedDescription,
  criteria: AchievementCriteria,
  achievementType: Type.Optional(AchievementType),
  alignments: Type.Optional(
    Type.Array(AchievementAlignment, { maxItems: ACHIEVEMENT_LIMITS.alignments }),
  ),
  tags: Type.Optional(
    Type.Array(SingleLineText(ACHIEVEMENT_LIMITS.tag, 'A tag.'), {
      maxItems: ACHIEVEMENT_LIMITS.tags,
    }),
  ),
  skills: Type.Optional(Type.Array(AchievementSkill, { maxItems: ACHIEVEMENT_LIMITS.skills })),
  creditsAvailable: Type.Optional(
    Type.Number({ minimum: 0, maximum: ACHIEVEMENT_LIMITS.maxCredits, description: '単位数.' }),
  ),
  fieldOfStudy: Type.Optional(SingleLineText(ACHIEVEMENT_LIMITS.shortText, '分野.')),
  specialization: Type.Optional(SingleLineText(ACHIEVEMENT_LIMITS.shortText, '専門.')),
  humanCode: Type.Optional(
    SingleLineText(ACHIEVEMENT_LIMITS.humanCode, 'A code people use, e.g. a course code.'),
  ),
  validity: Type.Optional(AchievementValidity),
  evidenceRequirement: Type.Optional(LocalizedEvidenceRequirement),
};

/** The editable fields as stored (`achievements.definition`); lists are always present. */
export const AchievementDefinitionSchema = Type.Object(
  {
    ...definitionProperties,
    alignments: Type.Array(AchievementAlignment),
    tags: Type.Array(Type.String()),
    skills: Type.Array(AchievementSkill),
  },
  { additionalProperties: false, title: 'AchievementDefinition' },
);
export type AchievementDefinition = Static<typeof AchievementDefinitionSchema>;

const DepartmentIdField = Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
  description: 'The department; null (or absent) for an organisation-wide achievement.',
});
const IssuerProfileIdField = Type.String({
  minLength: 1,
  maxLength: 100,
  description:
    "The issuer profile that awards it: the organisation's, or the department's. Default: the organisation's default profile.",
});

export const CreateAchievementBody = Type.Object(
  {
    ...definitionProperties,
    departmentId: Type.Optional(DepartmentIdField),
    issuerProfileId: Type.Optional(IssuerProfileIdField),
  },
  { additionalProperties: false, title: 'CreateAchievementBody' },
);
export type CreateAchievementBody = Static<typeof CreateAchievementBody>;

const Nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

export const UpdateAchievementBody = Type.Object(
  {
    expectedVersion: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The version edited; a different current version is a 409 conflict.',
      }),
    ),
    name: Type.Optional(LocalizedName),
    description: Type.Optional(LocalizedDescription),
    criteria: Type.Optional(AchievementCriteria),
    achievementType: Nullable(AchievementType),
    alignments: definitionProperties.alignments,
    tags: definitionProperties.tags,
    skills: definitionProperties.skills,
    creditsAvailable: Nullable(definitionProperties.creditsAvailable),
    fieldOfStudy: Nullable(definitionProperties.fieldOfStudy),
    specialization: Nullable(definitionProperties.specialization),
    humanCode: Nullable(definitionProperties.humanCode),
    validity: Nullable(AchievementValidity),
    evidenceRequirement: Nullable(LocalizedEvidenceRequirement),
    departmentId: Type.Optional(DepartmentIdField),
    issuerProfileId: Type.Optional(IssuerProfileIdField),
  },
  {
    additionalProperties: false,
    title: 'UpdateAchievementBody',
    description: 'Only the fields sent change; null clears an optional field.',
  },
);
export type UpdateAchievementBody = Static<typeof UpdateAchievementBody>;

export const AchievementView = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    departmentId: Type.Union([Type.String(), Type.Null()]),
    issuerProfileId: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('archived')]),
    version: Type.Integer(),
    ...AchievementDefinitionSchema.properties,
    imageId: Type.Union([Type.String(), Type.Null()]),
    imageMediaType: Type.Union([
      Type.Literal('image/png'),
      Type.Literal('image/svg+xml'),
      Type.Null(),
    ]),
    urls: Type.Object(
      {
        achievement: Type.String({ description: 'The OB 3.0 Achievement (Japanese edition).' }),
        achievementEn: Type.Union([Type.String(), Type.Null()], {
          description: 'The English edition, when the achievement has an English name.',
        }),
        badgeClass: Type.String({ description: 'The OB 2.0 BadgeClass.' }),
        image: Type.String({ description: 'The image (the default image when none).' }),
      },
      { additionalProperties: false },
    ),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    archivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, title: 'Achievement' },
);
export type AchievementView = Static<typeof AchievementView>;

export const AchievementList = Type.Object(
  {
    achievements: Type.Array(AchievementView),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last page.',
    }),
  },
  { additionalProperties: false, title: 'AchievementList' },
);

export const ListAchievementsQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('archived'), Type.Literal('all')], {
        default: 'active',
      }),
    ),
    departmentId: Type.Optional(Type.String({ format: 'uuid' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'In the name.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ListAchievementsQuery = Static<typeof ListAchievementsQuery>;

export const AchievementParams = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    achievementId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);
