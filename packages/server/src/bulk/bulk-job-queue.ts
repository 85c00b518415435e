/**
 * A bulk job's rows as a work queue shared by any number of runners (and processes):
 *
 * - `claimBulkRows` takes a batch in row order: first rows whose lease has run out (a crashed
 *   or stalled runner's: crash resume), then pending rows. On PostgreSQL the rows are picked
 *   with `FOR UPDATE SKIP LOCKED` in the same statement that marks them claimed, so concurrent
 *   runners never take the same row; on SQLite the one writer serialises the single UPDATE.
 * - `recordRowOutcomes` writes a batch's outcomes and adds them to the job's counts in one
 *   transaction. Only rows still claimed by the runner are written: when a lease ran out and
 *   another runner took the row, the later outcome wins (the award itself is never duplicated:
 *   the processor's idempotency keys see to that).
 * - `completeBulkJobIfDone` marks the job completed exactly once (a conditional UPDATE only one
 *   runner can win) and runs the completion hook inside that transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { LocalizedMessage } from '@akashi/core';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import {
  toBulkJob,
  type BulkJob,
  type BulkJobError,
  type ClaimedRow,
  type OnJobCompleted,
  type RowOutcome,
} from './bulk-job-model.js';
import type { AwardRow } from './validate-award-row.js';

export interface ClaimOptions {
  readonly jobId: string;
  readonly workerId: string;
  readonly limit: number;
  readonly now: Date;
  readonly leaseMs: number;
  /** A row claimed this many times is not claimed again (`giveUpExhaustedRows` fails it). */
  readonly maxAttempts: number;
}

interface ClaimedDbRow {
  row_number: number;
  payload: string | null;
  idempotency_key: string | null;
  attempts: number;
}

/** The job still wants its rows issued (not cancelled or failed meanwhile). */
const active = (jobId: string): RawBuilder<unknown> =>
  sql`exists (select 1 from bulk_jobs where id = ${jobId} and state in ('queued', 'running'))`;

const claimWhere = (options: ClaimOptions, kind: 'expired' | 'pending'): RawBuilder<unknown> => {
  const now = options.now.toISOString();
  return kind === 'pending'
    ? sql`job_id = ${options.jobId} and state = 'pending' and attempts < ${options.maxAttempts}`
    : sql`job_id = ${options.jobId} and state = 'claimed' and lease_until < ${now} and attempts < ${options.maxAttempts}`;
};

const claimOnce = async (
  db: Database,
  options: ClaimOptions,
  kind: 'expired' | 'pending',
  limit: number,
): Promise<ClaimedDbRow[]> => {
  const now = options.now.toISOString();
  const until = new Date(options.now.getTime() + options.leaseMs).toISOString();
  const where = claimWhere(options, kind);
  const query =
    db.dialect === 'postgres'
      ? sql<ClaimedDbRow>`
          with picked as materialized (
            select job_id, row_number from bulk_job_rows
            where ${where} and ${active(options.jobId)}
            order by row_number limit ${limit}
            for update skip locked
          )
          update bulk_job_rows
          set state = 'claimed', claimed_by = ${options.workerId}, lease_until = ${until},
              attempts = bulk_job_rows.attempts + 1, updated_at = ${now}
          from picked
          where bulk_job_rows.job_id = picked.job_id and bulk_job_rows.row_number = picked.row_number
          returning bulk_job_rows.row_number, bulk_job_rows.payload,
                    bulk_job_rows.idempotency_key, bulk_job_rows.attempts`
      : sql<ClaimedDbRow>`
          update bulk_job_rows
          set state = 'claimed', claimed_by = ${options.workerId}, lease_until = ${until},
              attempts = attempts + 1, updated_at = ${now}
          where job_id = ${options.jobId} and row_number in (
            select row_number from bulk_job_rows
            where ${where} and ${active(options.jobId)}
            order by row_number limit ${limit}
          )
          returning row_number, payload, idempotency_key, attempts`;
  const result = await query.execute(db.kysely);
  return result.rows;
};

/** Claims up to `limit` rows of the job (expired claims first), in row order. */
export const claimBulkRows = async (db: Database, options: ClaimOptions): Promise<ClaimedRow[]> => {
  const rows = await claimOnce(db, options, 'expired', options.limit);
  if (rows.length < options.limit) {
    rows.push(...(await claimOnce(db, options, 'pending', options.limit - rows.length)));
  }
  return rows
    .filter((row) => row.payload !== null && row.idempotency_key !== null)
    .map((row) => ({
      jobId: options.jobId,
      rowNumber: row.row_number,
      idempotencyKey: row.idempotency_key as string,
      input: JSON.parse(row.payload as string) as AwardRow,
      attempts: row.attempts,
    }))
    .sort((a, b) => a.rowNumber - b.rowNumber);
};

export interface OutcomeTally {
  readonly issued: number;
  readonly duplicate: number;
  readonly failed: number;
}

/** Rows per UPDATE statement (4 parameters each). */
const OUTCOME_CHUNK = 400;

const addCounts = async (
  tx: Database,
  jobId: string,
  tally: OutcomeTally,
  now: string,
): Promise<void> => {
  if (tally.issued + tally.duplicate + tally.failed === 0) return;
  await tx.kysely
    .updateTable('bulk_jobs')
    .set((eb) => ({
      issued_count: eb('issued_count', '+', tally.issued),
      duplicate_count: eb('duplicate_count', '+', tally.duplicate),
      failed_count: eb('failed_count', '+', tally.failed),
      updated_at: now,
    }))
    .where('id', '=', jobId)
    .execute();
};

