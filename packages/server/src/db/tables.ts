/**
 * The tables of the database as Kysely sees them: one interface per table, its columns as they
 * come out of a query on both SQLite and PostgreSQL. A domain adds its tables here, beside the
 * migration that creates them (`migration-list.ts`).
 *
 * Portable column conventions (the same TypeScript type on both databases):
 * - identifiers: `text` (UUIDs or opaque ids made by the application);
 * - timestamps: `text` holding an ISO 8601 UTC date-time with milliseconds
 *   (`Date.prototype.toISOString()`), which sorts chronologically as text;
 * - booleans: `integer` 0 or 1; JSON documents: `text`;
 * - counts: `integer` / `bigint` come back as numbers on both (see `postgres-dialect.ts`).
 */

/** The instance itself: one row, written by the first migration. */
export interface InstanceTable {
  /** A random UUID that identifies this installation. */
  id: string;
  /** When the database was created (ISO 8601 UTC). */
  created_at: string;
}

export interface Tables {
  instance: InstanceTable;
}
