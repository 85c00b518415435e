/**
 * The wallet's tables as Kysely sees them (conventions in `db/tables.ts`), created by migration
 * `0015-wallet`. ADR 0010 describes the wallet.
 */

/** Where a wallet badge came from: an award of this platform, or an import. */
export type WalletOrigin = 'award' | 'import';

/**
 * How the badge came in: `award` (issued here), `ob3-json`, `ob3-jwt`, `ob2-json` (an assertion
 * object), `ob2-jws` (a signed assertion), `url` (an OB 2.0 hosted assertion or any credential
 * URL), `png` / `svg` (a baked image), `pdf` (a sealed certificate).
 */
export type WalletFormat =
  'award' | 'ob3-json' | 'ob3-jwt' | 'ob2-json' | 'ob2-jws' | 'url' | 'png' | 'svg' | 'pdf';

/** What the learner sees on the card. `unverified`: the verdict is none of the others. */
export type WalletStatus = 'valid' | 'expired' | 'revoked' | 'suspended' | 'unverified';

export type WalletVisibility = 'private' | 'public';

export interface UserEmailsTable {
  id: string;
  user_id: string;
  /** Lower-cased (ASCII) like `users.email`. */
  email: string;
  verified_at: string | null;
  created_at: string;
}

export interface WalletCredentialsTable {
  id: string;
  user_id: string;
  origin: WalletOrigin;
  /** The award, for `origin = 'award'`. */
  award_id: string | null;
  format: WalletFormat;
  ob_version: number;
  /** `issuer id` + "\n" + `credential id` (or the SHA-256 of the credential when it has no id). */
  dedupe_key: string;
  /** The OB 3.0 credential or OB 2.0 assertion as verified, JSON. */
  credential: string;
  /** The compact VC-JWT / JWS when it came as one (or the award has one). */
  credential_jwt: string | null;
  /** Base64 of the bytes as imported, for images and PDFs (so export gives them back). */
  original: string | null;
  original_media_type: string | null;
  /** The URL it was imported from. */
  source_url: string | null;
  issuer_id: string | null;
  issuer_name: string | null;
  achievement_name: string | null;
  description: string | null;
  /** The badge image: an https URL or a data: URL. */
  image: string | null;
  issued_at: string | null;
  valid_from: string | null;
  valid_until: string | null;
  /** The verdict of the last verification (`verification/decide-verdict.ts`); null: none yet. */
  verdict: string | null;
  status: WalletStatus;
  /** The last `VerificationReport`, JSON; null until the first check. */
  report: string | null;
  checked_at: string | null;
  next_check_at: string;
  status_changed_at: string | null;
  /** The status before a background re-check changed it; cleared when the learner has seen it. */
  previous_status: WalletStatus | null;
  visibility: WalletVisibility;
  /** Set when the learner removed an award (the row stays so e-mail matching skips it). */
  removed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WalletCollectionsTable {
  id: string;
  user_id: string;
  name: string;
  description: string | null;
  visibility: WalletVisibility;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface WalletCollectionItemsTable {
  collection_id: string;
  wallet_credential_id: string;
  position: number;
}

export interface WalletShareLinksTable {
  /** The random token in `/s/{id}` (base64url, 128 bits). */
  id: string;
  user_id: string;
  wallet_credential_id: string;
  views: number;
  linkedin_clicks: number;
  created_at: string;
  revoked_at: string | null;
}

export interface WalletProfilesTable {
  user_id: string;
  /** The stable part of `/p/{slug}`. */
  slug: string;
  enabled: number;
  /** As the learner typed it (kanji, kana or romaji); never Unicode-normalised. */
  display_name: string;
  name_kana: string | null;
  name_romaji: string | null;
  headline: string | null;
  created_at: string;
  updated_at: string;
}

export interface WalletTables {
  user_emails: UserEmailsTable;
  wallet_credentials: WalletCredentialsTable;
  wallet_collections: WalletCollectionsTable;
  wallet_collection_items: WalletCollectionItemsTable;
  wallet_share_links: WalletShareLinksTable;
  wallet_profiles: WalletProfilesTable;
}
