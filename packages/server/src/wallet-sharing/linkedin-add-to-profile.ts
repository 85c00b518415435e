/**
 * LinkedIn "Add to profile" (certification) links, as PROTOCOLS.md §4 describes them:
 *
 *   https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=…&organizationId=…
 *     &issueYear=2026&issueMonth=4&expirationYear=…&expirationMonth=…&certUrl=…&certId=…
 *
 * Built with `URLSearchParams`, so names with `&`, `#` or Japanese text arrive intact. The
 * organisation is LinkedIn's numeric company-page id when the issuing organisation set one (the
 * logo and the company link then appear), else its name as free text. Months are 1–12, in Japan
 * time (a badge issued at 2026-03-31T15:00Z was issued in April in Japan).
 */
import { Type, type Static } from '@sinclair/typebox';

export const LINKEDIN_ADD_TO_PROFILE = 'https://www.linkedin.com/profile/add';

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

export const LinkedInFields = Type.Object(
  {
    name: Type.String({ description: 'The badge (achievement) name.' }),
    organizationId: Type.Optional(
      Type.String({ description: "LinkedIn's numeric company-page id of the issuer." }),
    ),
    organizationName: Type.Optional(
      Type.String({ description: 'The issuer name, when no company-page id is known.' }),
    ),
    issueYear: Type.Optional(Type.Integer()),
    issueMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    expirationYear: Type.Optional(Type.Integer()),
    expirationMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    certUrl: Type.String({ description: 'The public page of the badge.' }),
    certId: Type.String({ description: 'The credential id.' }),
  },
  { additionalProperties: false, title: 'LinkedInFields' },
);
export type LinkedInFields = Static<typeof LinkedInFields>;

/** The year and month (1–12) in Japan of an ISO 8601 instant; undefined when unreadable. */
export const japanYearMonth = (
  instant: string | null | undefined,
): { year: number; month: number } | undefined => {
  if (instant === null || instant === undefined) return undefined;
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return undefined;
  const inJapan = new Date(time + JAPAN_OFFSET_MS);
  return { year: inJapan.getUTCFullYear(), month: inJapan.getUTCMonth() + 1 };
};

export interface LinkedInFieldsInput {
  readonly name: string;
  /** LinkedIn's company-page id of the issuing organisation, when it set one. */
  readonly organizationId: string | null;
  readonly issuerName: string | null;
  readonly issuedAt: string | null;
  readonly validUntil: string | null;
  readonly certUrl: string;
  readonly certId: string;
}

/** The fields of the link (and of the copy panel that repeats them). */
export const linkedInFieldsOf = (input: LinkedInFieldsInput): LinkedInFields => {
  const issued = japanYearMonth(input.issuedAt);
  const expires = japanYearMonth(input.validUntil);
  return {
    name: input.name,
    ...(input.organizationId !== null
      ? { organizationId: input.organizationId }
      : input.issuerName !== null
        ? { organizationName: input.issuerName }
        : {}),
    ...(issued === undefined ? {} : { issueYear: issued.year, issueMonth: issued.month }),
    ...(expires === undefined
      ? {}
      : { expirationYear: expires.year, expirationMonth: expires.month }),
    certUrl: input.certUrl,
    certId: input.certId,
  };
};

/** The "Add to profile" URL of these fields. */
export const buildLinkedInAddToProfileUrl = (fields: LinkedInFields): string => {
  const query = new URLSearchParams({ startTask: 'CERTIFICATION_NAME', name: fields.name });
  if (fields.organizationId !== undefined) query.set('organizationId', fields.organizationId);
  else if (fields.organizationName !== undefined) {
    query.set('organizationName', fields.organizationName);
  }
  if (fields.issueYear !== undefined && fields.issueMonth !== undefined) {
    query.set('issueYear', String(fields.issueYear));
    query.set('issueMonth', String(fields.issueMonth));
  }
  if (fields.expirationYear !== undefined && fields.expirationMonth !== undefined) {
    query.set('expirationYear', String(fields.expirationYear));
    query.set('expirationMonth', String(fields.expirationMonth));
  }
  query.set('certUrl', fields.certUrl);
  query.set('certId', fields.certId);
  return `${LINKEDIN_ADD_TO_PROFILE}?${query.toString()}`;
};
