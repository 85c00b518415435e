/**
 * The public documents of an award, each built from the stored award: the OB 3.0 credential as
 * signed, its VC-JWT, the OB 2.0 hosted assertion, the OB 2.0 signed assertion (signed with the
 * issuer's current RSA key on first request and stored), the baked images, and the issuer's
 * OB 2.0 RevocationList.
 */
import {
  bakeCredential,
  buildRevocationList,
  signAssertion,
  type Assertion,
  type RevocationList,
} from '@akashi/core';
import { readAchievement } from '../achievements/achievement.js';
import { DEFAULT_ACHIEVEMENT_IMAGE } from '../achievements/default-achievement-image.js';
import type { StoredImage } from '../images/image-store.js';
import { readAchievementImage } from '../achievements/achievement-image.js';
import type { AppContext } from '../http/app-context.js';
import { loadIssuerSigning } from '../issuers/issuer-signing.js';
import { issuerUrls } from '../issuers/issuer-urls.js';
import type { Award } from './award.js';
import { buildAwardAssertion } from './build-award-documents.js';

const assertionInput = (award: Award, publicUrl: string) => ({
  publicUrl,
  awardId: award.id,
  achievementId: award.achievementId,
  recipient: { email: award.recipient.email, salt: award.recipient.salt },
  awardedAt: award.awardedAt,
  validUntil: award.validUntil,
  evidence: award.evidence,
  narrative: award.narrative,
});

/** The OB 2.0 hosted assertion (its id is its own URL). */
export const buildHostedAssertion = (award: Award, publicUrl: string): Assertion =>
  buildAwardAssertion(assertionInput(award, publicUrl), { type: 'HostedBadge' });

/** The OB 2.0 signed assertion (compact JWS), signed once and kept. */
export const loadSignedAssertion = async (context: AppContext, award: Award): Promise<string> => {
  if (award.ob2Signed !== null) return award.ob2Signed;
  const signing = await loadIssuerSigning(context, award.issuerProfileId);
  const jws = await signAssertion(
    buildAwardAssertion(assertionInput(award, context.config.publicUrl), {
      type: 'SignedBadge',
      creator: signing.ob2PublicKeyUrl,
    }),
    signing.rsa.signingKey(),
    { creator: signing.ob2PublicKeyUrl },
  );
  // Two requests racing both sign; the first write wins and RS256 signs alike anyway.
  await context.db.kysely
    .updateTable('awards')
    .set({ ob2_signed: jws })
    .where('id', '=', award.id)
    .where('ob2_signed', 'is', null)
    .execute();
  return jws;
};

/** The achievement's image (the default badge when it has none). */
export const loadAwardImage = async (context: AppContext, award: Award): Promise<StoredImage> => {
  const achievement = await readAchievement(context.db, award.achievementId);
  return (await readAchievementImage(context, achievement)) ?? DEFAULT_ACHIEVEMENT_IMAGE;
};

export type BakedGeneration = 'ob3' | 'ob2';

/** The achievement's image with the credential (OB 3.0) or the signed assertion (OB 2.0) baked in. */
export const bakeAward = async (
  context: AppContext,
  award: Award,
  generation: BakedGeneration,
): Promise<{ mediaType: 'image/png' | 'image/svg+xml'; image: Uint8Array }> => {
  const image = await loadAwardImage(context, award);
  const payload =
    generation === 'ob3'
      ? JSON.stringify(award.credential)
      : await loadSignedAssertion(context, award);
  const baked = bakeCredential(image.bytes, payload, { generation });
  return { mediaType: baked.mediaType, image: baked.image };
};

/** The issuer profile's OB 2.0 RevocationList: every revoked award of that issuer. */
export const buildIssuerRevocationList = async (
  context: AppContext,
  issuerProfileId: string,
): Promise<RevocationList> => {
  const rows = await context.db.kysely
    .selectFrom('awards')
    .select(['id', 'state_reason'])
    .where('issuer_profile_id', '=', issuerProfileId)
    .where('state', '=', 'revoked')
    .orderBy('revoked_at')
    .execute();
  const urls = issuerUrls(context.config.publicUrl, issuerProfileId);
  return buildRevocationList({
    id: urls.revocationList,
    issuer: urls.profile,
    revokedAssertions: rows.flatMap((row) => {
      const reason = row.state_reason === null ? {} : { revocationReason: row.state_reason };
      // Both forms of the assertion: hosted (its URL) and signed (its urn:uuid).
      return [
        { id: `${context.config.publicUrl}/badges/${row.id}/assertion`, ...reason },
        { id: `urn:uuid:${row.id}`, ...reason },
      ];
    }),
  });
};
