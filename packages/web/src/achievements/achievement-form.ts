/**
 * The editor's form and the API's JSON: the form's field names are the API's property names
 * flattened with dots (`name.ja`, `criteria.narrative.ja`, `validity.years`…); tags are split on
 * commas or lines, skills and alignments are one per line with `|` between their parts. Errors
 * come back as JSON Pointers and are put next to the field that holds them.
 */
import type { ApiError } from '../kit/api.js';
import type { FieldErrors } from '../kit/forms.js';
import type { Language } from '../kit/language.js';
import type {
  AchievementAlignment,
  AchievementSkill,
  AchievementView,
  LocalizedText,
} from './achievement-api-types.js';
import { achievementsText as t } from './achievements-texts.js';

export type FormValues = Readonly<Record<string, string>>;

/** Every field of the editor that goes to the API. */
export const EDITOR_FIELDS = [
  'name.ja',
  'name.en',
  'description.ja',
  'description.en',
  'achievementType',
  'criteria.narrative.ja',
  'criteria.narrative.en',
  'criteria.url',
  'departmentId',
  'issuerProfileId',
  'tags',
  'skills',
  'alignments',
  'creditsAvailable',
  'fieldOfStudy',
  'specialization',
  'humanCode',
  'validity.years',
  'validity.months',
  'validity.days',
  'evidenceRequirement.ja',
  'evidenceRequirement.en',
] as const;

const joinParts = (parts: readonly (string | undefined)[]): string => {
  const out = parts.map((part) => part ?? '');
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out.join(' | ');
};

const numberText = (value: number | undefined): string =>
  value === undefined ? '' : String(value);

/** The form's values for a saved achievement. */
export const valuesFromAchievement = (a: AchievementView): FormValues => ({
  'name.ja': a.name.ja,
  'name.en': a.name.en ?? '',
  'description.ja': a.description.ja,
  'description.en': a.description.en ?? '',
  achievementType: a.achievementType ?? '',
  'criteria.narrative.ja': a.criteria.narrative?.ja ?? '',
  'criteria.narrative.en': a.criteria.narrative?.en ?? '',
  'criteria.url': a.criteria.url ?? '',
  departmentId: a.departmentId ?? '',
  issuerProfileId: a.issuerProfileId,
  tags: a.tags.join(', '),
  skills: a.skills.map((s) => joinParts([s.name, s.url, s.framework, s.code])).join('\n'),
  alignments: a.alignments
    .map((al) =>
      joinParts([
        al.targetName,
        al.targetUrl,
        al.targetFramework,
        al.targetCode,
        al.targetDescription,
      ]),
    )
    .join('\n'),
  creditsAvailable: numberText(a.creditsAvailable),
  fieldOfStudy: a.fieldOfStudy ?? '',
  specialization: a.specialization ?? '',
  humanCode: a.humanCode ?? '',
  'validity.years': numberText(a.validity?.years),
  'validity.months': numberText(a.validity?.months),
  'validity.days': numberText(a.validity?.days),
  'evidenceRequirement.ja': a.evidenceRequirement?.ja ?? '',
  'evidenceRequirement.en': a.evidenceRequirement?.en ?? '',
  expectedVersion: String(a.version),
});

/** Browsers send line breaks in text areas as CRLF; texts are kept with LF. */
const text = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value.replace(/\r\n?/g, '\n');

const localized = (ja: string | undefined, en: string | undefined) => {
  const out: { ja?: string; en?: string } = {};
  const jaText = text(ja);
  const enText = text(en);
  if (jaText !== undefined) out.ja = jaText;
  if (enText !== undefined) out.en = enText;
  return out;
};

const optionalLocalized = (ja: string | undefined, en: string | undefined) => {
  const out = localized(ja, en);
  return Object.keys(out).length === 0 ? undefined : (out as LocalizedText);
};

/** A number when the text is one; otherwise the text, for the API to refuse by name. */
const numberOrText = (value: string | undefined): number | string | undefined => {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return undefined;
  const n = Number(
    trimmed.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
  );
  return Number.isFinite(n) ? n : trimmed;
};

const lines = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const parts = (line: string): string[] => line.split('|').map((part) => part.trim());

const withOptional = <T extends object>(base: T, optional: Record<string, string | undefined>) => {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out as T;
};

export const parseTags = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/[,、，\r\n]+/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

const parseSkills = (value: string | undefined): AchievementSkill[] =>
  lines(value).map((line) => {
    const [name = '', url, framework, code] = parts(line);
    return withOptional({ name }, { url, framework, code });
  });

const parseAlignments = (value: string | undefined): AchievementAlignment[] =>
  lines(value).map((line) => {
    const [targetName = '', targetUrl, targetFramework, targetCode, targetDescription] =
      parts(line);
    return withOptional({ targetName } as AchievementAlignment, {
      targetUrl,
      targetFramework,
      targetCode,
      targetDescription,
    });
  });

