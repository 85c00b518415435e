/**
 * The tables of migration `0016-oauth-and-exchanges` as Kysely sees them (conventions in
 * `db/tables.ts`); ADR 0011.
 */

export interface OAuthClientsTable {
  /** The client_id. */
  id: string;
  /** SHA-256 (hex) of the client secret. */
  secret_hash: string;
  name: string;
  /** JSON array of the registered redirect URIs (exact match). */
  redirect_uris: string;
  /** JSON array: `authorization_code`, `refresh_token`. */
  grant_types: string;
  /** The scopes granted at registration, space-separated. */
  scope: string;
  /** The registration as echoed to the client (RFC 7591 metadata), JSON. */
  metadata: string;
  created_at: string;
  disabled_at: string | null;
}

export interface OAuthCodesTable {
  /** SHA-256 (hex) of the code. */
  id: string;
  client_id: string;
  user_id: string;
  redirect_uri: string;
  scope: string;
  /** BASE64URL(SHA-256(code_verifier)). */
  code_challenge: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type OAuthTokenKind = 'access' | 'refresh';

export interface OAuthTokensTable {
  /** SHA-256 (hex) of the token. */
  id: string;
  kind: OAuthTokenKind;
  client_id: string;
  user_id: string;
  scope: string;
  code_id: string | null;
  refresh_token_id: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface Ob3ProfilesTable {
  user_id: string;
  /** The Profile (JSON) `getProfile` answers; its `id` may be any IRI. */
  profile: string;
  updated_at: string;
}

export interface RemoteHostsTable {
  id: string;
  /** The host's base URL (before `/ims/ob/v3p0`), normalised, no trailing slash. */
  base_url: string;
  name: string | null;
  /** The service description (discovery document) as read, JSON. */
  discovery: string;
  client_id: string;
  /** Encrypted under the master key. */
  client_secret: string;
  registered_at: string;
  updated_at: string;
}

export type WalletConnectionState = 'pending' | 'connected' | 'failed' | 'disconnected';

export interface WalletConnectionsTable {
  id: string;
  user_id: string;
  remote_host_id: string;
  state: WalletConnectionState;
  oauth_state: string | null;
  /** Encrypted under the master key; only while pending. */
  code_verifier: string | null;
  scope: string | null;
  /** Encrypted under the master key. */
  access_token: string | null;
  /** Encrypted under the master key. */
  refresh_token: string | null;
  expires_at: string | null;
  last_error: string | null;
  last_import_at: string | null;
  created_at: string;
  updated_at: string;
}

export type AwardHostPushState = 'pending' | 'pushed' | 'failed';

/** An award sent to its recipient's own Open Badges 3.0 host (from the award e-mail's link). */
export interface AwardHostPushesTable {
  id: string;
  award_id: string;
  remote_host_id: string;
  state: AwardHostPushState;
  oauth_state: string | null;
  /** Encrypted under the master key; only while pending. */
  code_verifier: string | null;
  /** The host's answer, JSON `{ status, description? }`. */
  result: string | null;
  created_at: string;
  updated_at: string;
}

export type ExchangeProtocol = 'lcw' | 'vcapi' | 'oid4vci';
export type ExchangeState = 'pending' | 'active' | 'complete' | 'invalid';

export interface CredentialExchangesTable {
  /** Random (128 bits, base64url): the exchange URL's last segment. */
  id: string;
  award_id: string;
  protocol: ExchangeProtocol;
  state: ExchangeState;
  challenge: string | null;
  /** SHA-256 (hex) of the OID4VCI pre-authorized code. */
  pre_authorized_code: string | null;
  /** SHA-256 (hex) of the transaction code, when the offer asks for one. */
  tx_code: string | null;
  tx_code_failures: number;
  /** SHA-256 (hex) of the OID4VCI access token. */
  access_token: string | null;
  c_nonce: string | null;
  holder_did: string | null;
  /** The credential as delivered (JSON text or a compact JWT). */
  credential: string | null;
  created_at: string;
  expires_at: string;
  completed_at: string | null;
}

export interface EcosystemTables {
  oauth_clients: OAuthClientsTable;
  oauth_codes: OAuthCodesTable;
  oauth_tokens: OAuthTokensTable;
  ob3_profiles: Ob3ProfilesTable;
  remote_hosts: RemoteHostsTable;
  wallet_connections: WalletConnectionsTable;
  award_host_pushes: AwardHostPushesTable;
  credential_exchanges: CredentialExchangesTable;
}
