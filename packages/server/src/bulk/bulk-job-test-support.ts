/**
 * Test support for bulk jobs, not for production code: a stand-in for the awards domain's row
 * processor that records every award it makes in a plain table (`bulk_test_awards`, without a
 * unique constraint, so that a row issued twice shows as two records), the achievement a job
 * needs, and generated CSV files.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { ProcessRows, RowOutcome } from './bulk-job-model.js';
import type { BulkAchievement } from './create-bulk-job.js';

/** Creates `bulk_test_awards` (award_id, organisation_id, idempotency_key, job_id, row_number). */
export const createTestAwardsTable = async (db: Database): Promise<void> => {
  await sql`create table bulk_test_awards (
    award_id text not null, organisation_id text not null, idempotency_key text not null,
    job_id text not null, row_number integer not null)`.execute(db.kysely);
};

/** How many records each idempotency key has in `bulk_test_awards`. */
export const countTestAwardsByKey = async (db: Database): Promise<Map<string, number>> => {
  const result = await sql<{ idempotency_key: string; count: number | string }>`
    select idempotency_key, count(*) as count from bulk_test_awards group by idempotency_key`.execute(
    db.kysely,
  );
  return new Map(result.rows.map((row) => [row.idempotency_key, Number(row.count)]));
};

export interface RecordingProcessor {
  readonly processRows: ProcessRows;
  /** `jobId:rowNumber` → how many times a batch held the row. */
  readonly seen: Map<string, number>;
}

/**
 * A processor like `issueAwards` in what matters to jobs: a key already awarded in the
 * organisation is `duplicate` (with its award id), any other row is recorded as a new award.
 * Rows whose e-mail starts with `fail` fail. `delayMs` slows each batch down.
 */
export const createRecordingProcessor = (
  db: Database,
  options: { readonly delayMs?: number } = {},
): RecordingProcessor => {
  const seen = new Map<string, number>();
  const processRows: ProcessRows = async (job, rows) => {
    for (const row of rows) {
      const key = `${job.id}:${row.rowNumber}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    if (options.delayMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    }
    return runInTransaction(db, async (tx) => {
      const keys = rows.map((row) => row.idempotencyKey);
      const existing = await sql<{ idempotency_key: string; award_id: string }>`
        select idempotency_key, award_id from bulk_test_awards
        where organisation_id = ${job.organisationId}
          and idempotency_key in (${sql.join(keys)})`.execute(tx.kysely);
      const found = new Map(existing.rows.map((r) => [r.idempotency_key, r.award_id]));
      const outcomes: RowOutcome[] = [];
      for (const row of rows) {
        const awardId = found.get(row.idempotencyKey);
        if (awardId !== undefined) {
          outcomes.push({ rowNumber: row.rowNumber, state: 'duplicate', awardId });
        } else if (row.input.email.startsWith('fail')) {
          outcomes.push({
            rowNumber: row.rowNumber,
            state: 'failed',
            error: { code: 'ERR_TEST_FAILED', message: { en: 'Failed.', ja: '失敗しました。' } },
          });
        } else {
          const id = randomUUID();
          await sql`insert into bulk_test_awards values
            (${id}, ${job.organisationId}, ${row.idempotencyKey}, ${job.id}, ${row.rowNumber})`.execute(
            tx.kysely,
          );
          outcomes.push({ rowNumber: row.rowNumber, state: 'issued', awardId: id });
        }
      }
      return outcomes;
    });
  };
  return { processRows, seen };
};

/** An active achievement of the organisation (the job only needs these four facts). */
export const testAchievement = (
  organisationId: string,
  departmentId: string | null = null,
): BulkAchievement => ({ id: randomUUID(), organisationId, departmentId, status: 'active' });

/** A UTF-8 CSV of `count` valid rows (学籍番号 from 1), header in Japanese. */
export const generateAwardCsv = (count: number, first = 1): string => {
  const lines = ['学籍番号,氏名,フリガナ,メールアドレス,授与日'];
  for (let index = first; index < first + count; index += 1) {
    const id = String(index).padStart(8, '0');
    lines.push(`${id},山田 太郎${index},ヤマダ タロウ,s${id}@example.ac.jp,令和7年4月1日`);
  }
  return `${lines.join('\r\n')}\r\n`;
};
