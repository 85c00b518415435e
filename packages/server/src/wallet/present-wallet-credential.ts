/**
 * A learner's own wallet badge: reading it (another account's or a removed one is not found —
 * 404, never 403, so ids cannot be probed) and presenting it in full (`WalletCredential`): the
 * card, the credential, the last report and its explanation, the collections it is in, its
 * active share links and the downloads it has.
 */
import type { BadgeVerificationReport } from '@akashi/core';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import { decideVerdict } from '../verification/decide-verdict.js';
import type { WalletCredential, WalletDownloadFormat } from './wallet-schemas.js';
import { presentWalletSummary } from './wallet-summary.js';
import type { WalletCredentialsTable } from './wallet-tables.js';

/** The account's badge `id`, not removed; else 404 ERR_WALLET_CREDENTIAL_NOT_FOUND. */
export const readOwnWalletRow = async (
  db: Database,
  userId: string,
  id: string,
): Promise<WalletCredentialsTable> => {
  const row = await db.kysely
    .selectFrom('wallet_credentials')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_WALLET_CREDENTIAL_NOT_FOUND');
  return row;
};

/** The formats `…/download?format=` can give for this badge. */
export const downloadsOf = (row: WalletCredentialsTable): WalletDownloadFormat[] => [
  ...(row.original === null ? [] : ['original' as const]),
  'json',
  ...(row.credential_jwt === null ? [] : ['jwt' as const]),
  ...(row.award_id === null ? [] : ['png' as const]),
];

const parseObject = (text: string | null): Record<string, unknown> | null => {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
};

export const presentWalletCredential = async (
  db: Database,
  publicUrl: string,
  row: WalletCredentialsTable,
): Promise<WalletCredential> => {
  const report = parseObject(row.report);
  const collections = await db.kysely
    .selectFrom('wallet_collection_items as item')
    .innerJoin('wallet_collections as collection', 'collection.id', 'item.collection_id')
    .select(['collection.id as id', 'collection.name as name'])
    .where('item.wallet_credential_id', '=', row.id)
    .where('collection.user_id', '=', row.user_id)
    .orderBy('collection.position')
    .orderBy('collection.id')
    .execute();
  const links = await db.kysely
    .selectFrom('wallet_share_links')
    .select(['id', 'created_at', 'views', 'linkedin_clicks'])
    .where('wallet_credential_id', '=', row.id)
    .where('user_id', '=', row.user_id)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    ...presentWalletSummary(row),
    credential: parseObject(row.credential) ?? {},
    credentialJwt: row.credential_jwt,
    report: report as WalletCredential['report'],
    explanation:
      report === null
        ? null
        : decideVerdict(report as unknown as BadgeVerificationReport).explanation,
    sourceUrl: row.source_url,
    collections,
    shareLinks: links.map((link) => ({
      id: link.id,
      url: `${publicUrl}/s/${link.id}`,
      createdAt: link.created_at,
      views: link.views,
      linkedinClicks: link.linkedin_clicks,
    })),
    downloads: downloadsOf(row),
  };
};
