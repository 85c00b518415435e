/**
 * Migration 0003: what account security needs beyond 0002. `users.totp_last_step` records the
 * time step of the last TOTP code accepted, so that a code cannot be used twice (RFC 6238
 * section 5.2); indexes serve the per-user lookups of passkeys, recovery codes and e-mail tokens
 * (every authenticated request asks whether the user has a passkey).
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema.createIndex('passkeys_user').on('passkeys').column('user_id').execute();
  await db.schema
    .createIndex('recovery_codes_user')
    .on('recovery_codes')
    .column('user_id')
    .execute();
  await db.schema.createIndex('email_tokens_user').on('email_tokens').column('user_id').execute();
};
