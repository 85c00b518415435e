/**
 * The tables of this domain as Kysely sees them (conventions in `db/tables.ts`), created by
 * migration `0007-achievements`.
 */

export type AchievementStatus = 'active' | 'archived';

/**
 * An achievement (OB 3.0 Achievement / OB 2.0 BadgeClass) of an organisation. Every editable
 * field lives in `definition` (JSON, `achievements/achievement-definition.ts`); the columns beside
 * it are what lists filter, sort and search on. Rows are never deleted: an archived achievement
 * stays published, because the badges already awarded point at it.
 */
export interface AchievementsTable {
  id: string;
  organisation_id: string;
  /** The department it belongs to; null for an organisation-wide achievement. */
  department_id: string | null;
  /** The issuer profile (`issuer_profiles`) that awards it. */
  issuer_profile_id: string;
  status: AchievementStatus;
  /** 1 when created, one more at every edit (also in OB 3.0 `version`). */
  version: number;
  /** JSON: every editable field (`AchievementDefinition`). */
  definition: string;
  /** The image (`images/`, SHA-256 hex) or null for the platform's default image. */
  image_id: string | null;
  image_media_type: 'image/png' | 'image/svg+xml' | null;
  /** Copies of the names, for listing and search. */
  name_ja: string;
  name_en: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface AchievementTables {
  achievements: AchievementsTable;
}
