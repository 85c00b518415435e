/**
 * Migration 0008: `status_lists`, the W3C Bitstring Status Lists (owned by `status-lists/`).
 *
 * `bits` is `bytea` (binary on PostgreSQL, a BLOB on SQLite: see 0005). `(issuer_profile_id,
 * purpose, sequence)` is unique, so when a list fills up, two processes racing to open the next
 * one cannot both create it: the loser's insert does nothing and it reads the winner's list.
 * The same index serves the lookup of an issuer's current list (highest `sequence`).
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('status_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issuer_profile_id', 'text', (c) => c.notNull().references('issuer_profiles.id'))
    .addColumn('purpose', 'text', (c) => c.notNull()) // revocation | suspension
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull()) // bits
    .addColumn('allocated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('permutation_key', 'text', (c) => c.notNull()) // hex, secret
    .addColumn('bits', 'bytea', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signed_credential', 'text') // JSON
    .addColumn('signed_version', 'integer')
    .addColumn('signed_at', 'text')
    .addColumn('etag', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('status_lists_issuer_purpose_sequence', [
      'issuer_profile_id',
      'purpose',
      'sequence',
    ])
    .execute();
};