/**
 * Stores the outcomes of rows claimed by `workerId` and adds them to the job's counts, in one
 * transaction. Returns what was counted (rows no longer claimed by the worker are skipped).
 */
export const recordRowOutcomes = (
  db: Database,
  options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly outcomes: readonly RowOutcome[];
    readonly now: Date;
  },
): Promise<OutcomeTally> =>
  runInTransaction(db, async (tx) => {
    const now = options.now.toISOString();
    const tally = { issued: 0, duplicate: 0, failed: 0 };
    for (let start = 0; start < options.outcomes.length; start += OUTCOME_CHUNK) {
      const chunk = options.outcomes.slice(start, start + OUTCOME_CHUNK);
      const values = sql.join(
        chunk.map(
          (o) =>
            sql`(cast(${o.rowNumber} as integer), cast(${o.state} as text), cast(${o.awardId ?? null} as text), cast(${o.error === undefined ? null : JSON.stringify(o.error)} as text))`,
        ),
      );
      const result = await sql<{ row_number: number; state: keyof OutcomeTally }>`
        with v(n, s, a, e) as (values ${values})
        update bulk_job_rows
        set state = v.s, award_id = v.a, error = v.e, lease_until = null, updated_at = ${now}
        from v
        where bulk_job_rows.job_id = ${options.jobId} and bulk_job_rows.row_number = v.n
          and bulk_job_rows.state = 'claimed' and bulk_job_rows.claimed_by = ${options.workerId}
        returning row_number, state`.execute(tx.kysely);
      for (const row of result.rows) tally[row.state] += 1;
    }
    await addCounts(tx, options.jobId, tally, now);
    return tally;
  });

export const GAVE_UP_ERROR = (attempts: number): BulkJobError => ({
  code: 'ERR_BULK_ROW_GAVE_UP',
  message: {
    en: `Issuing this row failed ${attempts} times; it was given up.`,
    ja: `この行の授与に ${attempts} 回失敗したため、処理を打ち切りました。`,
  } satisfies LocalizedMessage,
});

/** Fails the rows whose lease ran out after their last allowed attempt; returns how many. */
export const giveUpExhaustedRows = (
  db: Database,
  options: { readonly jobId: string; readonly now: Date; readonly maxAttempts: number },
): Promise<number> =>
  runInTransaction(db, async (tx) => {
    const now = options.now.toISOString();
    const rows = await tx.kysely
      .updateTable('bulk_job_rows')
      .set({
        state: 'failed',
        error: JSON.stringify(GAVE_UP_ERROR(options.maxAttempts)),
        lease_until: null,
        updated_at: now,
      })
      .where('job_id', '=', options.jobId)
      .where('state', '=', 'claimed')
      .where('lease_until', '<', now)
      .where('attempts', '>=', options.maxAttempts)
      .returning('row_number')
      .execute();
    await addCounts(tx, options.jobId, { issued: 0, duplicate: 0, failed: rows.length }, now);
    return rows.length;
  });

/** Moves a queued job to running (the first runner to take it sets `started_at`). */
export const markBulkJobRunning = async (db: Database, jobId: string, now: Date): Promise<void> => {
  await db.kysely
    .updateTable('bulk_jobs')
    .set({ state: 'running', started_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', jobId)
    .where('state', '=', 'queued')
    .execute();
};

/** How many rows of the job are still to be issued (pending or claimed). */
export const countOpenRows = async (db: Database, jobId: string): Promise<number> => {
  const row = await db.kysely
    .selectFrom('bulk_job_rows')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('job_id', '=', jobId)
    .where('state', 'in', ['pending', 'claimed'])
    .executeTakeFirstOrThrow();
  return row.count;
};

/**
 * Marks the job completed when no row is left to issue; returns the completed job when this
 * call did it (exactly one caller does), undefined otherwise.
 */
export const completeBulkJobIfDone = async (
  db: Database,
  jobId: string,
  now: Date,
  onJobCompleted: OnJobCompleted | undefined,
): Promise<BulkJob | undefined> => {
  if ((await countOpenRows(db, jobId)) > 0) return undefined;
  return runInTransaction(db, async (tx) => {
    const at = now.toISOString();
    const row = await tx.kysely
      .updateTable('bulk_jobs')
      .set({ state: 'completed', finished_at: at, updated_at: at })
      .where('id', '=', jobId)
      .where('state', 'in', ['queued', 'running'])
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const job = toBulkJob(row);
    if (onJobCompleted !== undefined) await onJobCompleted(job, tx);
    return job;
  });
};

/**
 * Fails the whole job (`BulkJobFailedError` from the processor): the worker's claimed rows go
 * back to pending (never issued unless the job is retried by a person later).
 */
export const failBulkJob = (
  db: Database,
  options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly error: BulkJobError;
    readonly now: Date;
  },
): Promise<void> =>
  runInTransaction(db, async (tx) => {
    const at = options.now.toISOString();
    await tx.kysely
      .updateTable('bulk_job_rows')
      .set({ state: 'pending', claimed_by: null, lease_until: null, updated_at: at })
      .where('job_id', '=', options.jobId)
      .where('state', '=', 'claimed')
      .where('claimed_by', '=', options.workerId)
      .execute();
    await tx.kysely
      .updateTable('bulk_jobs')
      .set({
        state: 'failed',
        error: JSON.stringify(options.error),
        finished_at: at,
        updated_at: at,
      })
      .where('id', '=', options.jobId)
      .where('state', 'in', ['queued', 'running'])
      .execute();
  });
