/**
 * The awards table as Kysely sees it (conventions in `db/tables.ts`), created by migration
 * `0009-awards`.
 */

export type AwardState = 'active' | 'revoked' | 'suspended';

export interface AwardsTable {
  id: string;
  organisation_id: string;
  department_id: string | null;
  achievement_id: string;
  /** The achievement's version the credential embeds. */
  achievement_version: number;
  issuer_profile_id: string;
  state: AwardState;
  /** Why it was revoked or suspended, as the issuer wrote it. */
  state_reason: string | null;
  /** As entered (the hash is of the normalised form); never Unicode-normalised. */
  recipient_email: string;
  /** The recipient's name exactly as entered (kanji, kana or romaji). */
  recipient_name: string | null;
  recipient_name_kana: string | null;
  recipient_name_romaji: string | null;
  recipient_did: string | null;
  /** `sha256$…` of the normalised e-mail with `recipient_salt` appended. */
  recipient_identity: string;
  recipient_salt: string;
  /** 1 when the recipient chose to show their name on the public badge page. */
  recipient_public: number;
  external_id: string | null;
  idempotency_key: string;
  awarded_at: string;
  valid_from: string;
  valid_until: string | null;
  /** JSON array of `{ url?, narrative? }`. */
  evidence: string | null;
  narrative: string | null;
  /** The signed OB 3.0 credential, JSON. */
  credential: string;
  credential_jwt: string | null;
  /** The OB 2.0 signed assertion (compact JWS), made on first request. */
  ob2_signed: string | null;
  revocation_list_id: string;
  revocation_index: number;
  /** Null when the credential was issued without a suspension entry (not suspendable). */
  suspension_list_id: string | null;
  suspension_index: number | null;
  replaces_award_id: string | null;
  replaced_by_award_id: string | null;
  bulk_job_id: string | null;
  locale: 'ja' | 'en';
  created_at: string;
  updated_at: string;
  revoked_at: string | null;
}

export interface AwardTables {
  awards: AwardsTable;
}
