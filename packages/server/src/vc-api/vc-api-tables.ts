/**
 * The tables of this domain as Kysely sees them (conventions in `db/tables.ts`), created by
 * migration `0013-vc-api-credentials`: one row per credential issued through the W3C VC-API
 * (`POST /credentials/issue`), kept so that its status bits can be set later
 * (`POST /credentials/status`). Badges awarded from achievements live in `awards`, not here.
 */

export interface VcApiCredentialsTable {
  id: string;
  organisation_id: string;
  issuer_profile_id: string;
  /**
   * How VC-API clients refer to it: `options.credentialId`, else the credential's `id`; null when
   * the client gave neither (VC-API: the service does not make one up). Unique per organisation.
   */
  credential_id: string | null;
  /** The signed credential exactly as returned (JSON). */
  credential: string;
  revocation_list_id: string | null;
  revocation_index: number | null;
  suspension_list_id: string | null;
  suspension_index: number | null;
  created_at: string;
  updated_at: string;
}

export interface VcApiTables {
  vc_api_credentials: VcApiCredentialsTable;
}
