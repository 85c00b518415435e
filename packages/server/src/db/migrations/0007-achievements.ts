/**
 * Migration 0007: `achievements`, the badge classes of an organisation (`achievements/`). The
 * editable fields are one JSON document (`definition`); the columns beside it serve lists
 * (organisation + status, newest first) and search (`name_ja`, `name_en`).
 *
 * A deleted department leaves its achievements organisation-wide (`on delete set null`) rather
 * than deleting them: awarded badges point at them. Achievements themselves are never deleted.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('achievements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('issuer_profile_id', 'text', (c) => c.notNull().references('issuer_profiles.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // active | archived
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull()) // JSON
    .addColumn('image_id', 'text')
    .addColumn('image_media_type', 'text')
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('achievements_org_status_created')
    .on('achievements')
    .columns(['organisation_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('achievements_org_department')
    .on('achievements')
    .columns(['organisation_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('achievements_issuer_profile')
    .on('achievements')
    .column('issuer_profile_id')
    .execute();
};
