/**
 * What a wallet card shows of a verified badge, read from the verifier's report: the issuer,
 * the achievement (BadgeClass) name, description and image, the dates, and the duplicate key
 * (ADR 0010: issuer id + "\n" + credential id, else the SHA-256 of the canonical JSON). OB 3.0
 * reads the credential; OB 2.0 the assertion with the BadgeClass and issuer Profile the verifier
 * fetched (`report.badgeClass`, `report.issuerProfile`).
 */
import { createHash } from 'node:crypto';
import type { BadgeVerificationReport } from '@akashi/core';

type Json = Record<string, unknown>;

/** A data: URL image is kept on the card only up to this size; larger ones are dropped. */
export const MAX_CARD_DATA_IMAGE_CHARS = 256 * 1024;

export interface WalletCard {
  readonly obVersion: 2 | 3;
  readonly credentialId: string | null;
  readonly issuerId: string | null;
  readonly issuerName: string | null;
  readonly name: string | null;
  readonly description: string | null;
  readonly image: string | null;
  readonly issuedAt: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly dedupeKey: string;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** A plain string, or the first string of a language map (`{ "ja": …, "en": … }`). */
const textOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (isObject(value)) {
    if (typeof value['@value'] === 'string') return value['@value'];
    for (const entry of Object.values(value)) if (typeof entry === 'string') return entry;
  }
  return null;
};

const idOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : isObject(value) ? textOf(value.id) : null;

/** An image as a URL: an https URL kept as it is, a data: URL only when small enough. */
const imageOf = (value: unknown): string | null => {
  const url = idOf(first(value));
  if (url === null) return null;
  if (url.startsWith('data:')) return url.length <= MAX_CARD_DATA_IMAGE_CHARS ? url : null;
  return /^https?:\/\//.test(url) ? url : null;
};

/** An instant as stored (`toISOString`, so text order is time order); unparseable: as given. */
const instantOf = (value: unknown): string | null => {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
};

/** JSON with object keys sorted, so that the same credential always hashes the same. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
};

/**
 * An id as the Open Badges equality rule compares it (`equality-and-comparison.md`):
 * percent-decoded, white space trimmed. Invalid percent-encoding is compared as written.
 */
export const normaliseId = (id: string): string => {
  let decoded = id.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Not valid percent-encoding: compared as written.
  }
  return decoded.trim();
};

export const dedupeKeyOf = (
  issuerId: string | null,
  credentialId: string | null,
  credential: Json,
): string =>
  issuerId !== null && credentialId !== null
    ? `${normaliseId(issuerId)}\n${normaliseId(credentialId)}`
    : `sha256:${createHash('sha256').update(canonicalJson(credential)).digest('hex')}`;

const readOb3Card = (credential: Json): WalletCard => {
  const issuer = credential.issuer;
  const subject = first(credential.credentialSubject);
  const achievement = isObject(subject) && isObject(subject.achievement) ? subject.achievement : {};
  const issuerId = idOf(issuer);
  const credentialId = textOf(credential.id);
  return {
    obVersion: 3,
    credentialId,
    issuerId,
    issuerName: isObject(issuer) ? textOf(issuer.name) : null,
    name: textOf(achievement.name) ?? textOf(credential.name),
    description: textOf(achievement.description) ?? textOf(credential.description),
    image: imageOf(achievement.image),
    issuedAt: instantOf(
      credential.awardedDate ?? credential.issuanceDate ?? credential.validFrom ?? null,
    ),
    validFrom: instantOf(credential.validFrom ?? credential.issuanceDate ?? null),
    validUntil: instantOf(credential.validUntil ?? credential.expirationDate ?? null),
    dedupeKey: dedupeKeyOf(issuerId, credentialId, credential),
  };
};

const readOb2Card = (assertion: Json, report: Json): WalletCard => {
  const badgeClass = isObject(report.badgeClass)
    ? report.badgeClass
    : isObject(assertion.badge)
      ? assertion.badge
      : {};
  const profile = isObject(report.issuerProfile)
    ? report.issuerProfile
    : isObject(badgeClass.issuer)
      ? badgeClass.issuer
      : {};
  const issuerId = textOf(profile.id) ?? idOf(badgeClass.issuer);
  const credentialId = textOf(assertion.id);
  return {
    obVersion: 2,
    credentialId,
    issuerId,
    issuerName: textOf(profile.name),
    name: textOf(badgeClass.name),
    description: textOf(badgeClass.description),
    image: imageOf(badgeClass.image),
    issuedAt: instantOf(assertion.issuedOn),
    validFrom: instantOf(assertion.issuedOn),
    validUntil: instantOf(assertion.expires),
    dedupeKey: dedupeKeyOf(issuerId, credentialId, assertion),
  };
};

/** The card of the credential the report read; `undefined` when it read none. */
export const readWalletCard = (report: BadgeVerificationReport): WalletCard | undefined => {
  const credential = report.credential;
  if (credential === undefined) return undefined;
  return report.generation === 'ob2'
    ? readOb2Card(credential, report as unknown as Json)
    : readOb3Card(credential);
};
