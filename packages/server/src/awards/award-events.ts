/**
 * What webhook subscribers receive about an award: enough to act on it (ids, state, dates, the
 * links to the badge and its credential), never the recipient's e-mail address or name.
 */
import type { Award } from './award.js';
import { awardUrl } from './build-award-documents.js';

export const awardEventData = (award: Award, publicUrl: string): Record<string, unknown> => ({
  awardId: award.id,
  achievementId: award.achievementId,
  issuerProfileId: award.issuerProfileId,
  departmentId: award.departmentId,
  state: award.state,
  externalId: award.externalId,
  awardedAt: award.awardedAt,
  validUntil: award.validUntil,
  badgeUrl: awardUrl(publicUrl, award.id),
  credentialId: award.credential.id,
  ...(award.stateReason === null ? {} : { reason: award.stateReason }),
  ...(award.replacesAwardId === null ? {} : { replacesAwardId: award.replacesAwardId }),
  ...(award.replacedByAwardId === null ? {} : { replacedByAwardId: award.replacedByAwardId }),
});
