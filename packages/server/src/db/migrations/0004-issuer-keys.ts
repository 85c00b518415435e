/**
 * Migration 0004: `issuer_keys`, the signing keys generated on the server for an organisation or
 * an issuer profile (`keys/key-store.ts`). The private key is stored only encrypted
 * (AES-256-GCM under the master key); retired keys stay, so that their public halves are still
 * published and everything they signed still verifies.
 *
 * Two indexes keep the rules in the database itself, on both SQLite and PostgreSQL: a partial
 * unique index allows one current key (`retired_at is null`) per owner and algorithm, and
 * `version` (1, 2, 3… per owner and algorithm) is unique, so two racing rotations cannot both win.
 * `owner_type` and `algorithm` have no check constraint: a new algorithm (P-256 for
 * ecdsa-sd-2023) must not need a table rebuild on SQLite.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import { sql, type Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('issuer_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_type', 'text', (c) => c.notNull()) // organisation | issuer-profile
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull()) // ed25519 | rsa
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kid', 'text', (c) => c.notNull().unique())
    .addColumn('public_jwk', 'text', (c) => c.notNull()) // JSON
    .addColumn('encrypted_private_key', 'text', (c) => c.notNull()) // base64(iv ‖ ciphertext ‖ tag)
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addUniqueConstraint('issuer_keys_owner_version', [
      'owner_type',
      'owner_id',
      'algorithm',
      'version',
    ])
    .execute();
  await db.schema
    .createIndex('issuer_keys_current')
    .on('issuer_keys')
    .columns(['owner_type', 'owner_id', 'algorithm'])
    .unique()
    .where(sql<boolean>`retired_at is null`)
    .execute();
};
