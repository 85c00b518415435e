/**
 * A learner's changes to their own wallet badges: visibility, "I have seen the change of status"
 * (one badge or all), and removal. Removing an import deletes it with its collection entries and
 * share links; removing an award keeps the row marked `removed_at` (so matching by e-mail does
 * not bring it back), private, out of every collection, its share links revoked.
 */
import type { Database } from '../db/open-database.js';
import type { WalletCredentialsTable, WalletVisibility } from './wallet-tables.js';

export interface WalletCredentialChange {
  readonly visibility?: WalletVisibility | undefined;
  readonly statusSeen?: true | undefined;
}

export const changeWalletCredential = async (
  db: Database,
  row: WalletCredentialsTable,
  change: WalletCredentialChange,
  now: Date,
): Promise<void> => {
  await db.kysely
    .updateTable('wallet_credentials')
    .set({
      ...(change.visibility === undefined ? {} : { visibility: change.visibility }),
      ...(change.statusSeen === true ? { previous_status: null } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .where('user_id', '=', row.user_id)
    .execute();
};

/** Clears every "status changed" mark of the account's wallet. */
export const markAllStatusesSeen = async (db: Database, userId: string, now: Date) => {
  await db.kysely
    .updateTable('wallet_credentials')
    .set({ previous_status: null, updated_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('previous_status', 'is not', null)
    .execute();
};

export const removeWalletCredential = async (
  db: Database,
  row: WalletCredentialsTable,
  now: Date,
): Promise<void> => {
  const at = now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('wallet_collection_items')
      .where('wallet_credential_id', '=', row.id)
      .execute();
    if (row.origin === 'import') {
      await trx
        .deleteFrom('wallet_share_links')
        .where('wallet_credential_id', '=', row.id)
        .execute();
      await trx.deleteFrom('wallet_credentials').where('id', '=', row.id).execute();
      return;
    }
    await trx
      .updateTable('wallet_share_links')
      .set({ revoked_at: at })
      .where('wallet_credential_id', '=', row.id)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .updateTable('wallet_credentials')
      .set({ removed_at: at, visibility: 'private', previous_status: null, updated_at: at })
      .where('id', '=', row.id)
      .execute();
  });
};
