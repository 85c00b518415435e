/**
 * Everything a credential carries that a learner may want to read, from either generation:
 * OB 3.0 (`credentialSubject.achievement` with its criteria, alignments and result
 * descriptions, the subject's results and identifiers, `evidence`, `endorsement`) and OB 2.0
 * (the assertion with its BadgeClass — embedded or as the verifier fetched it — `evidence`,
 * `narrative`, `recipient`). Values are read, never interpreted as markup; only http(s) URLs are
 * kept as links.
 */
import type { Language } from '../kit/language.js';
import type { JsonObject, VerificationReportView } from '../verify/verify-types.js';

export interface AlignmentFact {
  readonly name: string | undefined;
  readonly url: string | undefined;
  readonly description: string | undefined;
  readonly framework: string | undefined;
  readonly code: string | undefined;
}

export interface EvidenceFact {
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly narrative: string | undefined;
  readonly url: string | undefined;
}

export interface ResultFact {
  readonly description: string | undefined;
  readonly value: string | undefined;
  readonly status: string | undefined;
}

export interface EndorsementFact {
  readonly issuer: string | undefined;
  readonly comment: string | undefined;
}

export interface IdentityFact {
  readonly type: string | undefined;
  readonly hashed: boolean;
  /** The identity in clear (only when not hashed). */
  readonly value: string | undefined;
}

export interface CredentialFacts {
  readonly description: string | undefined;
  readonly criteria: { readonly narrative: string | undefined; readonly url: string | undefined };
  readonly alignments: readonly AlignmentFact[];
  readonly evidence: readonly EvidenceFact[];
  readonly results: readonly ResultFact[];
  readonly endorsements: readonly EndorsementFact[];
  readonly identities: readonly IdentityFact[];
  readonly tags: readonly string[];
  readonly credentialId: string | undefined;
  readonly issuerUrl: string | undefined;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listOf = (value: unknown): readonly unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

const objects = (value: unknown): readonly JsonObject[] => listOf(value).filter(isObject);

/** A string, or the page's language from a language map, else any entry. */
export const textOf = (value: unknown, language: Language): string | undefined => {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isObject(value)) {
    const preferred = value[language];
    if (typeof preferred === 'string') return preferred;
    const any = Object.values(value).find((entry) => typeof entry === 'string');
    return typeof any === 'string' ? any : undefined;
  }
  return undefined;
};

/** The value when it is an http(s) URL (never a javascript: or data: link). */
export const httpUrl = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const alignmentsOf = (value: unknown, l: Language): AlignmentFact[] =>
  objects(value).map((a) => ({
    name: textOf(a.targetName, l),
    url: httpUrl(a.targetUrl),
    description: textOf(a.targetDescription, l),
    framework: textOf(a.targetFramework, l),
    code: textOf(a.targetCode, l),
  }));

const evidenceOf = (value: unknown, l: Language): EvidenceFact[] =>
  listOf(value).flatMap((entry): EvidenceFact[] => {
    if (typeof entry === 'string') {
      const url = httpUrl(entry);
      return url === undefined
        ? []
        : [{ name: undefined, description: undefined, narrative: undefined, url }];
    }
    if (!isObject(entry)) return [];
    return [
      {
        name: textOf(entry.name, l),
        description: textOf(entry.description, l),
        narrative: textOf(entry.narrative, l),
        url: httpUrl(entry.id) ?? httpUrl(entry.url),
      },
    ];
  });

const identitiesOf = (subject: JsonObject | undefined, l: Language): IdentityFact[] =>
  objects(subject?.identifier).map((identity) => {
    const hashed = identity.hashed === true;
    return {
      type: textOf(identity.identityType, l),
      hashed,
      value: hashed ? undefined : textOf(identity.identityHash ?? identity.identity, l),
    };
  });

const ob3Facts = (credential: JsonObject, l: Language): CredentialFacts => {
  const subject = objects(credential.credentialSubject)[0];
  const achievement = isObject(subject?.achievement) ? subject.achievement : undefined;
  const criteria = isObject(achievement?.criteria) ? achievement.criteria : undefined;
  const issuer = isObject(credential.issuer) ? credential.issuer : undefined;
  const endorsements = [...objects(credential.endorsement), ...objects(achievement?.endorsement)];
  return {
    description: textOf(achievement?.description, l) ?? textOf(credential.description, l),
    criteria: {
      narrative: textOf(criteria?.narrative, l),
      url: httpUrl(criteria?.id),
    },
    alignments: alignmentsOf(achievement?.alignment, l),
    evidence: evidenceOf(credential.evidence, l),
    results: objects(subject?.result).map((r) => ({
      description: textOf(r.resultDescription, l),
      value: textOf(r.value, l) ?? textOf(r.achievedLevel, l),
      status: textOf(r.status, l),
    })),
    endorsements: endorsements.map((e) => {
      const endorser = isObject(e.issuer) ? e.issuer : undefined;
      const endorsed = objects(e.credentialSubject)[0];
      return {
        issuer: textOf(endorser?.name, l) ?? textOf(e.issuer, l),
        comment: textOf(endorsed?.endorsementComment, l),
      };
    }),
    identities: identitiesOf(subject, l),
    tags: listOf(achievement?.tag).flatMap((tag) => textOf(tag, l) ?? []),
    credentialId: textOf(credential.id, l),
    issuerUrl: httpUrl(issuer?.url) ?? httpUrl(issuer?.id ?? credential.issuer),
  };
};

const ob2Facts = (
  assertion: JsonObject,
  report: VerificationReportView | null,
  l: Language,
): CredentialFacts => {
  const badge = report?.badgeClass ?? (isObject(assertion.badge) ? assertion.badge : undefined);
  const issuer = report?.issuerProfile ?? (isObject(badge?.issuer) ? badge.issuer : undefined);
  const criteria = badge?.criteria;
  const recipient = isObject(assertion.recipient) ? assertion.recipient : undefined;
  const narrative = textOf(assertion.narrative, l);
  const evidence = evidenceOf(assertion.evidence, l);
  return {
    description: textOf(badge?.description, l),
    criteria: {
      narrative: isObject(criteria) ? textOf(criteria.narrative, l) : undefined,
      url: isObject(criteria) ? httpUrl(criteria.id) : httpUrl(criteria),
    },
    alignments: alignmentsOf(badge?.alignment, l),
    evidence:
      narrative === undefined
        ? evidence
        : [{ name: undefined, description: undefined, narrative, url: undefined }, ...evidence],
    results: [],
    endorsements: objects(assertion.endorsement).map((e) => ({
      issuer: textOf(e.issuer, l),
      comment: textOf(isObject(e.claim) ? e.claim.endorsementComment : undefined, l),
    })),
    identities:
      recipient === undefined
        ? []
        : [
            {
              type: textOf(recipient.type, l),
              hashed: recipient.hashed === true,
              value: recipient.hashed === true ? undefined : textOf(recipient.identity, l),
            },
          ],
    tags: listOf(badge?.tags).flatMap((tag) => textOf(tag, l) ?? []),
    credentialId: textOf(assertion.id, l),
    issuerUrl: httpUrl(issuer?.url) ?? httpUrl(issuer?.id),
  };
};

export const credentialFacts = (
  credential: JsonObject,
  obVersion: 2 | 3,
  report: VerificationReportView | null,
  language: Language,
): CredentialFacts =>
  obVersion === 2 ? ob2Facts(credential, report, language) : ob3Facts(credential, language);
