/**
 * Migration 0006: `issuer_profiles`, the issuer identities of organisations (`issuers/`): the
 * organisation's default profile and one per department, each with its identifier (did:web,
 * did:key or its https profile URL). Its signing keys live in `issuer_keys` (owner type
 * `issuer-profile`).
 *
 * Partial unique indexes keep the rules in the database on SQLite and PostgreSQL alike: one
 * default profile per organisation, one live (not archived) profile per department. A deleted
 * department leaves its profile in place (`department_id` set to null): badges it issued still
 * point at it. `identifier_method` has no check constraint, so a new method needs no table rebuild.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import { sql, type Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('issuer_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('description_ja', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_id', 'text')
    .addColumn('identifier_method', 'text', (c) => c.notNull()) // did:web | did:key | https
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('issuer_profiles_organisation')
    .on('issuer_profiles')
    .columns(['organisation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('issuer_profiles_identifier')
    .on('issuer_profiles')
    .column('identifier')
    .execute();
  await db.schema
    .createIndex('issuer_profiles_one_default')
    .on('issuer_profiles')
    .column('organisation_id')
    .unique()
    .where(sql<boolean>`is_default = 1`)
    .execute();
  await db.schema
    .createIndex('issuer_profiles_one_per_department')
    .on('issuer_profiles')
    .column('department_id')
    .unique()
    .where(sql<boolean>`department_id is not null and archived_at is null`)
    .execute();
};
