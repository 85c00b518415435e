/**
 * An achievement as an Open Badges 2.0 `BadgeClass` (checked by the core's strict OB 2.0 schema),
 * served at `${base}/achievements/{id}/badgeclass` and named by every hosted assertion. OB 2.0
 * has one language per object: the BadgeClass is the Japanese edition. Its issuer is the issuer
 * profile's OB 2.0 Profile, `${base}/issuers/{issuerProfileId}`; criteria are `{ id?, narrative? }`;
 * alignments and skills with a URL become `alignment`, tags and skills without one `tags`.
 */
import { buildBadgeClass } from '@akashi/core';
import { achievementUrls, type Achievement } from './achievement.js';
import { collectAlignments, collectTags } from './build-ob3-achievement.js';

export const buildOb2BadgeClass = (
  achievement: Achievement,
  publicUrl: string,
): Record<string, unknown> => {
  const base = publicUrl.replace(/\/+$/, '');
  const urls = achievementUrls(achievement, base);
  const { criteria } = achievement;
  const alignment = collectAlignments(achievement).map(
    ({ targetName, targetUrl, targetDescription, targetFramework, targetCode }) => ({
      targetName,
      targetUrl,
      ...(targetDescription === undefined ? {} : { targetDescription }),
      ...(targetFramework === undefined ? {} : { targetFramework }),
      ...(targetCode === undefined ? {} : { targetCode }),
    }),
  );
  const tags = collectTags(achievement);
  return buildBadgeClass({
    id: urls.badgeClass,
    name: achievement.name.ja,
    description: achievement.description.ja,
    image: urls.image,
    criteria: {
      ...(criteria.url === undefined ? {} : { id: criteria.url }),
      ...(criteria.narrative === undefined ? {} : { narrative: criteria.narrative.ja }),
    },
    issuer: `${base}/issuers/${achievement.issuerProfileId}`,
    ...(alignment.length === 0 ? {} : { alignment }),
    ...(tags.length === 0 ? {} : { tags }),
  });
};
