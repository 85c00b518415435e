/**
 * Migration 0013: `vc_api_credentials`, the credentials issued through the W3C VC-API
 * (`vc-api/`): the signed credential as returned, its issuer profile and organisation, and where
 * its status bits live (a revocation and, optionally, a suspension entry), so that
 * `POST /credentials/status` can set them later.
 *
 * `(organisation_id, credential_id)` is unique: a client cannot issue two credentials it would
 * refer to by the same id. Rows without a `credential_id` (the client gave none) are allowed in
 * any number: both SQLite and PostgreSQL treat nulls as distinct in a unique constraint.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('vc_api_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('issuer_profile_id', 'text', (c) => c.notNull())
    .addColumn('credential_id', 'text')
    .addColumn('credential', 'text', (c) => c.notNull()) // JSON, signed
    .addColumn('revocation_list_id', 'text')
    .addColumn('revocation_index', 'integer')
    .addColumn('suspension_list_id', 'text')
    .addColumn('suspension_index', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vc_api_credentials_credential_id', ['organisation_id', 'credential_id'])
    .execute();
  await db.schema
    .createIndex('vc_api_credentials_lookup')
    .on('vc_api_credentials')
    .column('credential_id')
    .execute();
};
