/**
 * The facts a person looks for in a verified credential — the badge's name, the issuer (with a
 * link), the recipient as the credential names them, the dates — read from the report of either
 * generation: OB 3.0 (`credentialSubject.achievement`, `issuer`, `validFrom`/`validUntil`, or the
 * VC 1.1 `issuanceDate`/`expirationDate`) and OB 2.0 (the assertion with its BadgeClass and
 * issuer Profile, `issuedOn`, `expires`, `recipient`). Nothing is normalised: names are shown as
 * the credential spells them.
 */
import type { Language } from '../kit/language.js';
import type { JsonObject, VerificationReportView } from './verify-types.js';

export type RecipientView =
  | { readonly kind: 'name' | 'identifier'; readonly value: string }
  | { readonly kind: 'hashed' }
  | { readonly kind: 'unknown' };

export interface CredentialSummary {
  readonly badgeName: string | undefined;
  readonly issuerName: string | undefined;
  /** An http(s) link to the issuer, when the credential gives one. */
  readonly issuerUrl: string | undefined;
  readonly recipient: RecipientView;
  readonly issuedOn: string | undefined;
  readonly validFrom: string | undefined;
  readonly expires: string | undefined;
  readonly id: string | undefined;
  readonly format: string | undefined;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const firstOf = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** A string, or the page's language from a language map (`{ ja, en }`), else any entry. */
const textOf = (value: unknown, language: Language): string | undefined => {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (isObject(value)) {
    const preferred = value[language];
    if (typeof preferred === 'string') return preferred;
    const any = Object.values(value).find((entry) => typeof entry === 'string');
    return typeof any === 'string' ? any : undefined;
  }
  return undefined;
};

const httpUrl = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const ob3Recipient = (subject: JsonObject | undefined, language: Language): RecipientView => {
  if (subject === undefined) return { kind: 'unknown' };
  const name = textOf(subject.name, language);
  if (name !== undefined) return { kind: 'name', value: name };
  const identifiers = Array.isArray(subject.identifier) ? subject.identifier : [subject.identifier];
  for (const identity of identifiers) {
    if (!isObject(identity)) continue;
    if (identity.hashed === true) return { kind: 'hashed' };
    const plain = stringOf(identity.identity);
    if (plain !== undefined) return { kind: 'identifier', value: plain };
  }
  const id = stringOf(subject.id);
  return id === undefined ? { kind: 'unknown' } : { kind: 'identifier', value: id };
};

const ob2Recipient = (recipient: unknown): RecipientView => {
  if (!isObject(recipient)) return { kind: 'unknown' };
  if (recipient.hashed === true) return { kind: 'hashed' };
  const identity = stringOf(recipient.identity);
  return identity === undefined ? { kind: 'unknown' } : { kind: 'identifier', value: identity };
};

const FORMATS: Readonly<Record<string, string>> = {
  json: 'JSON',
  jwt: 'JWT',
  png: 'PNG',
  svg: 'SVG',
};

const formatOf = (report: VerificationReportView): string | undefined => {
  const generation =
    report.generation === 'ob2'
      ? 'Open Badges 2.0'
      : report.generation === 'ob3'
        ? 'Open Badges 3.0'
        : undefined;
  const container = report.format === undefined ? undefined : FORMATS[report.format];
  if (generation === undefined) return container;
  return container === undefined ? generation : `${generation} (${container})`;
};

const summariseOb2 = (
  report: VerificationReportView,
  assertion: JsonObject,
  language: Language,
): CredentialSummary => {
  const badge = report.badgeClass ?? (isObject(assertion.badge) ? assertion.badge : undefined);
  const issuer = report.issuerProfile ?? (isObject(badge?.issuer) ? badge.issuer : undefined);
  return {
    badgeName: textOf(badge?.name, language),
    issuerName: textOf(issuer?.name, language),
    issuerUrl: httpUrl(issuer?.url) ?? httpUrl(issuer?.id),
    recipient: ob2Recipient(assertion.recipient),
    issuedOn: stringOf(assertion.issuedOn),
    validFrom: undefined,
    expires: stringOf(assertion.expires),
    id: stringOf(assertion.id),
    format: formatOf(report),
  };
};

const summariseOb3 = (
  report: VerificationReportView,
  credential: JsonObject,
  language: Language,
): CredentialSummary => {
  const subjectValue = firstOf(credential.credentialSubject);
  const subject = isObject(subjectValue) ? subjectValue : undefined;
  const achievement = isObject(subject?.achievement) ? subject.achievement : undefined;
  const issuer = isObject(credential.issuer) ? credential.issuer : undefined;
  const issuerId = typeof credential.issuer === 'string' ? credential.issuer : issuer?.id;
  const validFrom = stringOf(credential.validFrom) ?? stringOf(credential.issuanceDate);
  return {
    badgeName: textOf(achievement?.name, language) ?? textOf(credential.name, language),
    issuerName: textOf(issuer?.name, language) ?? stringOf(issuerId),
    issuerUrl: httpUrl(issuer?.url) ?? httpUrl(issuerId),
    recipient: ob3Recipient(subject, language),
    issuedOn: stringOf(credential.awardedDate) ?? validFrom,
    validFrom,
    expires: stringOf(credential.validUntil) ?? stringOf(credential.expirationDate),
    id: stringOf(credential.id),
    format: formatOf(report),
  };
};

/** The summary, or undefined when the report holds no credential. */
export const summariseCredential = (
  report: VerificationReportView,
  language: Language,
): CredentialSummary | undefined => {
  const { credential } = report;
  if (credential === undefined) return undefined;
  return report.generation === 'ob2'
    ? summariseOb2(report, credential, language)
    : summariseOb3(report, credential, language);
};
