/**
 * Step one of a bulk award: the dry run. The CSV file (UTF-8 or Shift_JIS, with or without BOM,
 * read by `readAwardRows`) or the JSON array (`readAwardJson`) is checked row by row, and the
 * job is stored in state `validated` with every row: valid rows `pending` with their normalised
 * award input and idempotency key, invalid rows `invalid` with their errors. Nothing is issued
 * until the job is confirmed (`bulk-job-commands.ts`).
 *
 * Rows whose idempotency key repeats within the input are invalid (the readers already report
 * the same external ID or identical rows; the key check here backs them). Whether a key was
 * awarded before (a re-submitted file) is the row processor's to find: such rows end
 * `duplicate`, never awarded twice.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { recordAuditEvent, type AuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { AwardField } from './award-fields.js';
import { createRowIssue, type RowError, type RowWarning } from './award-row-issues.js';
import {
  DEFAULT_BULK_JOB_OPTIONS,
  toBulkJob,
  type BulkJob,
  type BulkJobCreator,
  type BulkJobOptions,
} from './bulk-job-model.js';
import type { BulkJobRowsTable, BulkJobSource } from './bulk-job-tables.js';
import type { AwardColumn, AwardHeaderMapping } from './map-award-headers.js';
import { readAwardJson } from './read-award-json.js';
import { readAwardRows, type AwardRowsReport } from './read-award-rows.js';
import { rowIdempotencyKey } from './row-idempotency-key.js';
import type { AwardRow } from './validate-award-row.js';

/** The achievement a job awards, as far as the job needs to know it. */
export interface BulkAchievement {
  readonly id: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly status: 'active' | 'archived';
}

export type BulkJobInput =
  | {
      readonly kind: 'csv';
      readonly bytes: Uint8Array | string;
      readonly fileName?: string | null;
      readonly mapping?: AwardHeaderMapping;
      readonly required?: readonly AwardField[];
    }
  | { readonly kind: 'json'; readonly items: unknown; readonly required?: readonly AwardField[] };

export interface CreateBulkJobInput {
  readonly achievement: BulkAchievement;
  readonly createdBy: BulkJobCreator;
  readonly input: BulkJobInput;
  readonly options?: Partial<BulkJobOptions>;
  readonly now: Date;
  /** Records `bulk-job.create` in the audit log, in the same transaction. */
  readonly audit?: Pick<AuditEvent, 'actor' | 'request'>;
  /** Most data rows accepted (default: the readers' 100,000). */
  readonly maxRows?: number;
}

/** What the dry run found about the input as a whole, kept with the job. */
export interface BulkJobReport {
  /** CSV: how the bytes were decoded; JSON: null. */
  readonly encoding: string | null;
  readonly delimiter: ',' | '\t' | null;
  /** CSV: every column and the field it feeds; JSON: empty. */
  readonly columns: readonly AwardColumn[];
  /** Columns (JSON: properties) that no field takes; ignored. */
  readonly unknownColumns: readonly AwardColumn[];
  /** Problems with the header row (no row is read when there is one). */
  readonly headerErrors: readonly RowError[];
  /** Row errors and warnings in all (header errors not counted). */
  readonly errorCount: number;
  readonly warningCount: number;
}

export interface CreateBulkJobResult {
  readonly job: BulkJob;
  readonly report: BulkJobReport;
  /** Every row error, in row order (the first ones go into the answer; the rest are paged). */
  readonly errors: readonly RowError[];
  readonly warnings: readonly RowWarning[];
}

/** Rows inserted per statement (11 parameters each, well under both databases' limits). */
const INSERT_CHUNK = 500;

const groupByRow = <T extends { row: number }>(items: readonly T[]): Map<number, T[]> => {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.row);
    if (group === undefined) groups.set(item.row, [item]);
    else group.push(item);
  }
  return groups;
};

const isHeaderIssue = (issue: RowError): boolean => issue.code.startsWith('ERR_HEADER_');

const readInput = (
  input: BulkJobInput,
  maxRows: number | undefined,
): AwardRowsReport & {
  encoding: string | null;
  delimiter: ',' | '\t' | null;
  columns: readonly AwardColumn[];
} => {
  const limits = {
    ...(maxRows === undefined ? {} : { maxRows }),
    ...(input.required === undefined ? {} : { required: input.required }),
  };
  if (input.kind === 'json') {
    return { ...readAwardJson(input.items, limits), encoding: null, delimiter: null, columns: [] };
  }
  const result = readAwardRows(input.bytes, {
    ...limits,
    ...(input.mapping === undefined ? {} : { mapping: input.mapping }),
  });
  return { ...result, encoding: result.encoding };
};

interface PreparedRow {
  readonly row: AwardRow;
  readonly key: string;
}