/**
 * The JSON body for `POST …/achievements` (`mode: 'create'`) or `PATCH …/{id}` (`'edit'`: empty
 * optional fields are sent as null, which clears them; `expectedVersion` guards the edit).
 */
export const bodyFromValues = (
  values: FormValues,
  mode: 'create' | 'edit',
): Record<string, unknown> => {
  const cleared = mode === 'edit' ? null : undefined;
  const v = (name: string) => values[name];
  const criteria: Record<string, unknown> = {};
  const criteriaUrl = text(v('criteria.url')?.trim());
  if (criteriaUrl !== undefined) criteria.url = criteriaUrl;
  const narrative = optionalLocalized(v('criteria.narrative.ja'), v('criteria.narrative.en'));
  if (narrative !== undefined) criteria.narrative = narrative;
  const validity: Record<string, number | string> = {};
  for (const period of ['years', 'months', 'days'] as const) {
    const value = numberOrText(v(`validity.${period}`));
    if (value !== undefined) validity[period] = value;
  }
  const body: Record<string, unknown> = {
    name: localized(v('name.ja'), v('name.en')),
    description: localized(v('description.ja'), v('description.en')),
    criteria,
    achievementType: text(v('achievementType')?.trim()) ?? cleared,
    tags: parseTags(v('tags')),
    skills: parseSkills(v('skills')),
    alignments: parseAlignments(v('alignments')),
    creditsAvailable: numberOrText(v('creditsAvailable')) ?? cleared,
    fieldOfStudy: text(v('fieldOfStudy')) ?? cleared,
    specialization: text(v('specialization')) ?? cleared,
    humanCode: text(v('humanCode')) ?? cleared,
    validity: Object.keys(validity).length > 0 ? validity : cleared,
    evidenceRequirement:
      optionalLocalized(v('evidenceRequirement.ja'), v('evidenceRequirement.en')) ?? cleared,
  };
  const departmentId = v('departmentId');
  if (departmentId !== undefined) body.departmentId = departmentId === '' ? null : departmentId;
  const issuerProfileId = text(v('issuerProfileId'));
  if (issuerProfileId !== undefined) body.issuerProfileId = issuerProfileId;
  if (mode === 'edit') body.expectedVersion = numberOrText(v('expectedVersion'));
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
};

/** Where an error on a whole object or a list item is shown. */
const OBJECT_FIELDS: Readonly<Record<string, string>> = {
  '/name': 'name.ja',
  '/description': 'description.ja',
  '/criteria': 'criteria.narrative.ja',
  '/criteria/narrative': 'criteria.narrative.ja',
  '/evidenceRequirement': 'evidenceRequirement.ja',
  '/validity': 'validity.years',
};

const LIST_FIELDS = ['tags', 'skills', 'alignments'];

/** Errors about the issuer profile or the department, which the API gives without a field. */
const CODE_FIELDS: Readonly<Record<string, string>> = {
  ERR_ACHIEVEMENT_DEPARTMENT_NOT_FOUND: 'departmentId',
  ERR_ACHIEVEMENT_ISSUER_PROFILE_NOT_FOUND: 'issuerProfileId',
  ERR_ACHIEVEMENT_ISSUER_PROFILE_DEPARTMENT: 'issuerProfileId',
  ERR_ACHIEVEMENT_ISSUER_PROFILE_ARCHIVED: 'issuerProfileId',
  ERR_ACHIEVEMENT_NO_ISSUER_PROFILE: 'issuerProfileId',
};

/** The API's errors by editor field (`''`: at the top of the form). */
export const editorErrors = (error: ApiError | undefined, language: Language): FieldErrors => {
  if (error === undefined) return {};
  const out: Record<string, string> = {};
  const codeField = CODE_FIELDS[error.code];
  if (codeField !== undefined) return { [codeField]: error.message };
  for (const field of error.fields ?? []) {
    const [, first = '', index, ...rest] = field.path.split('/');
    let name = OBJECT_FIELDS[field.path] ?? field.path.replace(/^\//, '').replaceAll('/', '.');
    let message = field.message;
    if (LIST_FIELDS.includes(first)) {
      name = first;
      if (index !== undefined && first !== 'tags') {
        const detail = rest.length > 0 ? `${rest.join('.')} ${message}` : message;
        message = t(language, 'lineError', { line: Number(index) + 1, message: detail });
      }
    }
    if (!(EDITOR_FIELDS as readonly string[]).includes(name)) {
      name = '';
      message = field.path === '' ? field.message : `${field.path}: ${field.message}`;
    }
    out[name] ??= message;
  }
  if (Object.keys(out).length === 0) out[''] = error.message;
  return out;
};
