/**
 * The tables of bulk-award jobs as Kysely sees them (conventions in `db/tables.ts`), created by
 * migration `0010-bulk-jobs`: one `bulk_jobs` row per uploaded file or JSON array, and one
 * `bulk_job_rows` row per data row of it (valid rows waiting to be issued, invalid rows with
 * their errors), which the job runners claim in batches.
 */
import type { ColumnType } from 'kysely';

export type BulkJobState =
  'validated' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type BulkJobSource = 'csv' | 'json';
export type BulkJobRowState = 'pending' | 'claimed' | 'issued' | 'duplicate' | 'failed' | 'invalid';

export interface BulkJobsTable {
  id: string;
  organisation_id: string;
  /** The achievement's department; null for an organisation-wide achievement. */
  department_id: string | null;
  achievement_id: string;
  /** JSON: who submitted the job (`BulkJobCreator`). */
  created_by: string;
  source: BulkJobSource;
  file_name: string | null;
  /** How a CSV was decoded (`utf-8`, `utf-8-bom`, `shift_jis`, …); null for JSON. */
  encoding: string | null;
  state: BulkJobState;
  /** JSON: `BulkJobOptions` (notify, locale). */
  options: string;
  /** JSON: `BulkJobReport` (columns, unknown columns, header errors, warnings count). */
  report: string;
  total_count: number;
  valid_count: number;
  invalid_count: number;
  issued_count: number;
  duplicate_count: number;
  failed_count: number;
  /** JSON `{ code, message: { en, ja } }` when the job failed as a whole. */
  error: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface BulkJobRowsTable {
  job_id: string;
  /** CSV: the row number Excel shows (header = 1); JSON: the item's index + 1. */
  row_number: number;
  /** JSON: the normalised award input (`AwardRow`); null for an invalid row. */
  payload: string | null;
  /** `ext:…` or `row:…` (`row-idempotency-key.ts`); null for an invalid row. */
  idempotency_key: string | null;
  state: BulkJobRowState;
  award_id: string | null;
  /** JSON: invalid rows: the dry run's `RowError[]`; failed rows: `{ code, message }`. */
  error: string | null;
  /** JSON `RowWarning[]` of the dry run, or null. */
  warnings: string | null;
  claimed_by: string | null;
  lease_until: string | null;
  /** How many times the row has been claimed (a row that keeps failing is given up). */
  attempts: ColumnType<number, number | undefined, number>;
  updated_at: string;
}

export interface BulkJobTables {
  bulk_jobs: BulkJobsTable;
  bulk_job_rows: BulkJobRowsTable;
}