/** The valid rows with their keys; a key seen before makes the later row invalid. */
const prepareRows = (
  rows: readonly AwardRow[],
  achievementId: string,
  errors: RowError[],
): PreparedRow[] => {
  const firstByKey = new Map<string, number>();
  const prepared: PreparedRow[] = [];
  for (const row of rows) {
    const key = rowIdempotencyKey(row, achievementId);
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, row.row);
      prepared.push({ row, key });
    } else {
      const at = { row: row.row, column: null, header: null, field: null };
      errors.push(createRowIssue('ERR_ROW_DUPLICATE_ROW', at, { params: { firstRow: first } }));
    }
  }
  return prepared;
};

/** Runs the dry run and stores the job (`validated`) with all its rows, in one transaction. */
export const createBulkJob = async (
  db: Database,
  request: CreateBulkJobInput,
): Promise<CreateBulkJobResult> => {
  const { achievement, input, now } = request;
  const read = readInput(input, request.maxRows);
  const headerErrors = read.errors.filter(isHeaderIssue);
  const errors = read.errors.filter((issue) => !isHeaderIssue(issue));
  const prepared = prepareRows(read.rows, achievement.id, errors);
  errors.sort((a, b) => a.row - b.row);
  const errorsByRow = groupByRow(errors);
  const warningsByRow = groupByRow(read.warnings);

  const id = randomUUID();
  const at = now.toISOString();
  const source: BulkJobSource = input.kind;
  const options: BulkJobOptions = { ...DEFAULT_BULK_JOB_OPTIONS, ...request.options };
  const report: BulkJobReport = {
    encoding: read.encoding,
    delimiter: read.delimiter,
    columns: read.columns,
    unknownColumns: read.unknownColumns,
    headerErrors,
    errorCount: errors.length,
    warningCount: read.warnings.length,
  };

  const warningsOf = (row: number) => {
    const found = warningsByRow.get(row);
    return found === undefined ? null : JSON.stringify(found);
  };
  const base = { job_id: id, award_id: null, claimed_by: null, lease_until: null, attempts: 0 };
  const valid = prepared.filter(({ row }) => !errorsByRow.has(row.row));
  const validCount = valid.length;
  /** The rows to insert, made a chunk at a time (a 100,000-row file stays small in memory). */
  const chunks = function* (): Generator<Insertable<BulkJobRowsTable>[]> {
    for (let start = 0; start < valid.length; start += INSERT_CHUNK) {
      yield valid.slice(start, start + INSERT_CHUNK).map(({ row, key }) => ({
        ...base,
        row_number: row.row,
        payload: JSON.stringify(row),
        idempotency_key: key,
        state: 'pending',
        error: null,
        warnings: warningsOf(row.row),
        updated_at: at,
      }));
    }
    const invalid = [...errorsByRow];
    for (let start = 0; start < invalid.length; start += INSERT_CHUNK) {
      yield invalid.slice(start, start + INSERT_CHUNK).map(([row, rowErrors]) => ({
        ...base,
        row_number: row,
        payload: null,
        idempotency_key: null,
        state: 'invalid',
        error: JSON.stringify(rowErrors),
        warnings: warningsOf(row),
        updated_at: at,
      }));
    }
  };

  const jobRow = {
    id,
    organisation_id: achievement.organisationId,
    department_id: achievement.departmentId,
    achievement_id: achievement.id,
    created_by: JSON.stringify(request.createdBy),
    source,
    file_name: input.kind === 'csv' ? (input.fileName ?? null) : null,
    encoding: read.encoding,
    state: 'validated' as const,
    options: JSON.stringify(options),
    report: JSON.stringify(report),
    total_count: read.rowCount,
    valid_count: validCount,
    invalid_count: errorsByRow.size,
    issued_count: 0,
    duplicate_count: 0,
    failed_count: 0,
    error: null,
    created_at: at,
    updated_at: at,
    started_at: null,
    finished_at: null,
  };

  await runInTransaction(db, async (tx) => {
    await tx.kysely.insertInto('bulk_jobs').values(jobRow).execute();
    for (const chunk of chunks()) {
      await tx.kysely.insertInto('bulk_job_rows').values(chunk).execute();
    }
    if (request.audit !== undefined) {
      await recordAuditEvent(
        tx,
        {
          ...request.audit,
          action: 'bulk-job.create',
          organisationId: achievement.organisationId,
          targetType: 'bulk-job',
          targetId: id,
          details: {
            achievementId: achievement.id,
            source,
            total: read.rowCount,
            valid: validCount,
            invalid: errorsByRow.size,
          },
        },
        now,
      );
    }
  });
  return { job: toBulkJob(jobRow), report, errors, warnings: read.warnings };
};
