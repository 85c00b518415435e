/**
 * The public read side's queries: a live share link and its badge, an enabled public profile with
 * what it shows, and one badge of it. "Live" means: the link is not revoked, the badge is not
 * removed, the account is not disabled. A profile shows the account's public badges and its
 * public collections with all their badges (making a collection public publishes them) — removed
 * badges never. Everything else is "not found", whoever asks.
 */
import { sql } from 'kysely';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import { presentWalletSummary, type WalletCredentialRow } from '../wallet/wallet-summary.js';
import type { WalletProfilesTable, WalletShareLinksTable } from '../wallet/wallet-tables.js';
import type { PublicProfile } from './wallet-sharing-schemas.js';

export interface LiveShareLink {
  readonly link: WalletShareLinksTable;
  readonly row: WalletCredentialRow;
}

const readLiveCredential = (db: Database, userId: string, id: string) =>
  db.kysely
    .selectFrom('wallet_credentials')
    .innerJoin('users', 'users.id', 'wallet_credentials.user_id')
    .selectAll('wallet_credentials')
    .where('wallet_credentials.id', '=', id)
    .where('wallet_credentials.user_id', '=', userId)
    .where('wallet_credentials.removed_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();

export const readLiveShareLink = async (db: Database, id: string): Promise<LiveShareLink> => {
  const link = await db.kysely
    .selectFrom('wallet_share_links')
    .selectAll()
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  const row =
    link === undefined
      ? undefined
      : await readLiveCredential(db, link.user_id, link.wallet_credential_id);
  if (link === undefined || row === undefined) {
    throw new ServerError('ERR_WALLET_SHARE_LINK_NOT_FOUND');
  }
  return { link, row };
};

export const countShareLinkView = async (db: Database, id: string): Promise<void> => {
  await db.kysely
    .updateTable('wallet_share_links')
    .set({ views: sql<number>`views + 1` })
    .where('id', '=', id)
    .execute();
};

export const countLinkedInClick = async (db: Database, id: string): Promise<void> => {
  await db.kysely
    .updateTable('wallet_share_links')
    .set({ linkedin_clicks: sql<number>`linkedin_clicks + 1` })
    .where('id', '=', id)
    .execute();
};

export const profileUrl = (publicUrl: string, slug: string): string => `${publicUrl}/p/${slug}`;

/** An enabled profile of a live account. */
export const readEnabledProfile = async (
  db: Database,
  slug: string,
): Promise<WalletProfilesTable> => {
  const profile = await db.kysely
    .selectFrom('wallet_profiles')
    .innerJoin('users', 'users.id', 'wallet_profiles.user_id')
    .selectAll('wallet_profiles')
    .where('wallet_profiles.slug', '=', slug)
    .where('wallet_profiles.enabled', '=', 1)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (profile === undefined) throw new ServerError('ERR_WALLET_PROFILE_NOT_FOUND');
  return profile;
};

const newestFirst = sql`coalesce(issued_at, valid_from, created_at)`;

/** The profile as the public sees it. */
export const readPublicProfile = async (
  db: Database,
  publicUrl: string,
  slug: string,
): Promise<PublicProfile> => {
  const profile = await readEnabledProfile(db, slug);
  const userId = profile.user_id;
  const credentials = await db.kysely
    .selectFrom('wallet_credentials')
    .selectAll()
    .where('user_id', '=', userId)
    .where('visibility', '=', 'public')
    .where('removed_at', 'is', null)
    .orderBy(newestFirst, 'desc')
    .orderBy('id')
    .execute();
  const collections = await db.kysely
    .selectFrom('wallet_collections')
    .selectAll()
    .where('user_id', '=', userId)
    .where('visibility', '=', 'public')
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  const items =
    collections.length === 0
      ? []
      : await db.kysely
          .selectFrom('wallet_collection_items')
          .innerJoin(
            'wallet_credentials',
            'wallet_credentials.id',
            'wallet_collection_items.wallet_credential_id',
          )
          .selectAll('wallet_credentials')
          .select('wallet_collection_items.collection_id as collectionId')
          .where(
            'wallet_collection_items.collection_id',
            'in',
            collections.map((collection) => collection.id),
          )
          .where('wallet_credentials.user_id', '=', userId)
          .where('wallet_credentials.removed_at', 'is', null)
          .orderBy('wallet_collection_items.position')
          .execute();
  return {
    slug: profile.slug,
    url: profileUrl(publicUrl, profile.slug),
    displayName: profile.display_name,
    nameKana: profile.name_kana,
    nameRomaji: profile.name_romaji,
    headline: profile.headline,
    credentials: credentials.map(presentWalletSummary),
    collections: collections.map((collection) => ({
      id: collection.id,
      name: collection.name,
      description: collection.description,
      credentials: items
        .filter((item) => item.collectionId === collection.id)
        .map(({ collectionId: _collection, ...row }) => presentWalletSummary(row)),
    })),
  };
};

export interface ProfileCredential {
  readonly profile: WalletProfilesTable;
  readonly row: WalletCredentialRow;
}

/** A badge the enabled profile shows: public itself, or in one of its public collections. */
export const readProfileCredential = async (
  db: Database,
  slug: string,
  credentialId: string,
): Promise<ProfileCredential> => {
  const profile = await readEnabledProfile(db, slug);
  const row = await readLiveCredential(db, profile.user_id, credentialId);
  if (row === undefined) throw new ServerError('ERR_WALLET_PROFILE_CREDENTIAL_NOT_FOUND');
  if (row.visibility === 'public') return { profile, row };
  const inPublicCollection = await db.kysely
    .selectFrom('wallet_collection_items')
    .innerJoin(
      'wallet_collections',
      'wallet_collections.id',
      'wallet_collection_items.collection_id',
    )
    .select('wallet_collections.id')
    .where('wallet_collection_items.wallet_credential_id', '=', row.id)
    .where('wallet_collections.user_id', '=', profile.user_id)
    .where('wallet_collections.visibility', '=', 'public')
    .executeTakeFirst();
  if (inPublicCollection === undefined) {
    throw new ServerError('ERR_WALLET_PROFILE_CREDENTIAL_NOT_FOUND');
  }
  return { profile, row };
};
