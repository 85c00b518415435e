/**
 * The shapes of organisations on the wire: what an applicant sends, what members, operators and
 * the public see. Names are kept exactly as typed (no trimming, no Unicode normalisation: see
 * JAPAN.md); they must hold at least one visible character and no control characters.
 */
import { Type, type Static } from '@sinclair/typebox';

/** One line of text: no control characters, at least one non-space character. */
export const SingleLineText = (maxLength: number, description: string) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern: '^[^\\x00-\\x1F\\x7F]*[^\\s\\x00-\\x1F\\x7F][^\\x00-\\x1F\\x7F]*$',
    description,
  });

/** A DNS host name in ASCII (an internationalised domain in its `xn--` form). */
export const DomainName = Type.String({
  minLength: 4,
  maxLength: 253,
  pattern:
    '^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$',
  description:
    "The organisation's web domain, e.g. example.ac.jp (ASCII; an internationalised domain in its xn-- form). Stored lower-cased.",
});

export const OrganisationTypeSchema = Type.Union(
  [
    Type.Literal('university'),
    Type.Literal('school'),
    Type.Literal('company'),
    Type.Literal('association'),
    Type.Literal('government'),
  ],
  { description: 'university | school | company | association | government' },
);

export const OrganisationStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);

/** LinkedIn's numeric company-page id, for "Add to profile" links of the wallet (ADR 0010). */
export const LinkedInOrganizationId = Type.String({
  minLength: 1,
  maxLength: 20,
  pattern: '^[0-9]+$',
  description:
    "LinkedIn's numeric company-page id (the digits in the page admin's URL linkedin.com/company/{id}/admin/): learners' \"Add to profile\" links then name the organisation with its LinkedIn page and logo. null: none; the issuer name is sent as text.",
});

export const OrganisationIdParams = Type.Object(
  { organisationId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const ApplyForOrganisationBody = Type.Object(
  {
    legalName: SingleLineText(200, 'The legal name, usually in Japanese; kept exactly as typed.'),
    nameEn: SingleLineText(200, 'The name in English.'),
    domain: DomainName,
    contactEmail: Type.String({ format: 'email', maxLength: 254 }),
    type: OrganisationTypeSchema,
    justification: Type.String({
      minLength: 1,
      maxLength: 4000,
      description: 'Why the organisation should be admitted as an issuer (free text).',
    }),
  },
  { additionalProperties: false, title: 'ApplyForOrganisationBody' },
);
export type ApplyForOrganisationBody = Static<typeof ApplyForOrganisationBody>;

const organisationProperties = {
  id: Type.String(),
  legalName: Type.String(),
  nameEn: Type.String(),
  domain: Type.String(),
  type: OrganisationTypeSchema,
};

export const Organisation = Type.Object(
  {
    ...organisationProperties,
    contactEmail: Type.String(),
    status: OrganisationStatusSchema,
    require2fa: Type.Boolean({
      description: 'Every staff action needs a session that passed a second factor.',
    }),
    approvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    linkedinOrganizationId: Type.Union([LinkedInOrganizationId, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'Organisation' },
);
export type Organisation = Static<typeof Organisation>;

export const OrganisationApplication = Type.Object(
  {
    ...organisationProperties,
    contactEmail: Type.String(),
    status: OrganisationStatusSchema,
    justification: Type.String(),
    applicant: Type.Union([
      Type.Object(
        { userId: Type.String(), email: Type.String(), displayName: Type.String() },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'OrganisationApplication' },
);
export type OrganisationApplication = Static<typeof OrganisationApplication>;

export const PublicOrganisation = Type.Object(
  {
    ...organisationProperties,
    approvedAt: Type.String({
      format: 'date-time',
      description: 'When the platform operator approved the organisation as an issuer.',
    }),
  },
  { additionalProperties: false, title: 'PublicOrganisation' },
);
export type PublicOrganisation = Static<typeof PublicOrganisation>;

export const PublicOrganisationList = Type.Object(
  { organisations: Type.Array(PublicOrganisation) },
  { additionalProperties: false, title: 'PublicOrganisationList' },
);

export const OwnOrganisation = Type.Object(
  {
    organisation: Organisation,
    role: Type.Union([Type.Literal('org_admin'), Type.Literal('issuer'), Type.Literal('viewer')]),
    departmentIds: Type.Array(Type.String()),
  },
  { additionalProperties: false, title: 'OwnOrganisation' },
);

export const OwnOrganisationList = Type.Object(
  { memberships: Type.Array(OwnOrganisation) },
  { additionalProperties: false, title: 'OwnOrganisationList' },
);
