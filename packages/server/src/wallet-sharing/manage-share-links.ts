/**
 * Share links: capability URLs `/s/{id}` for one badge of the learner's wallet, whatever its
 * visibility, until revoked (ADR 0010). The id is 128 random bits in base64url; a badge has at
 * most `MAX_ACTIVE_SHARE_LINKS` live links at a time. Revoking sets `revoked_at`: the public read
 * side stops answering at once. Only the owner can create or revoke; another account's badge or
 * link is "not found".
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import type { WalletShareLinksTable } from '../wallet/wallet-tables.js';
import type { ShareLink } from './wallet-sharing-schemas.js';

export const MAX_ACTIVE_SHARE_LINKS = 20;

/** A new share link id: 16 random bytes, base64url (22 characters). */
export const createShareLinkId = (): string => randomBytes(16).toString('base64url');

export const shareLinkUrl = (publicUrl: string, id: string): string =>
  `${publicUrl}/s/${encodeURIComponent(id)}`;

export const presentShareLink = (publicUrl: string, row: WalletShareLinksTable): ShareLink => ({
  id: row.id,
  credentialId: row.wallet_credential_id,
  url: shareLinkUrl(publicUrl, row.id),
  linkedinUrl: `${shareLinkUrl(publicUrl, row.id)}/linkedin`,
  views: row.views,
  linkedinClicks: row.linkedin_clicks,
  createdAt: row.created_at,
});

export const createShareLink = (
  db: Database,
  publicUrl: string,
  userId: string,
  credentialId: string,
  now: Date,
): Promise<ShareLink> =>
  runInTransaction(db, async (tx) => {
    const credential = await tx.kysely
      .selectFrom('wallet_credentials')
      .select('id')
      .where('id', '=', credentialId)
      .where('user_id', '=', userId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (credential === undefined) throw new ServerError('ERR_WALLET_CREDENTIAL_NOT_FOUND');
    const active = await tx.kysely
      .selectFrom('wallet_share_links')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('wallet_credential_id', '=', credentialId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(active.count) >= MAX_ACTIVE_SHARE_LINKS) {
      throw new ServerError('ERR_WALLET_SHARE_LINK_LIMIT', {
        params: { limit: MAX_ACTIVE_SHARE_LINKS },
      });
    }
    const row: WalletShareLinksTable = {
      id: createShareLinkId(),
      user_id: userId,
      wallet_credential_id: credentialId,
      views: 0,
      linkedin_clicks: 0,
      created_at: now.toISOString(),
      revoked_at: null,
    };
    await tx.kysely.insertInto('wallet_share_links').values(row).execute();
    return presentShareLink(publicUrl, row);
  });

/** Revokes the owner's link; revoking a revoked link again changes nothing. */
export const revokeShareLink = async (
  db: Database,
  userId: string,
  id: string,
  now: Date,
): Promise<void> => {
  const row = await db.kysely
    .selectFrom('wallet_share_links')
    .select(['id', 'revoked_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_WALLET_SHARE_LINK_NOT_FOUND');
  if (row.revoked_at !== null) return;
  await db.kysely
    .updateTable('wallet_share_links')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
};
