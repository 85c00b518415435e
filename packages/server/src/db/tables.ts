import type { ColumnType } from 'kysely';
import type { IssuerTables } from '../issuers/issuer-tables.js';
import type { AchievementTables } from '../achievements/achievement-tables.js';
import type { StatusListTables } from '../status-lists/status-list-tables.js';
import type { AwardTables } from '../awards/award-tables.js';
import type { BulkJobTables } from '../bulk/bulk-job-tables.js';
import type { WebhookTables } from '../webhooks/webhook-tables.js';
import type { NotificationTables } from '../notifications/notification-tables.js';
import type { VcApiTables } from '../vc-api/vc-api-tables.js';
import type { AnalyticsTables } from '../analytics/analytics-tables.js';
import type { WalletTables } from '../wallet/wallet-tables.js';
import type { EcosystemTables } from '../oauth/oauth-tables.js';

/**
 * The tables of the database as Kysely sees them: one interface per table, its columns as they
 * come out of a query on both SQLite and PostgreSQL. A domain adds its tables here, beside the
 * migration that creates them (`migration-list.ts`).
 *
 * Portable column conventions (the same TypeScript type on both databases):
 * - identifiers: `text` (UUIDs or opaque ids made by the application);
 * - timestamps: `text` holding an ISO 8601 UTC date-time with milliseconds
 *   (`Date.prototype.toISOString()`), which sorts chronologically as text;
 * - booleans: `integer` 0 or 1; JSON documents: `text`;
 * - counts: `integer` / `bigint` come back as numbers on both (see `postgres-dialect.ts`).
 */

/** The instance itself: one row, written by the first migration. */
export interface InstanceTable {
  /** A random UUID that identifies this installation. */
  id: string;
  /** When the database was created (ISO 8601 UTC). */
  created_at: string;
}

/** Columns with a database default may be left out of an insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface UsersTable {
  id: string;
  /** Lower-cased (ASCII) e-mail address; unique. */
  email: string;
  display_name: string;
  /** scrypt hash in PHC-like form; null for accounts that have not set a password yet. */
  password_hash: string | null;
  email_verified_at: string | null;
  /** 1 for platform operators. */
  is_operator: Defaulted<number>;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The time step (Unix time / 30 s) of the last TOTP code accepted; a code is good once. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  /** `ja` or `en`: the language of e-mails and pages. */
  locale: Defaulted<string>;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session cookie's token; the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  /** When the second factor was given in this session (null: password only). */
  second_factor_at: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type EmailTokenPurpose =
  | 'verify-email'
  | 'reset-password'
  | 'operator-setup'
  /** Confirms a further address of an account (`user_emails`, the wallet). */
  | 'add-email';

export interface EmailTokensTable {
  /** SHA-256 (hex) of the token sent by e-mail. */
  id: string;
  user_id: string | null;
  email: string;
  purpose: EmailTokenPurpose;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface PasskeysTable {
  /** The WebAuthn credential id, base64url. */
  id: string;
  user_id: string;
  name: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: Defaulted<number>;
  /** JSON array of transports. */
  transports: Defaulted<string>;
  created_at: string;
  last_used_at: string | null;
}

export interface WebauthnChallengesTable {
  id: string;
  user_id: string | null;
  challenge: string;
  purpose: 'register' | 'authenticate';
  expires_at: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

export type OrganisationType = 'university' | 'school' | 'company' | 'association' | 'government';
export type OrganisationStatus = 'pending' | 'approved' | 'rejected';

export interface OrganisationsTable {
  id: string;
  /** The legal name (usually Japanese), kept exactly as entered: never normalised. */
  legal_name: string;
  name_en: string;
  /** The organisation's web domain (lower-cased); unique. */
  domain: string;
  contact_email: string;
  org_type: OrganisationType;
  justification: string;
  status: OrganisationStatus;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  /** 1 when every staff member must use two-factor authentication. */
  require_2fa: Defaulted<number>;
  applicant_user_id: string | null;
  /** LinkedIn's numeric company-page id, for "add to profile" links (migration 0015). */
  linkedin_organization_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: string;
  organisation_id: string;
  name: string;
  created_at: string;
}

export type MembershipRole = 'org_admin' | 'issuer' | 'viewer';

export interface MembershipsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  role: MembershipRole;
  created_at: string;
}

/** The departments an `issuer` membership may issue for. */
export interface MembershipDepartmentsTable {
  membership_id: string;
  department_id: string;
}

export interface ApiKeysTable {
  id: string;
  organisation_id: string;
  name: string;
  /** The first characters of the key, shown in lists so that users can tell keys apart. */
  key_prefix: string;
  /** SHA-256 (hex) of the whole key; the key itself is shown once and never stored. */
  key_hash: string;
  /** JSON array of scope strings. */
  scopes: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  occurred_at: string;
  /** `<area>.<verb>`, e.g. `account.sign-in`, `org.approve`, `api-key.revoke`. */
  action: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  organisation_id: string | null;
  target_type: string | null;
  target_id: string | null;
  /** JSON object with the event's details. */
  details: Defaulted<string>;
  ip: string | null;
  request_id: string | null;
}

export type IssuerKeyOwnerType = 'organisation' | 'issuer-profile';
export type IssuerKeyAlgorithm = 'ed25519' | 'rsa';

/** Signing keys generated on the server (`keys/key-store.ts`); retired keys are kept. */
export interface IssuerKeysTable {
  id: string;
  owner_type: IssuerKeyOwnerType;
  owner_id: string;
  algorithm: IssuerKeyAlgorithm;
  /** 1 for the owner's first key of this algorithm, one more at each rotation. */
  version: number;
  /** The key id published in DID documents and JWKS (Multikey or JWK thumbprint); unique. */
  kid: string;
  /** The public JWK (JSON, with `kid`, `alg`, `use`); never a private member. */
  public_jwk: string;
  /** base64(IV ‖ AES-256-GCM ciphertext of the private JWK ‖ tag), bound to this row. */
  encrypted_private_key: string;
  /** Which master key encrypted it (a fingerprint, never the key). */
  master_key_id: string;
  created_at: string;
  /** When it started signing. */
  activated_at: string;
  /** When a newer key replaced it; null while it is the current key. */
  retired_at: string | null;
}

/** Badge images (`images/database-image-store.ts`), validated or sanitised before storing. */
export interface ImagesTable {
  /** SHA-256 (lower-case hex) of `bytes`: an image is stored once, under its content. */
  id: string;
  media_type: 'image/png' | 'image/svg+xml';
  /** The image itself: `bytea` on PostgreSQL, a BLOB on SQLite; a Buffer on both. */
  bytes: Buffer;
  created_at: string;
}

/** Every table: the foundation's below, the domains' from their own folders. */
export interface Tables
  extends
    IssuerTables,
    AchievementTables,
    StatusListTables,
    AwardTables,
    BulkJobTables,
    WebhookTables,
    NotificationTables,
    VcApiTables,
    AnalyticsTables,
    WalletTables,
    EcosystemTables {
  instance: InstanceTable;
  users: UsersTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  rate_limits: RateLimitsTable;
  organisations: OrganisationsTable;
  departments: DepartmentsTable;
  memberships: MembershipsTable;
  membership_departments: MembershipDepartmentsTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  issuer_keys: IssuerKeysTable;
  images: ImagesTable;
}
