/**
 * Migration 0015: the learner's wallet (`wallet/`, ADR 0010).
 *
 * - `user_emails`: further e-mail addresses of an account (the account's own address stays in
 *   `users.email`); an address counts once verified, and a verified address belongs to one
 *   account only (partial unique index).
 * - `wallet_credentials`: one row per badge in a wallet — an award of this platform (claimed by
 *   link or matched to a verified address: `origin = 'award'`) or an import (`origin =
 *   'import'`), OB 2.0 or 3.0, with the credential as verified, the original bytes when it came as
 *   an image or PDF, the last verification report and what it decided, and the learner's choices
 *   (visibility). `(user_id, dedupe_key)` is unique: the same issuer's same credential is one row.
 *   A removed award keeps its row with `removed_at` set, so that matching by e-mail does not bring
 *   it back.
 * - `wallet_collections` and `wallet_collection_items`: named, ordered groups of badges.
 * - `wallet_share_links`: per-badge links (`/s/{id}`), stable until revoked.
 * - `wallet_profiles`: the opt-in public profile (`/p/{slug}`).
 * - `organisations.linkedin_organization_id`: LinkedIn's numeric company id, for "add to profile".
 * - an index on `lower(awards.recipient_email)`: a wallet finds the awards made to its addresses
 *   (kept as typed) on every read.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import { sql, type Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('user_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull()) // lower-cased like users.email
    .addColumn('verified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('user_emails_user_email', ['user_id', 'email'])
    .execute();
  await db.schema
    .createIndex('user_emails_verified_email')
    .on('user_emails')
    .column('email')
    .unique()
    .where(sql.ref('verified_at'), 'is not', null)
    .execute();

  await db.schema
    .createTable('wallet_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull()) // award | import
    .addColumn('award_id', 'text')
    .addColumn('format', 'text', (c) => c.notNull()) // how it came in (see wallet-tables.ts)
    .addColumn('ob_version', 'integer', (c) => c.notNull()) // 2 | 3
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('credential', 'text', (c) => c.notNull()) // JSON
    .addColumn('credential_jwt', 'text')
    .addColumn('original', 'text') // base64 of the bytes as imported (image, PDF)
    .addColumn('original_media_type', 'text')
    .addColumn('source_url', 'text')
    .addColumn('issuer_id', 'text')
    .addColumn('issuer_name', 'text')
    .addColumn('achievement_name', 'text')
    .addColumn('description', 'text')
    .addColumn('image', 'text') // URL or data: URL of the badge image
    .addColumn('issued_at', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('verdict', 'text') // decide-verdict.ts; null: not checked yet
    .addColumn('status', 'text', (c) => c.notNull()) // valid | expired | revoked | suspended | unverified
    .addColumn('report', 'text') // JSON VerificationReport; null: not checked yet
    .addColumn('checked_at', 'text')
    .addColumn('next_check_at', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', 'text')
    .addColumn('previous_status', 'text') // set when a re-check changed the status, until seen
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('private')) // private | public
    .addColumn('removed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('wallet_credentials_dedupe', ['user_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('wallet_credentials_user_created')
    .on('wallet_credentials')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('wallet_credentials_next_check')
    .on('wallet_credentials')
    .column('next_check_at')
    .execute();
  await db.schema
    .createIndex('wallet_credentials_award')
    .on('wallet_credentials')
    .column('award_id')
    .execute();

  await db.schema
    .createTable('wallet_collections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('private'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('wallet_collections_user')
    .on('wallet_collections')
    .columns(['user_id', 'position'])
    .execute();
  await db.schema
    .createTable('wallet_collection_items')
    .addColumn('collection_id', 'text', (c) => c.notNull())
    .addColumn('wallet_credential_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('wallet_collection_items_pk', [
      'collection_id',
      'wallet_credential_id',
    ])
    .execute();
  await db.schema
    .createIndex('wallet_collection_items_credential')
    .on('wallet_collection_items')
    .column('wallet_credential_id')
    .execute();

  await db.schema
    .createTable('wallet_share_links')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the random token in /s/{id}
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('wallet_credential_id', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('linkedin_clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('wallet_share_links_credential')
    .on('wallet_share_links')
    .column('wallet_credential_id')
    .execute();

  await db.schema
    .createTable('wallet_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('name_kana', 'text')
    .addColumn('name_romaji', 'text')
    .addColumn('headline', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex('awards_recipient_lower')
    .on('awards')
    .expression(sql`lower(recipient_email)`)
    .execute();

  await db.schema
    .alterTable('organisations')
    .addColumn('linkedin_organization_id', 'text')
    .execute();
};
