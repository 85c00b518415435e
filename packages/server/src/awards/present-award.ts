/** An award for staff on the wire (`AwardView`): its state, recipient and every download link. */
import type { Award } from './award.js';
import type { AwardView } from './award-schemas.js';
import { awardUrl, ob2AssertionUrl } from './build-award-documents.js';

export const presentAward = (award: Award, publicUrl: string): AwardView => {
  const page = awardUrl(publicUrl, award.id);
  return {
    id: award.id,
    organisationId: award.organisationId,
    departmentId: award.departmentId,
    achievementId: award.achievementId,
    issuerProfileId: award.issuerProfileId,
    state: award.state,
    stateReason: award.stateReason,
    recipient: {
      email: award.recipient.email,
      name: award.recipient.name,
      nameKana: award.recipient.nameKana,
      nameRomaji: award.recipient.nameRomaji,
      did: award.recipient.did,
      identity: award.recipient.identity,
      public: award.recipient.public,
    },
    externalId: award.externalId,
    idempotencyKey: award.idempotencyKey,
    awardedAt: award.awardedAt,
    validFrom: award.validFrom,
    validUntil: award.validUntil,
    suspendable: award.suspension !== undefined,
    replacesAwardId: award.replacesAwardId,
    replacedByAwardId: award.replacedByAwardId,
    bulkJobId: award.bulkJobId,
    links: {
      badgePage: page,
      credential: `${page}/credential.json`,
      credentialJwt: award.credentialJwt === null ? null : `${page}/credential.jwt`,
      ob2Assertion: ob2AssertionUrl(publicUrl, award.id),
      ob2SignedAssertion: `${page}/assertion.jws`,
      bakedImage: `${page}/image`,
      ob2BakedImage: `${page}/ob2-image`,
    },
    createdAt: award.createdAt,
    updatedAt: award.updatedAt,
    revokedAt: award.revokedAt,
  };
};
