/** The shapes of the analytics API on the wire: the range asked for and the figures answered. */
import { Type, type Static } from '@sinclair/typebox';

const Month = (description: string) =>
  Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description, examples: ['2025-04'] });

export const AnalyticsParams = Type.Object(
  { organisationId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const AnalyticsQuery = Type.Object(
  {
    from: Type.Optional(
      Month('The first month (YYYY-MM, in Japan), included. Default: 11 months before `to`.'),
    ),
    to: Type.Optional(
      Month('The last month (YYYY-MM, in Japan), included. Default: the current month.'),
    ),
  },
  { additionalProperties: false },
);
export type AnalyticsQuery = Static<typeof AnalyticsQuery>;

const Count = Type.Integer({ minimum: 0 });

const SourceCounts = Type.Object(
  { 'badge-page': Count, 'verify-page': Count, 'vc-api': Count },
  { title: 'VerificationSourceCounts' },
);

export const AnalyticsView = Type.Object(
  {
    from: Type.String({ description: 'The first month of the range (YYYY-MM).' }),
    to: Type.String({ description: 'The last month of the range (YYYY-MM).' }),
    awardsPerMonth: Type.Array(
      Type.Object({
        month: Type.String(),
        issued: Count,
        revoked: Count,
      }),
      { description: 'Every month of the range, zeros included, by the month in Japan.' },
    ),
    awardsPerAchievement: Type.Array(
      Type.Object({
        achievementId: Type.String(),
        name: Type.Object({ ja: Type.String(), en: Type.Optional(Type.String()) }),
        issued: Count,
      }),
      { description: 'Awards issued in the range per achievement, most first.' },
    ),
    verifications: Type.Object({
      total: Count,
      perMonth: Type.Array(Type.Object({ month: Type.String(), count: Count })),
      bySource: SourceCounts,
    }),
    totals: Type.Object(
      { awards: Count, active: Count, revoked: Count, suspended: Count },
      { description: 'Every award of the organisation, whatever the range, by its state now.' },
    ),
  },
  { title: 'OrganisationAnalytics' },
);
export type AnalyticsView = Static<typeof AnalyticsView>;
