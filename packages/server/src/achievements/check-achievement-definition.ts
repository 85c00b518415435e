/**
 * The rules on an achievement's fields that a JSON Schema cannot say, checked after the request
 * schema and before anything is stored. Every broken rule is reported at once, as
 * `ERR_HTTP_VALIDATION` with one field error each (path under the body):
 *
 * - the criteria have a URL, a narrative, or both;
 * - an English name needs an English description (the English edition is a whole Achievement);
 * - `achievementType` is an OB 3.0 term or an extension term `ext:Name`;
 * - tags are not repeated; a validity policy sets at least one period.
 */
import { ACHIEVEMENT_TYPES, EXTENSION_TERM_PATTERN, type LocalizedMessage } from '@akashi/core';
import { ServerError, type FieldError } from '../http/server-error.js';
import type { AchievementDefinition } from './achievement-schemas.js';

const EXTENSION_TERM = new RegExp(EXTENSION_TERM_PATTERN);

export const isAchievementType = (value: string): boolean =>
  (ACHIEVEMENT_TYPES as readonly string[]).includes(value) || EXTENSION_TERM.test(value);

const field = (path: string, message: LocalizedMessage): FieldError => ({
  in: 'body',
  path,
  message,
});

/** The broken rules of `definition`, none when it is good. */
export const findDefinitionProblems = (definition: AchievementDefinition): FieldError[] => {
  const problems: FieldError[] = [];
  const { criteria, name, description, achievementType, tags, validity } = definition;
  if (criteria.url === undefined && criteria.narrative === undefined) {
    problems.push(
      field('/criteria', {
        en: 'must have a url, a narrative, or both',
        ja: 'url と narrative の少なくとも一方が必要です',
      }),
    );
  }
  if (name.en !== undefined && description.en === undefined) {
    problems.push(
      field('/description/en', {
        en: 'is required when the name has an English version',
        ja: '名称に英語版があるときは必須です',
      }),
    );
  }
  if (achievementType !== undefined && !isAchievementType(achievementType)) {
    problems.push(
      field('/achievementType', {
        en: `must be one of ${ACHIEVEMENT_TYPES.join(', ')}, or an extension term such as ext:Seminar`,
        ja: `${ACHIEVEMENT_TYPES.join(', ')} のいずれか、または ext:Seminar のような拡張語である必要があります`,
      }),
    );
  }
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    if (seen.has(tag)) {
      problems.push(
        field(`/tags/${String(index)}`, {
          en: 'repeats an earlier tag',
          ja: '前のタグと重複しています',
        }),
      );
    }
    seen.add(tag);
  });
  if (validity !== undefined && !Object.values(validity).some((period) => period > 0)) {
    problems.push(
      field('/validity', {
        en: 'must set at least one of years, months, days above 0 (leave validity out for badges that do not expire)',
        ja: 'years・months・days の少なくとも一つを 1 以上にしてください（期限のないバッジでは validity を省略します）',
      }),
    );
  }
  return problems;
};

/** @throws ServerError `ERR_HTTP_VALIDATION` listing every broken rule */
export const assertDefinitionValid = (definition: AchievementDefinition): void => {
  const problems = findDefinitionProblems(definition);
  if (problems.length > 0) throw new ServerError('ERR_HTTP_VALIDATION', { fields: problems });
};
