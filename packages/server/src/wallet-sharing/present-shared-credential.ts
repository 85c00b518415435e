/**
 * What a public page of one shared badge needs (a share link `/s/{id}` or a profile badge
 * `/p/{slug}/credentials/{id}`): the card and the credential itself, who holds it (the public
 * profile name, never the e-mail address), its verification run live now (not the stored report:
 * a revocation shows at once) and the LinkedIn "Add to profile" fields.
 *
 * The card's status and verdict are the live ones too, so the page never contradicts itself. An
 * e-mail address that a credential names in clear as its recipient (an OB 2.0 assertion with
 * `hashed: false`, an OB 3.0 identifier with `hashed: false`) is replaced by `[hidden]`: public
 * pages never show the recipient's address (ADR 0010).
 */
import type { BadgeInput, BadgeVerifier } from '@akashi/core';
import type { Static } from '@sinclair/typebox';
import type { Database } from '../db/open-database.js';
import { decideVerdict } from '../verification/decide-verdict.js';
import type { VerifyResponse } from '../verification/verification-schemas.js';
import { walletStatusOf } from '../wallet/wallet-status.js';
import { presentWalletSummary, type WalletCredentialRow } from '../wallet/wallet-summary.js';
import {
  buildLinkedInAddToProfileUrl,
  linkedInFieldsOf,
  type LinkedInFields,
} from './linkedin-add-to-profile.js';
import type { LinkedInShare, Owner, SharedCredential } from './wallet-sharing-schemas.js';

export const HIDDEN = '[hidden]';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isClearEmailIdentity = (value: Record<string, unknown>): boolean =>
  value.hashed === false &&
  (value.type === 'email' || value.identityType === 'emailAddress') &&
  (typeof value.identity === 'string' || typeof value.identityHash === 'string');

/** A copy of `value` with every e-mail recipient identity given in clear replaced by `[hidden]`. */
export const hideClearEmails = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(hideClearEmails);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = hideClearEmails(inner);
  if (isClearEmailIdentity(value)) {
    if (typeof copy.identity === 'string') copy.identity = HIDDEN;
    if (typeof copy.identityHash === 'string') copy.identityHash = HIDDEN;
  }
  return copy;
};

/** What the verifier is given for a held badge: the form it came in, where that can be re-read. */
const verifierInput = (row: WalletCredentialRow): BadgeInput => {
  if ((row.format === 'ob3-jwt' || row.format === 'ob2-jws') && row.credential_jwt !== null) {
    return row.credential_jwt;
  }
  if (row.format === 'url' && row.source_url !== null) return row.source_url;
  return JSON.parse(row.credential) as Record<string, unknown>;
};

type Verification = Static<typeof VerifyResponse>;

export const verifyHeldCredential = async (
  verifier: BadgeVerifier,
  row: WalletCredentialRow,
  now: Date,
): Promise<Verification> => {
  const report = await verifier.verify(verifierInput(row), { now });
  const { verdict, explanation } = decideVerdict(report);
  const checks = report.checks.map((check) => hideClearEmails(check) as (typeof report.checks)[0]);
  return {
    verdict,
    explanation,
    report: hideClearEmails({ ...report, checks }) as Verification['report'],
  };
};

/** The owner as public pages name them: their enabled profile, else nobody. */
export const readOwner = async (
  db: Database,
  publicUrl: string,
  userId: string,
): Promise<Static<typeof Owner>> => {
  const profile = await db.kysely
    .selectFrom('wallet_profiles')
    .select(['slug', 'display_name'])
    .where('user_id', '=', userId)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  return profile === undefined
    ? { displayName: null, profileUrl: null }
    : { displayName: profile.display_name, profileUrl: `${publicUrl}/p/${profile.slug}` };
};

/** LinkedIn's company-page id of the organisation that issued an award of this platform. */
const readLinkedInOrganizationId = async (
  db: Database,
  row: WalletCredentialRow,
): Promise<string | null> => {
  if (row.origin !== 'award' || row.award_id === null) return null;
  const organisation = await db.kysely
    .selectFrom('awards')
    .innerJoin('organisations', 'organisations.id', 'awards.organisation_id')
    .select('organisations.linkedin_organization_id as linkedinId')
    .where('awards.id', '=', row.award_id)
    .executeTakeFirst();
  return organisation?.linkedinId ?? null;
};

/** The credential's own id (OB 3.0 `id`, OB 2.0 assertion `id`), else the wallet badge's id. */
const credentialIdOf = (row: WalletCredentialRow, credential: Record<string, unknown>): string =>
  typeof credential.id === 'string' && credential.id !== '' ? credential.id : row.id;

export interface LinkedInShareOptions {
  /** The public page of the badge (LinkedIn's certUrl). */
  readonly certUrl: string;
  /** The link to give people (a counting redirect), when there is one. */
  readonly redirectUrl?: string;
}

export const readLinkedInFields = async (
  db: Database,
  row: WalletCredentialRow,
  certUrl: string,
): Promise<LinkedInFields> => {
  const credential = JSON.parse(row.credential) as Record<string, unknown>;
  return linkedInFieldsOf({
    name: row.achievement_name ?? 'Open Badge',
    organizationId: await readLinkedInOrganizationId(db, row),
    issuerName: row.issuer_name,
    issuedAt: row.issued_at ?? row.valid_from,
    validUntil: row.valid_until,
    certUrl,
    certId: credentialIdOf(row, credential),
  });
};

export interface SharedCredentialParts {
  readonly owner: Static<typeof Owner>;
  readonly credential: Static<typeof SharedCredential>;
  readonly verification: Verification;
  readonly linkedin: Static<typeof LinkedInShare>;
}

/** Everything a public page of this badge shows, verified now. */
export const presentSharedCredential = async (
  db: Database,
  verifier: BadgeVerifier,
  row: WalletCredentialRow,
  options: { readonly publicUrl: string; readonly now: Date } & LinkedInShareOptions,
): Promise<SharedCredentialParts> => {
  const [owner, verification, fields] = await Promise.all([
    readOwner(db, options.publicUrl, row.user_id),
    verifyHeldCredential(verifier, row, options.now),
    readLinkedInFields(db, row, options.certUrl),
  ]);
  const addToProfileUrl = buildLinkedInAddToProfileUrl(fields);
  const summary = presentWalletSummary(row);
  return {
    owner,
    credential: {
      ...summary,
      status: walletStatusOf(verification.verdict),
      verdict: verification.verdict,
      checkedAt: options.now.toISOString(),
      credential: hideClearEmails(JSON.parse(row.credential)) as Record<string, unknown>,
    },
    verification,
    linkedin: { url: options.redirectUrl ?? addToProfileUrl, addToProfileUrl, fields },
  };
};
