/**
 * Migration 0005: the `images` table, badge images stored in the database
 * (`images/database-image-store.ts`), each under the SHA-256 of its bytes.
 *
 * `bytes` is declared `bytea`: PostgreSQL's binary type, and a name SQLite accepts too (it gives
 * the column NUMERIC affinity, which stores a BLOB as a BLOB, byte for byte). Both drivers take
 * and return a Buffer, so the images are stored as they are, without base64's third more.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('images')
    .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 (hex) of bytes
    .addColumn('media_type', 'text', (c) => c.notNull()) // image/png | image/svg+xml
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
};
