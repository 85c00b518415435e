/**
 * The tables of this domain as Kysely sees them (conventions in `db/tables.ts`), created by
 * migration `0006-issuer-profiles`.
 */
export type IssuerIdentifierMethodColumn = 'did:web' | 'did:key' | 'https';

/**
 * An issuer identity of an organisation: its default one (`is_default` 1, no department) and at
 * most one per department. Its keys are in `issuer_keys` (owner type `issuer-profile`). Rows are
 * never deleted: an archived profile's documents stay published so that its badges verify.
 */
export interface IssuerProfilesTable {
  id: string;
  organisation_id: string;
  /** The department it issues for; null for the organisation's default profile. */
  department_id: string | null;
  /** 1 for the organisation's default profile (one per organisation). */
  is_default: number;
  name_ja: string;
  name_en: string;
  /** The issuer's home page (https). */
  url: string;
  email: string;
  /** '' when none. */
  description_ja: string;
  description_en: string;
  /** An image id (SHA-256 hex, `images/`), or null. */
  image_id: string | null;
  identifier_method: IssuerIdentifierMethodColumn;
  /** The OB 3.0 issuer id (did:web:…, did:key:…, or the profile URL). */
  identifier: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface IssuerTables {
  issuer_profiles: IssuerProfilesTable;
}
