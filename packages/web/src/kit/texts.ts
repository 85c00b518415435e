/**
 * Every text a page shows, in Japanese and English, next to the module that shows it
 * (`*-texts.ts`): `const t = defineTexts({ save: { ja: '保存', en: 'Save' } })`, then
 * `t(language, 'save')`. `{name}` placeholders are filled from `values` (never HTML: escape at
 * render time like any other string).
 */
import type { Language } from './language.js';

export type TextTable = Readonly<Record<string, Readonly<Record<Language, string>>>>;

export type Translate<T extends TextTable> = (
  language: Language,
  key: keyof T & string,
  values?: Readonly<Record<string, string | number>>,
) => string;

export const fillPlaceholders = (
  text: string,
  values: Readonly<Record<string, string | number>> | undefined,
): string =>
  values === undefined
    ? text
    : text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in values ? String(values[name]) : whole,
      );

export const defineTexts =
  <T extends TextTable>(table: T): Translate<T> =>
  (language, key, values) =>
    fillPlaceholders(table[key]?.[language] ?? key, values);
