/**
 * The storage queries of the key store, on `issuer_keys`. Callers pass the `Database` of a
 * transaction when several of them must happen together (`runInTransaction`).
 */
import type { Database } from '../db/open-database.js';
import type { IssuerKeysTable } from '../db/tables.js';
import type { IssuerKeyAlgorithm, IssuerKeyRow, KeyOwner } from './issuer-key.js';

/** Every column but the ciphertext: what listing needs. */
const PUBLIC_COLUMNS = [
  'id',
  'owner_type',
  'owner_id',
  'algorithm',
  'version',
  'kid',
  'public_jwk',
  'master_key_id',
  'created_at',
  'activated_at',
  'retired_at',
] as const;

/** The owner's current key of `algorithm`, with its ciphertext; undefined when there is none. */
export const selectCurrentKey = (
  db: Database,
  owner: KeyOwner,
  algorithm: IssuerKeyAlgorithm,
): Promise<IssuerKeysTable | undefined> =>
  db.kysely
    .selectFrom('issuer_keys')
    .selectAll()
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .where('algorithm', '=', algorithm)
    .where('retired_at', 'is', null)
    .executeTakeFirst();

/** The highest version the owner has of `algorithm` (0 when none). */
export const selectLatestVersion = async (
  db: Database,
  owner: KeyOwner,
  algorithm: IssuerKeyAlgorithm,
): Promise<number> => {
  const row = await db.kysely
    .selectFrom('issuer_keys')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .where('algorithm', '=', algorithm)
    .executeTakeFirst();
  return row?.version ?? 0;
};

export const insertKey = async (db: Database, row: IssuerKeysTable): Promise<void> => {
  await db.kysely.insertInto('issuer_keys').values(row).execute();
};

/** Marks a key retired; false when it was not current any more (another rotation won). */
export const retireKey = async (db: Database, id: string, retiredAt: string): Promise<boolean> => {
  const result = await db.kysely
    .updateTable('issuer_keys')
    .set({ retired_at: retiredAt })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
};

/** Every key of the owner, current and retired, without ciphertexts: by algorithm, then version. */
export const selectOwnerKeys = (db: Database, owner: KeyOwner): Promise<IssuerKeyRow[]> =>
  db.kysely
    .selectFrom('issuer_keys')
    .select(PUBLIC_COLUMNS)
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .orderBy('algorithm')
    .orderBy('version')
    .execute();
