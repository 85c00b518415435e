/**
 * Migration 0009: `awards`, one row per badge awarded (`awards/`). The row keeps the signed
 * OB 3.0 credential exactly as issued (its signature cannot be made again), the recipient's
 * e-mail and name for notifications and the wallet, the salted hash that the credential carries,
 * and where the award's two status bits live (revocation and suspension lists).
 *
 * `(organisation_id, idempotency_key)` is unique: a re-submitted file or a resumed bulk job finds
 * the award already made instead of making a second one. The OB 2.0 signed assertion is signed on
 * first request (`ob2_signed`), so a 100,000-row award does not pay for 100,000 RSA signatures up
 * front (RS256 is deterministic: the same key signs the same assertion identically).
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('achievement_id', 'text', (c) => c.notNull())
    .addColumn('achievement_version', 'integer', (c) => c.notNull())
    .addColumn('issuer_profile_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // active | revoked | suspended
    .addColumn('state_reason', 'text')
    .addColumn('recipient_email', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text')
    .addColumn('recipient_name_kana', 'text')
    .addColumn('recipient_name_romaji', 'text')
    .addColumn('recipient_did', 'text')
    .addColumn('recipient_identity', 'text', (c) => c.notNull()) // sha256$…
    .addColumn('recipient_salt', 'text', (c) => c.notNull())
    .addColumn('recipient_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('external_id', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('awarded_at', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('evidence', 'text') // JSON
    .addColumn('narrative', 'text')
    .addColumn('credential', 'text', (c) => c.notNull()) // JSON, signed
    .addColumn('credential_jwt', 'text')
    .addColumn('ob2_signed', 'text')
    .addColumn('revocation_list_id', 'text', (c) => c.notNull())
    .addColumn('revocation_index', 'integer', (c) => c.notNull())
    .addColumn('suspension_list_id', 'text') // null: issued without a suspension entry
    .addColumn('suspension_index', 'integer')
    .addColumn('replaces_award_id', 'text')
    .addColumn('replaced_by_award_id', 'text')
    .addColumn('bulk_job_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull()) // ja | en: the recipient's mail
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addUniqueConstraint('awards_idempotency', ['organisation_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('awards_organisation_created')
    .on('awards')
    .columns(['organisation_id', 'created_at'])
    .execute();
  await db.schema.createIndex('awards_achievement').on('awards').column('achievement_id').execute();
  await db.schema
    .createIndex('awards_issuer_state')
    .on('awards')
    .columns(['issuer_profile_id', 'state'])
    .execute();
  await db.schema.createIndex('awards_recipient').on('awards').column('recipient_email').execute();
};
