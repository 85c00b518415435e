/**
 * The wallet's copy of an award of this platform (ADR 0010): one function builds the
 * `wallet_credentials` row for a claim and for an e-mail match alike. The credential and its
 * VC-JWT are copied as issued; the card fields come from the credential itself (what the learner
 * holds), the dates and the status from the award. A row made without a verification report is
 * due for the wallet's background re-check at once.
 */
import { randomUUID } from 'node:crypto';
import type { BadgeVerificationReport } from '@akashi/core';
import type { AwardsTable } from '../awards/award-tables.js';
import type { Verdict } from '../verification/decide-verdict.js';
import { dedupeKeyOf } from '../wallet/read-wallet-card.js';
import { walletStatusOf } from '../wallet/wallet-status.js';
import type { WalletCredentialsTable, WalletStatus } from '../wallet/wallet-tables.js';

/** The award columns a wallet row is made from. */
export type AwardForWallet = Pick<
  AwardsTable,
  'id' | 'state' | 'awarded_at' | 'valid_from' | 'valid_until' | 'credential' | 'credential_jwt'
>;

/** The columns `AwardForWallet` names, for `select`. */
export const AWARD_FOR_WALLET_COLUMNS = [
  'id',
  'state',
  'awarded_at',
  'valid_from',
  'valid_until',
  'credential',
  'credential_jwt',
] as const satisfies readonly (keyof AwardsTable)[];

/** A verification made when the row is built (a claim verifies at once). */
export interface AwardVerification {
  readonly verdict: Verdict;
  readonly report: BadgeVerificationReport;
}

/** The next background re-check after a verification (ADR 0010: every 24 hours by default). */
export const RECHECK_AFTER_MS = 24 * 60 * 60 * 1000;

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A text value: a string, or the Japanese (else English, else first) entry of a language map. */
const textOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return null;
  for (const key of ['ja', 'en', ...Object.keys(value)]) {
    const entry = value[key];
    if (typeof entry === 'string') return entry;
  }
  return null;
};

const idOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  return isObject(value) && typeof value.id === 'string' ? value.id : null;
};

const firstObject = (value: unknown): Json | undefined =>
  Array.isArray(value) ? value.find(isObject) : isObject(value) ? value : undefined;

/** What a card shows, read from an OB 3.0 credential. */
export const readAwardCard = (credential: Json) => {
  const issuer = credential.issuer;
  const achievement = firstObject(credential.credentialSubject)?.achievement;
  const card = isObject(achievement) ? achievement : {};
  return {
    issuerId: idOf(issuer),
    issuerName: isObject(issuer) ? textOf(issuer.name) : null,
    name: textOf(card.name) ?? textOf(credential.name),
    description: textOf(card.description),
    image: idOf(card.image),
    credentialId: typeof credential.id === 'string' ? credential.id : null,
  };
};

/** The status an award shows before the first verification. */
export const awardStatusOf = (award: AwardForWallet, now: Date): WalletStatus => {
  if (award.state === 'revoked' || award.state === 'suspended') return award.state;
  const at = now.toISOString();
  if (award.valid_until !== null && award.valid_until <= at) return 'expired';
  if (award.valid_from > at) return 'unverified';
  return 'valid';
};

/** The new `wallet_credentials` row that puts `award` in `userId`'s wallet. */
export const buildAwardWalletRow = (
  award: AwardForWallet,
  userId: string,
  now: Date,
  verification?: AwardVerification,
): WalletCredentialsTable => {
  const credential = JSON.parse(award.credential) as Json;
  const card = readAwardCard(credential);
  const at = now.toISOString();
  return {
    id: randomUUID(),
    user_id: userId,
    origin: 'award',
    award_id: award.id,
    format: 'award',
    ob_version: 3,
    // ADR 0010: issuer id + "\n" + credential id (an award's credential always has both).
    dedupe_key: dedupeKeyOf(card.issuerId ?? '', card.credentialId ?? `urn:uuid:${award.id}`, {}),
    credential: award.credential,
    credential_jwt: award.credential_jwt,
    original: null,
    original_media_type: null,
    source_url: null,
    issuer_id: card.issuerId,
    issuer_name: card.issuerName,
    achievement_name: card.name,
    description: card.description,
    image: card.image,
    issued_at: award.awarded_at,
    valid_from: award.valid_from,
    valid_until: award.valid_until,
    verdict: verification?.verdict ?? null,
    status:
      verification === undefined ? awardStatusOf(award, now) : walletStatusOf(verification.verdict),
    report: verification === undefined ? null : JSON.stringify(verification.report),
    checked_at: verification === undefined ? null : at,
    next_check_at:
      verification === undefined ? at : new Date(now.getTime() + RECHECK_AFTER_MS).toISOString(),
    status_changed_at: null,
    previous_status: null,
    visibility: 'private',
    removed_at: null,
    created_at: at,
    updated_at: at,
  };
};
