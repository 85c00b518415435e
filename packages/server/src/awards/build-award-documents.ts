/**
 * The documents of one award, built from the issuer, the achievement and the recipient: the
 * unsigned OB 3.0 OpenBadgeCredential (signed by `issue-awards.ts`) and the OB 2.0 hosted
 * Assertion (built on request, from the same facts, so both generations always agree).
 *
 * The credential names the recipient only by the salted hash of their e-mail address (and their
 * DID when they gave one): it is served publicly at the badge's URL, so it carries no name. It
 * lists no `credentialSchema`: a verifier would have to fetch 1EdTech's schema from the network to
 * check it, and without that network the verdict would be "indeterminate"; conformance to the
 * official schema is checked in our tests instead.
 */
import {
  buildAssertion,
  buildIdentityObject,
  buildOb2IdentityObject,
  buildOpenBadgeCredential,
  type Assertion,
} from '@akashi/core';
import type { IssuerProfile } from '../issuers/issuer-profile.js';
import type { AwardEvidence } from './award.js';

export const awardUrl = (publicUrl: string, awardId: string): string =>
  `${publicUrl}/badges/${awardId}`;

export const ob2AssertionUrl = (publicUrl: string, awardId: string): string =>
  `${awardUrl(publicUrl, awardId)}/assertion`;

export const ob2BadgeClassUrl = (publicUrl: string, achievementId: string): string =>
  `${publicUrl}/achievements/${achievementId}/badgeclass`;

export interface AwardCredentialInput {
  readonly publicUrl: string;
  readonly awardId: string;
  readonly profile: IssuerProfile;
  /** The OB 3.0 Achievement (`buildOb3Achievement`). */
  readonly achievement: Record<string, unknown>;
  readonly achievementName: string;
  readonly recipient: { readonly email: string; readonly salt: string; readonly did?: string };
  readonly awardedAt: Date;
  readonly validFrom: Date;
  readonly validUntil: Date | undefined;
  readonly evidence: readonly AwardEvidence[];
  readonly narrative: string | undefined;
  /** BitstringStatusListEntry objects (revocation, suspension). */
  readonly credentialStatus: readonly Record<string, unknown>[];
}

/** The issuer as the credential embeds it: a Profile with the Japanese name first. */
export const embeddedIssuer = (profile: IssuerProfile, publicUrl: string) => ({
  id: profile.identifier,
  type: ['Profile'],
  name: profile.name.ja,
  ...(profile.url === '' ? {} : { url: profile.url }),
  ...(profile.email === '' ? {} : { email: profile.email }),
  ...(profile.description.ja === '' ? {} : { description: profile.description.ja }),
  ...(profile.imageId === null
    ? {}
    : { image: { id: `${publicUrl}/images/${profile.imageId}`, type: 'Image' } }),
});

const shapeEvidence = (evidence: readonly AwardEvidence[]) =>
  evidence.map((item) => ({
    ...(item.url === undefined ? {} : { id: item.url }),
    ...(item.narrative === undefined ? {} : { narrative: item.narrative }),
  }));

/** The unsigned OB 3.0 credential of an award. */
export const buildAwardCredential = (input: AwardCredentialInput): Record<string, unknown> => {
  const [first, ...more] = input.credentialStatus;
  const credential = buildOpenBadgeCredential({
    id: awardUrl(input.publicUrl, input.awardId),
    name: input.achievementName,
    issuer: embeddedIssuer(input.profile, input.publicUrl),
    validFrom: input.validFrom,
    ...(input.validUntil === undefined ? {} : { validUntil: input.validUntil }),
    awardedDate: input.awardedAt,
    credentialStatus: first,
    ...(input.evidence.length === 0 ? {} : { evidence: shapeEvidence(input.evidence) }),
    credentialSubject: {
      ...(input.recipient.did === undefined ? {} : { id: input.recipient.did }),
      identifier: [
        buildIdentityObject({ email: input.recipient.email, salt: input.recipient.salt }),
      ],
      ...(input.narrative === undefined ? {} : { narrative: input.narrative }),
      achievement: input.achievement,
    },
  } as unknown as Parameters<typeof buildOpenBadgeCredential>[0]) as unknown as Record<
    string,
    unknown
  >;
  // A suspendable award carries its suspension entry too: a list, which the builder (made for
  // the 1EdTech schema's single object) does not emit itself.
  return more.length === 0 ? credential : { ...credential, credentialStatus: [first, ...more] };
};

