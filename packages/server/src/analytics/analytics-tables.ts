/**
 * The analytics domain's table as Kysely sees it (conventions in `db/tables.ts`), created by
 * migration `0014-analytics`.
 */
import type { VerificationSource } from './record-verification.js';

/**
 * How many times one award was verified on one day (in Japan) through one channel. A row is made
 * by the first verification of the day and counted up by the next ones (an upsert), so the table
 * grows with awards × days they were looked at, never with the number of looks.
 */
export interface VerificationCountsTable {
  award_id: string;
  /** `YYYY-MM-DD`, the calendar day in Japan. */
  day: string;
  source: VerificationSource;
  /** Copies of the award's, so an organisation's counts are read without a join. */
  organisation_id: string;
  achievement_id: string;
  count: number;
}

export interface AnalyticsTables {
  verification_counts: VerificationCountsTable;
}
