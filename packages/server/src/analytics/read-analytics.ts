/**
 * An organisation's figures for a range of months (in Japan): awards issued and revoked per month,
 * awards per achievement, verifications per month and per channel, and the totals by state.
 *
 * Every figure is an SQL aggregate that reads the same on SQLite and PostgreSQL. Timestamps are
 * stored as UTC ISO text, and a month in Japan starts at 15:00 UTC the day before, so awards are
 * counted per UTC hour (`substr(created_at, 1, 13)`, at most 24 × 31 groups a month) and the
 * hours are folded into months in Japan here. Verification counts are kept per day in Japan
 * already, so they group by `substr(day, 1, 7)` directly.
 */
import { sql } from 'kysely';
import type { Database } from '../db/open-database.js';
import type { AnalyticsView } from './analytics-schemas.js';
import { addMonths, japanMonthOfUtcHour, japanMonthStart, listMonths } from './japan-months.js';
import { VERIFICATION_SOURCES, type VerificationSource } from './record-verification.js';

export interface AnalyticsRange {
  /** `YYYY-MM`, included. */
  readonly from: string;
  /** `YYYY-MM`, included. */
  readonly to: string;
}

const countAll = sql<number | string>`count(*)`;
const hourOf = (column: 'created_at' | 'revoked_at') =>
  sql<string>`substr(${sql.ref(column)}, 1, 13)`;

/** Per-hour counts folded into the months of the range. */
const foldIntoMonths = (
  rows: readonly { hour: string; n: number | string }[],
  months: Map<string, number>,
): void => {
  for (const row of rows) {
    const month = japanMonthOfUtcHour(row.hour);
    const before = months.get(month);
    if (before !== undefined) months.set(month, before + Number(row.n));
  }
};

export const readAnalytics = async (
  db: Database,
  organisationId: string,
  range: AnalyticsRange,
): Promise<AnalyticsView> => {
  const { kysely } = db;
  const months = listMonths(range.from, range.to);
  const start = japanMonthStart(range.from);
  const end = japanMonthStart(addMonths(range.to, 1));

  const [issuedRows, revokedRows, achievementRows, verificationRows, stateRows] = await Promise.all(
    [
      kysely
        .selectFrom('awards')
        .select([hourOf('created_at').as('hour'), countAll.as('n')])
        .where('organisation_id', '=', organisationId)
        .where('created_at', '>=', start)
        .where('created_at', '<', end)
        .groupBy(hourOf('created_at'))
        .execute(),
      kysely
        .selectFrom('awards')
        .select([hourOf('revoked_at').as('hour'), countAll.as('n')])
        .where('organisation_id', '=', organisationId)
        .where('revoked_at', '>=', start)
        .where('revoked_at', '<', end)
        .groupBy(hourOf('revoked_at'))
        .execute(),
      kysely
        .selectFrom('awards')
        .innerJoin('achievements', 'achievements.id', 'awards.achievement_id')
        .select([
          'awards.achievement_id as achievementId',
          'achievements.name_ja as nameJa',
          'achievements.name_en as nameEn',
          countAll.as('n'),
        ])
        .where('awards.organisation_id', '=', organisationId)
        .where('awards.created_at', '>=', start)
        .where('awards.created_at', '<', end)
        .groupBy(['awards.achievement_id', 'achievements.name_ja', 'achievements.name_en'])
        .execute(),
      kysely
        .selectFrom('verification_counts')
        .select([
          sql<string>`substr(day, 1, 7)`.as('month'),
          'source',
          sql<number | string>`sum(count)`.as('n'),
        ])
        .where('organisation_id', '=', organisationId)
        .where('day', '>=', `${range.from}-01`)
        .where('day', '<=', `${range.to}-31`)
        .groupBy([sql`substr(day, 1, 7)`, 'source'])
        .execute(),
      kysely
        .selectFrom('awards')
        .select(['state', countAll.as('n')])
        .where('organisation_id', '=', organisationId)
        .groupBy('state')
        .execute(),
    ],
  );

  const issued = new Map(months.map((month) => [month, 0]));
  const revoked = new Map(months.map((month) => [month, 0]));
  foldIntoMonths(issuedRows, issued);
  foldIntoMonths(revokedRows, revoked);

  const verified = new Map(months.map((month) => [month, 0]));
  const bySource = Object.fromEntries(VERIFICATION_SOURCES.map((s) => [s, 0])) as Record<
    VerificationSource,
    number
  >;
  for (const row of verificationRows) {
    const n = Number(row.n);
    verified.set(row.month, (verified.get(row.month) ?? 0) + n);
    if (row.source in bySource) bySource[row.source] += n;
  }

  const state = new Map(stateRows.map((row) => [row.state, Number(row.n)]));
  const active = state.get('active') ?? 0;
  const revokedTotal = state.get('revoked') ?? 0;
  const suspended = state.get('suspended') ?? 0;

  return {
    from: range.from,
    to: range.to,
    awardsPerMonth: months.map((month) => ({
      month,
      issued: issued.get(month) ?? 0,
      revoked: revoked.get(month) ?? 0,
    })),
    awardsPerAchievement: achievementRows
      .map((row) => ({
        achievementId: row.achievementId,
        name: row.nameEn === null ? { ja: row.nameJa } : { ja: row.nameJa, en: row.nameEn },
        issued: Number(row.n),
      }))
      .sort((a, b) => b.issued - a.issued || a.name.ja.localeCompare(b.name.ja, 'ja')),
    verifications: {
      total: [...verified.values()].reduce((sum, n) => sum + n, 0),
      perMonth: months.map((month) => ({ month, count: verified.get(month) ?? 0 })),
      bySource,
    },
    totals: { awards: active + revokedTotal + suspended, active, revoked: revokedTotal, suspended },
  };
};
