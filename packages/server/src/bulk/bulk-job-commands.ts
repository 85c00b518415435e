/**
 * What people do with a bulk-award job after its dry run: confirm it (`validated` → `queued`,
 * the runners then issue it), cancel it (rows not yet issued stay as they are and are never
 * issued), read it, and list an organisation's jobs and a job's rows (per-row errors and
 * outcomes), with cursor pagination. Confirmation and cancellation are audited.
 */
import { recordAuditEvent, type AuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { findBulkJob, toBulkJob, type BulkJob } from './bulk-job-model.js';
import type { BulkJobRowState, BulkJobState } from './bulk-job-tables.js';
import type { AwardRow } from './validate-award-row.js';

export interface BulkJobCommand {
  readonly organisationId: string;
  readonly jobId: string;
  readonly now: Date;
  readonly audit?: Pick<AuditEvent, 'actor' | 'request'>;
}

/** The job, when it belongs to the organisation; `ERR_BULK_JOB_NOT_FOUND` otherwise. */
export const readBulkJob = async (
  db: Database,
  organisationId: string,
  jobId: string,
): Promise<BulkJob> => {
  const job = await findBulkJob(db, jobId);
  if (job === undefined || job.organisationId !== organisationId) {
    throw new ServerError('ERR_BULK_JOB_NOT_FOUND');
  }
  return job;
};

const audit = async (
  tx: Database,
  command: BulkJobCommand,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> => {
  if (command.audit === undefined) return;
  await recordAuditEvent(
    tx,
    {
      ...command.audit,
      action,
      organisationId: command.organisationId,
      targetType: 'bulk-job',
      targetId: command.jobId,
      details,
    },
    command.now,
  );
};

/**
 * Confirms a validated job: it is queued for the runners. `ERR_BULK_JOB_NOTHING_TO_ISSUE` when
 * no row is valid, `ERR_BULK_JOB_NOT_AWAITING_CONFIRMATION` when it is past its dry run.
 */
export const confirmBulkJob = (db: Database, command: BulkJobCommand): Promise<BulkJob> =>
  runInTransaction(db, async (tx) => {
    const job = await readBulkJob(tx, command.organisationId, command.jobId);
    if (job.state !== 'validated') throw new ServerError('ERR_BULK_JOB_NOT_AWAITING_CONFIRMATION');
    if (job.counts.valid === 0) throw new ServerError('ERR_BULK_JOB_NOTHING_TO_ISSUE');
    const at = command.now.toISOString();
    const updated = await tx.kysely
      .updateTable('bulk_jobs')
      .set({ state: 'queued', updated_at: at })
      .where('id', '=', job.id)
      .where('state', '=', 'validated')
      .returningAll()
      .executeTakeFirst();
    if (updated === undefined) throw new ServerError('ERR_BULK_JOB_NOT_AWAITING_CONFIRMATION');
    await audit(tx, command, 'bulk-job.confirm', { valid: job.counts.valid });
    return toBulkJob(updated);
  });

const CANCELLABLE: readonly BulkJobState[] = ['validated', 'queued', 'running'];

/**
 * Cancels a job that has not finished: runners take no more of its rows. Rows already being
 * issued finish and are recorded; the others stay `pending`. `ERR_BULK_JOB_FINISHED` otherwise.
 */
export const cancelBulkJob = (db: Database, command: BulkJobCommand): Promise<BulkJob> =>
  runInTransaction(db, async (tx) => {
    const job = await readBulkJob(tx, command.organisationId, command.jobId);
    if (!CANCELLABLE.includes(job.state)) throw new ServerError('ERR_BULK_JOB_FINISHED');
    const at = command.now.toISOString();
    const updated = await tx.kysely
      .updateTable('bulk_jobs')
      .set({ state: 'cancelled', updated_at: at, finished_at: at })
      .where('id', '=', job.id)
      .where('state', 'in', CANCELLABLE)
      .returningAll()
      .executeTakeFirst();
    if (updated === undefined) throw new ServerError('ERR_BULK_JOB_FINISHED');
    await audit(tx, command, 'bulk-job.cancel', { issued: updated.issued_count });
    return toBulkJob(updated);
  });

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

const encodeCursor = (parts: readonly string[]): string =>
  Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');

const decodeCursor = (cursor: string, length: number): string[] => {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === length &&
      parts.every((p) => typeof p === 'string')
    ) {
      return parts;
    }
  } catch {
    // reported below
  }
  throw new ServerError('ERR_BULK_JOB_CURSOR_INVALID');
};

/** An organisation's jobs, newest first. */
export const listBulkJobs = async (
  db: Database,
  organisationId: string,
  query: { state?: BulkJobState; limit: number; cursor?: string },
): Promise<Page<BulkJob>> => {
  let select = db.kysely
    .selectFrom('bulk_jobs')
    .selectAll()
    .where('organisation_id', '=', organisationId);
  if (query.state !== undefined) select = select.where('state', '=', query.state);
  if (query.cursor !== undefined) {
    const [createdAt = '', id = ''] = decodeCursor(query.cursor, 2);
    select = select.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toBulkJob),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodeCursor([last.created_at, last.id])
        : null,
  };
};

/** One row of a job, as the API shows it. */
export interface BulkJobRow {
  readonly rowNumber: number;
  readonly state: BulkJobRowState;
  /** The award input as read (null for an invalid row). */
  readonly input: AwardRow | null;
  readonly idempotencyKey: string | null;
  readonly awardId: string | null;
  /** Invalid rows: the dry run's errors; failed rows: one error. */
  readonly errors: readonly unknown[];
  readonly warnings: readonly unknown[];
  readonly attempts: number;
}

const parseList = (text: string | null): unknown[] => {
  if (text === null) return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value : [value];
};

/** A job's rows in row order, optionally of one state. */
export const listBulkJobRows = async (
  db: Database,
  jobId: string,
  query: { state?: BulkJobRowState; limit: number; cursor?: string },
): Promise<Page<BulkJobRow>> => {
  let select = db.kysely.selectFrom('bulk_job_rows').selectAll().where('job_id', '=', jobId);
  if (query.state !== undefined) select = select.where('state', '=', query.state);
  if (query.cursor !== undefined) {
    const [after = ''] = decodeCursor(query.cursor, 1);
    const rowNumber = Number(after);
    if (!Number.isSafeInteger(rowNumber)) throw new ServerError('ERR_BULK_JOB_CURSOR_INVALID');
    select = select.where('row_number', '>', rowNumber);
  }
  const rows = await select
    .orderBy('row_number')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      rowNumber: row.row_number,
      state: row.state,
      input: row.payload === null ? null : (JSON.parse(row.payload) as AwardRow),
      idempotencyKey: row.idempotency_key,
      awardId: row.award_id,
      errors: parseList(row.error),
      warnings: parseList(row.warnings),
      attempts: row.attempts,
    })),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodeCursor([String(last.row_number)])
        : null,
  };
};
