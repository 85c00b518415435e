/** An achievement as the API shows it: every field, plus the URLs it is published at. */
import { achievementUrls, toDefinition, type Achievement } from './achievement.js';
import type { AchievementView } from './achievement-schemas.js';

export const presentAchievement = (
  achievement: Achievement,
  publicUrl: string,
): AchievementView => ({
  id: achievement.id,
  organisationId: achievement.organisationId,
  departmentId: achievement.departmentId,
  issuerProfileId: achievement.issuerProfileId,
  status: achievement.status,
  version: achievement.version,
  ...toDefinition(achievement),
  imageId: achievement.imageId,
  imageMediaType: achievement.imageMediaType,
  urls: { ...achievementUrls(achievement, publicUrl) },
  createdAt: achievement.createdAt,
  updatedAt: achievement.updatedAt,
  archivedAt: achievement.archivedAt,
});
