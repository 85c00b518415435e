/**
 * Migration 0011: webhooks (`webhooks/`). `webhook_endpoints` are the URLs an organisation
 * registered, with their signing secret encrypted under the master key; `webhook_deliveries` is
 * both the outbox (a row is written in the same transaction as the change it reports) and the
 * delivery log shown to the organisation. Disabled and deleted endpoints keep their rows, so the
 * log stays readable.
 *
 * `webhook_deliveries_due` serves the dispatcher's claim (`state = 'pending' and next_attempt_at
 * <= now`); `webhook_deliveries_endpoint` serves the log, newest first.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull()) // JSON array of event types
    .addColumn('secret_encrypted', 'text', (c) => c.notNull()) // base64(iv ‖ ciphertext ‖ tag)
    .addColumn('previous_secret_encrypted', 'text')
    .addColumn('previous_secret_expires_at', 'text')
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('disabled_reason', 'text') // manual | gone | deleted
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_endpoints_organisation')
    .on('webhook_endpoints')
    .columns(['organisation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull()) // JSON, exactly as sent
    .addColumn('state', 'text', (c) => c.notNull()) // pending | delivered | failed
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_endpoint')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'created_at', 'id'])
    .execute();
};
