/**
 * Migration 0012: `notifications`, the outbox of e-mails to badge recipients (award issued,
 * re-issued, revoked). A row is written in the same transaction as the award change it
 * announces, so that a rolled-back award sends nothing and a committed one is never forgotten;
 * `notifications/notification-sender.ts` sends due rows, rate-limited, with retries.
 *
 * `notifications_due` serves the sender's claim (`state = 'pending' and next_attempt_at <= now`,
 * oldest first); the other two serve the sending log (per organisation, newest first) and the
 * lookup by award. No foreign key to `awards`: a notification outlives nothing it points to, and
 * the award row is written in the same transaction anyway. `kind`, `state` and `locale` have no
 * check constraint, so that a new kind needs no table rebuild on SQLite.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('department_id', 'text')
    .addColumn('award_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull()) // award-issued | award-reissued | award-revoked
    .addColumn('recipient_email', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text')
    .addColumn('locale', 'text', (c) => c.notNull()) // ja | en
    .addColumn('params', 'text', (c) => c.notNull()) // JSON
    .addColumn('state', 'text', (c) => c.notNull()) // pending | sent | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('resent_from_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_due')
    .on('notifications')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notifications_organisation_created')
    .on('notifications')
    .columns(['organisation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_award')
    .on('notifications')
    .column('award_id')
    .execute();
};