/** A date as the core's builders write it: `YYYY-MM-DDTHH:MM:SSZ`. */
const shapeDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export type AwardVaryingFields = Pick<
  AwardCredentialInput,
  | 'awardId'
  | 'recipient'
  | 'awardedAt'
  | 'validFrom'
  | 'validUntil'
  | 'evidence'
  | 'narrative'
  | 'credentialStatus'
>;

/**
 * The credential of one award of a batch, from `base` (a credential of the same achievement and
 * issuer made by `buildAwardCredential`, so validated once for the batch): only the fields that
 * differ from award to award are set, in the builder's shapes. The signing step validates the
 * result again (lenient model), so a bad field still fails that award alone.
 */
export const fillAwardCredential = (
  base: Record<string, unknown>,
  publicUrl: string,
  fields: AwardVaryingFields,
): Record<string, unknown> => {
  const {
    validUntil: _validUntil,
    evidence: _evidence,
    credentialSubject: baseSubject,
    ...rest
  } = base;
  const {
    id: _subjectId,
    narrative: _narrative,
    identifier: _identifier,
    ...subject
  } = baseSubject as Record<string, unknown>;
  const [first, ...more] = fields.credentialStatus;
  return {
    ...rest,
    id: awardUrl(publicUrl, fields.awardId),
    validFrom: shapeDate(fields.validFrom),
    ...(fields.validUntil === undefined ? {} : { validUntil: shapeDate(fields.validUntil) }),
    awardedDate: shapeDate(fields.awardedAt),
    credentialStatus: more.length === 0 ? first : [first, ...more],
    ...(fields.evidence.length === 0
      ? {}
      : {
          evidence: shapeEvidence(fields.evidence).map((item) => ({ ...item, type: ['Evidence'] })),
        }),
    credentialSubject: {
      ...(fields.recipient.did === undefined ? {} : { id: fields.recipient.did }),
      ...subject,
      identifier: [
        buildIdentityObject({ email: fields.recipient.email, salt: fields.recipient.salt }),
      ],
      ...(fields.narrative === undefined ? {} : { narrative: fields.narrative }),
    },
  };
};

export interface AwardAssertionInput {
  readonly publicUrl: string;
  readonly awardId: string;
  readonly achievementId: string;
  readonly recipient: { readonly email: string; readonly salt: string };
  readonly awardedAt: string;
  readonly validUntil: string | null;
  readonly evidence: readonly AwardEvidence[];
  readonly narrative: string | null;
}

/** The OB 2.0 Assertion: hosted (`HostedBadge`, id = its URL) or to be signed (`SignedBadge`). */
export const buildAwardAssertion = (
  input: AwardAssertionInput,
  verification: { type: 'HostedBadge' } | { type: 'SignedBadge'; creator: string },
): Assertion =>
  buildAssertion({
    id:
      verification.type === 'HostedBadge'
        ? ob2AssertionUrl(input.publicUrl, input.awardId)
        : `urn:uuid:${input.awardId}`,
    recipient: buildOb2IdentityObject({ email: input.recipient.email, salt: input.recipient.salt }),
    badge: ob2BadgeClassUrl(input.publicUrl, input.achievementId),
    verification,
    issuedOn: new Date(input.awardedAt),
    ...(input.validUntil === null ? {} : { expires: new Date(input.validUntil) }),
    ...(input.narrative === null ? {} : { narrative: input.narrative }),
    ...(input.evidence.length === 0
      ? {}
      : {
          evidence: input.evidence.map((item) => ({
            ...(item.url === undefined ? {} : { id: item.url }),
            ...(item.narrative === undefined ? {} : { narrative: item.narrative }),
          })),
        }),
  });
