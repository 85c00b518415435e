/**
 * An achievement as the rest of the platform sees it (`Achievement`), read from its row, and
 * the URLs it is published at:
 *
 * - `${base}/achievements/{id}`: the OB 3.0 Achievement, Japanese edition (the canonical one,
 *   embedded in credentials), or its HTML page;
 * - `${base}/achievements/{id}?lang=en`: the English edition (an Achievement of its own, linked
 *   both ways through `related`), present when the achievement has an English name;
 * - `${base}/achievements/{id}/badgeclass`: the OB 2.0 BadgeClass;
 * - `${base}/images/{sha256}`: the image (the platform's default image when none was uploaded).
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { AchievementsTable, AchievementStatus } from './achievement-tables.js';
import type { AchievementDefinition } from './achievement-schemas.js';
import { DEFAULT_ACHIEVEMENT_IMAGE } from './default-achievement-image.js';

export interface Achievement extends AchievementDefinition {
  readonly id: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly issuerProfileId: string;
  readonly status: AchievementStatus;
  readonly version: number;
  readonly imageId: string | null;
  readonly imageMediaType: 'image/png' | 'image/svg+xml' | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archivedAt: string | null;
}

export type AchievementRow = AchievementsTable;

export const toAchievement = (row: AchievementRow): Achievement => ({
  ...(JSON.parse(row.definition) as AchievementDefinition),
  id: row.id,
  organisationId: row.organisation_id,
  departmentId: row.department_id,
  issuerProfileId: row.issuer_profile_id,
  status: row.status,
  version: row.version,
  imageId: row.image_id,
  imageMediaType: row.image_media_type,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  archivedAt: row.archived_at,
});

/** Only the editable fields of an achievement (what `definition` holds). */
export const toDefinition = (achievement: AchievementDefinition): AchievementDefinition => {
  const {
    name,
    description,
    criteria,
    achievementType,
    alignments,
    tags,
    skills,
    creditsAvailable,
    fieldOfStudy,
    specialization,
    humanCode,
    validity,
    evidenceRequirement,
  } = achievement;
  return {
    name,
    description,
    criteria,
    ...(achievementType === undefined ? {} : { achievementType }),
    alignments,
    tags,
    skills,
    ...(creditsAvailable === undefined ? {} : { creditsAvailable }),
    ...(fieldOfStudy === undefined ? {} : { fieldOfStudy }),
    ...(specialization === undefined ? {} : { specialization }),
    ...(humanCode === undefined ? {} : { humanCode }),
    ...(validity === undefined ? {} : { validity }),
    ...(evidenceRequirement === undefined ? {} : { evidenceRequirement }),
  };
};

/** The achievement's row, or undefined. */
export const findAchievementRow = (db: Database, id: string): Promise<AchievementRow | undefined> =>
  db.kysely.selectFrom('achievements').selectAll().where('id', '=', id).executeTakeFirst();

/** @throws ServerError `ERR_ACHIEVEMENT_NOT_FOUND` */
export const readAchievement = async (db: Database, id: string): Promise<Achievement> => {
  const row = await findAchievementRow(db, id);
  if (row === undefined) throw new ServerError('ERR_ACHIEVEMENT_NOT_FOUND');
  return toAchievement(row);
};

/** Whether the achievement has an English edition (it has an English name). */
export const hasEnglishEdition = (achievement: AchievementDefinition): boolean =>
  achievement.name.en !== undefined;

export interface AchievementUrls {
  readonly achievement: string;
  readonly achievementEn: string | null;
  readonly badgeClass: string;
  readonly image: string;
}

/** The image id the achievement is shown with: its own, or the default image's. */
export const effectiveImageId = (achievement: Pick<Achievement, 'imageId'>): string =>
  achievement.imageId ?? DEFAULT_ACHIEVEMENT_IMAGE.id;

/** Where the achievement's documents are published under `publicUrl` (no trailing slash). */
export const achievementUrls = (achievement: Achievement, publicUrl: string): AchievementUrls => {
  const base = publicUrl.replace(/\/+$/, '');
  const achievementUrl = `${base}/achievements/${achievement.id}`;
  return {
    achievement: achievementUrl,
    achievementEn: hasEnglishEdition(achievement) ? `${achievementUrl}?lang=en` : null,
    badgeClass: `${achievementUrl}/badgeclass`,
    image: `${base}/images/${effectiveImageId(achievement)}`,
  };
};
