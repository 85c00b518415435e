/**
 * What a bulk-award job is, as the rest of the platform sees it: the job (`BulkJob`, read from
 * its `bulk_jobs` row), a row claimed for issuing (`ClaimedRow`), and the contract of the row
 * processor that the awards domain supplies (`ProcessRows` → one `RowOutcome` per row).
 */
import type { LocalizedMessage } from '@akashi/core';
import type { Database } from '../db/open-database.js';
import type { Selectable } from 'kysely';
import type {
  BulkJobRowState,
  BulkJobSource,
  BulkJobState,
  BulkJobsTable,
} from './bulk-job-tables.js';
import type { AwardRow } from './validate-award-row.js';

/** Who submitted the job; the processor issues in their name. */
export type BulkJobCreator =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'api-key'; readonly apiKeyId: string }
  | { readonly kind: 'system' };

export interface BulkJobOptions {
  /** Send each recipient the award notification e-mail (default true). */
  readonly notify: boolean;
  /** The language of the notification e-mails (default `ja`). */
  readonly locale: 'ja' | 'en';
}

export const DEFAULT_BULK_JOB_OPTIONS: BulkJobOptions = { notify: true, locale: 'ja' };

export interface BulkJobCounts {
  /** Data rows read (blank rows not counted). */
  readonly total: number;
  readonly valid: number;
  readonly invalid: number;
  readonly issued: number;
  /** Rows whose idempotency key was already awarded (a re-submitted file, a resumed job). */
  readonly duplicate: number;
  readonly failed: number;
}

/** A job-wide problem: `code` and the message in both languages. */
export interface BulkJobError {
  readonly code: string;
  readonly message: LocalizedMessage;
}

export interface BulkJob {
  readonly id: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly achievementId: string;
  readonly createdBy: BulkJobCreator;
  readonly source: BulkJobSource;
  readonly fileName: string | null;
  readonly encoding: string | null;
  readonly state: BulkJobState;
  readonly options: BulkJobOptions;
  readonly counts: BulkJobCounts;
  readonly error: BulkJobError | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** A valid row a runner has claimed: the award to make, and its idempotency key. */
export interface ClaimedRow {
  readonly jobId: string;
  readonly rowNumber: number;
  readonly idempotencyKey: string;
  readonly input: AwardRow;
  /** 1 on the first claim; more when a crashed or failed attempt is retried. */
  readonly attempts: number;
}

/** What became of one claimed row. */
export interface RowOutcome {
  readonly rowNumber: number;
  readonly state: 'issued' | 'duplicate' | 'failed';
  /** The award made (issued) or found (duplicate). */
  readonly awardId?: string;
  readonly error?: BulkJobError;
}

/**
 * Issues a batch of claimed rows of `job`, one outcome per row (in any order; a row without an
 * outcome goes back to the queue when its lease ends). Awards are unique per (organisation,
 * idempotency key): a row whose key was already awarded is `duplicate` with that award's id.
 * Throw `BulkJobFailedError` to fail the whole job (achievement archived, organisation no
 * longer approved); any other error leaves the batch to be retried after its lease.
 */
export type ProcessRows = (
  job: BulkJob,
  rows: readonly ClaimedRow[],
) => Promise<readonly RowOutcome[]>;

/**
 * Called once when a job completes, inside the transaction that marks it completed (`tx`), so
 * that what it writes (a webhook event) is stored together with the completion or not at all;
 * if it throws, the job stays running and completion is tried again.
 */
export type OnJobCompleted = (job: BulkJob, tx: Database) => Promise<void>;

/** Thrown by a `ProcessRows` to fail the whole job; its rows stay unissued. */
export class BulkJobFailedError extends Error {
  override readonly name = 'BulkJobFailedError';
  constructor(readonly error: BulkJobError) {
    super(error.message.en);
  }
}

export const BULK_JOB_STATES: readonly BulkJobState[] = [
  'validated',
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
];
export const BULK_JOB_ROW_STATES: readonly BulkJobRowState[] = [
  'pending',
  'claimed',
  'issued',
  'duplicate',
  'failed',
  'invalid',
];

const parseJson = <T>(text: string | null, fallback: T): T =>
  text === null ? fallback : (JSON.parse(text) as T);

/** The job of a `bulk_jobs` row. */
export const toBulkJob = (row: Selectable<BulkJobsTable>): BulkJob => ({
  id: row.id,
  organisationId: row.organisation_id,
  departmentId: row.department_id,
  achievementId: row.achievement_id,
  createdBy: parseJson<BulkJobCreator>(row.created_by, { kind: 'system' }),
  source: row.source,
  fileName: row.file_name,
  encoding: row.encoding,
  state: row.state,
  options: { ...DEFAULT_BULK_JOB_OPTIONS, ...parseJson<Partial<BulkJobOptions>>(row.options, {}) },
  counts: {
    total: row.total_count,
    valid: row.valid_count,
    invalid: row.invalid_count,
    issued: row.issued_count,
    duplicate: row.duplicate_count,
    failed: row.failed_count,
  },
  error: parseJson<BulkJobError | null>(row.error, null),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

/** Reads a job by id, or undefined. */
export const findBulkJob = async (db: Database, id: string): Promise<BulkJob | undefined> => {
  const row = await db.kysely
    .selectFrom('bulk_jobs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toBulkJob(row);
};
