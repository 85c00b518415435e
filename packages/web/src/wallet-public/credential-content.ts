/**
 * What a shared badge carries beyond its card, read from the credential of either generation:
 * criteria (narrative and page), alignments, evidence and results. OB 3.0:
 * `credentialSubject.achievement.{criteria, alignment, resultDescription}`, `evidence`,
 * `credentialSubject.result`; OB 2.0: the BadgeClass's `criteria` and `alignment` and the
 * assertion's `evidence` (no results). Values are returned as text, never markup: the page
 * escapes them; only http(s) links are kept as links.
 */
import type { Language } from '../kit/language.js';
import type { JsonObject } from '../verify/verify-types.js';

export interface CriteriaView {
  readonly narrative: string | undefined;
  readonly url: string | undefined;
}

export interface AlignmentView {
  readonly name: string;
  readonly url: string | undefined;
  readonly description: string | undefined;
  readonly framework: string | undefined;
  readonly code: string | undefined;
}

export interface EvidenceView {
  readonly name: string | undefined;
  readonly url: string | undefined;
  readonly description: string | undefined;
  readonly narrative: string | undefined;
}

export interface ResultView {
  readonly name: string | undefined;
  readonly value: string | undefined;
  readonly status: string | undefined;
}

export interface CredentialContent {
  readonly criteria: CriteriaView | undefined;
  readonly alignments: readonly AlignmentView[];
  readonly evidence: readonly EvidenceView[];
  readonly results: readonly ResultView[];
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listOf = (value: unknown): readonly unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** A string, or the page's language from a language map (`{ ja, en }`), else any entry. */
export const textOf = (value: unknown, language: Language): string | undefined => {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (isObject(value)) {
    const preferred = value[language];
    if (typeof preferred === 'string' && preferred.trim() !== '') return preferred;
    const any = Object.values(value).find((entry) => typeof entry === 'string');
    return typeof any === 'string' && any.trim() !== '' ? any : undefined;
  }
  return undefined;
};

/** An http(s) URL, else undefined (a `javascript:` or `data:` value is never a link). */
export const httpUrl = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const readCriteria = (value: unknown, language: Language): CriteriaView | undefined => {
  if (typeof value === 'string') {
    const url = httpUrl(value);
    return url === undefined ? undefined : { narrative: undefined, url };
  }
  if (!isObject(value)) return undefined;
  const narrative = textOf(value.narrative, language);
  const url = httpUrl(value.id) ?? httpUrl(value.url);
  return narrative === undefined && url === undefined ? undefined : { narrative, url };
};

const readAlignments = (value: unknown, language: Language): AlignmentView[] =>
  listOf(value).flatMap((entry) => {
    if (!isObject(entry)) return [];
    const url = httpUrl(entry.targetUrl) ?? httpUrl(entry.url);
    const name = textOf(entry.targetName, language) ?? textOf(entry.name, language) ?? url;
    if (name === undefined) return [];
    return [
      {
        name,
        url,
        description: textOf(entry.targetDescription, language),
        framework: textOf(entry.targetFramework, language),
        code: textOf(entry.targetCode, language),
      },
    ];
  });

const readEvidence = (value: unknown, language: Language): EvidenceView[] =>
  listOf(value).flatMap((entry) => {
    if (typeof entry === 'string') {
      const url = httpUrl(entry);
      return url === undefined
        ? []
        : [{ name: undefined, url, description: undefined, narrative: undefined }];
    }
    if (!isObject(entry)) return [];
    const view: EvidenceView = {
      name: textOf(entry.name, language),
      url: httpUrl(entry.id) ?? httpUrl(entry.url),
      description: textOf(entry.description, language),
      narrative: textOf(entry.narrative, language),
    };
    return Object.values(view).some((part) => part !== undefined) ? [view] : [];
  });

const readResults = (results: unknown, descriptions: unknown, language: Language): ResultView[] => {
  const names = new Map<string, string>();
  for (const description of listOf(descriptions)) {
    if (!isObject(description) || typeof description.id !== 'string') continue;
    const name = textOf(description.name, language);
    if (name !== undefined) names.set(description.id, name);
  }
  return listOf(results).flatMap((entry) => {
    if (!isObject(entry)) return [];
    const id = typeof entry.resultDescription === 'string' ? entry.resultDescription : undefined;
    const value =
      typeof entry.value === 'number' ? String(entry.value) : textOf(entry.value, language);
    const view: ResultView = {
      name: id === undefined ? undefined : (names.get(id) ?? id),
      value,
      status: textOf(entry.status, language),
    };
    return view.value === undefined && view.status === undefined ? [] : [view];
  });
};

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** The content of an OB 3.0 credential or an OB 2.0 assertion (with its BadgeClass, if given). */
export const readCredentialContent = (
  credential: JsonObject | undefined,
  language: Language,
  badgeClass?: JsonObject,
): CredentialContent => {
  if (credential === undefined)
    return { criteria: undefined, alignments: [], evidence: [], results: [] };
  const subjectValue = first(credential.credentialSubject);
  if (isObject(subjectValue)) {
    const achievement = isObject(subjectValue.achievement) ? subjectValue.achievement : {};
    return {
      criteria: readCriteria(achievement.criteria, language),
      alignments: readAlignments(achievement.alignment, language),
      evidence: readEvidence(credential.evidence, language),
      results: readResults(subjectValue.result, achievement.resultDescription, language),
    };
  }
  const badge = badgeClass ?? (isObject(credential.badge) ? credential.badge : {});
  return {
    criteria: readCriteria(badge.criteria, language),
    alignments: readAlignments(badge.alignment, language),
    evidence: readEvidence(credential.evidence, language),
    results: [],
  };
};
