/**
 * Migration 0001: the `instance` table and its one row, the identity of this installation.
 *
 * A migration is frozen history: it declares the tables as they were when it was written (not
 * `Tables`, which moves on) and uses only SQL both SQLite and PostgreSQL accept.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

interface InstanceSchema {
  instance: { id: string; created_at: string };
}

export const up = async (db: Kysely<InstanceSchema>): Promise<void> => {
  await db.schema
    .createTable('instance')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db
    .insertInto('instance')
    .values({ id: randomUUID(), created_at: new Date().toISOString() })
    .execute();
};
