/**
 * Migration 0010: `bulk_jobs` and `bulk_job_rows`, the durable bulk-award jobs (`bulk/`).
 *
 * A job's rows are its queue: runners claim pending rows (or claimed rows whose lease has run
 * out: a crashed runner's) in row order, through the index `bulk_job_rows_claim`
 * (job, state, row). The counts on `bulk_jobs` are updated in the same transaction as the rows.
 * No foreign key to `achievements`: the job keeps its history even if the achievement goes.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('bulk_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('department_id', 'text')
    .addColumn('achievement_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull()) // JSON
    .addColumn('source', 'text', (c) => c.notNull()) // csv | json
    .addColumn('file_name', 'text')
    .addColumn('encoding', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull()) // JSON
    .addColumn('report', 'text', (c) => c.notNull()) // JSON
    .addColumn('total_count', 'integer', (c) => c.notNull())
    .addColumn('valid_count', 'integer', (c) => c.notNull())
    .addColumn('invalid_count', 'integer', (c) => c.notNull())
    .addColumn('issued_count', 'integer', (c) => c.notNull())
    .addColumn('duplicate_count', 'integer', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull())
    .addColumn('error', 'text') // JSON
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('bulk_jobs_organisation')
    .on('bulk_jobs')
    .columns(['organisation_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('bulk_jobs_state').on('bulk_jobs').columns(['state']).execute();

  await db.schema
    .createTable('bulk_job_rows')
    .addColumn('job_id', 'text', (c) => c.notNull().references('bulk_jobs.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text') // JSON
    .addColumn('idempotency_key', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('award_id', 'text')
    .addColumn('error', 'text') // JSON
    .addColumn('warnings', 'text') // JSON
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bulk_job_rows_pk', ['job_id', 'row_number'])
    .execute();
  await db.schema
    .createIndex('bulk_job_rows_claim')
    .on('bulk_job_rows')
    .columns(['job_id', 'state', 'row_number'])
    .execute();
};
