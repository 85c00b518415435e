/**
 * The language of a page or a response: Japanese or English. Pages take it from `?lang=`, then
 * the `akashi_lang` cookie the language switch sets, then Accept-Language; API responses from
 * Accept-Language alone (`pickLanguage`).
 */

export type Language = 'ja' | 'en';

export const LANGUAGE_COOKIE = 'akashi_lang';

export const isLanguage = (value: unknown): value is Language => value === 'ja' || value === 'en';

/** The q-value (0–1) the header gives `language`, or 0 when it is not listed. */
const rankLanguage = (entries: readonly { tag: string; q: number }[], language: Language) => {
  let best = 0;
  for (const { tag, q } of entries) {
    if (tag === language || tag.startsWith(`${language}-`) || tag === '*') best = Math.max(best, q);
  }
  return best;
};

/** Japanese when Accept-Language ranks it above English, else English (also with no header). */
export const pickLanguage = (acceptLanguage: string | undefined): Language => {
  if (acceptLanguage === undefined) return 'en';
  const entries = acceptLanguage
    .split(',')
    .slice(0, 32)
    .map((part) => {
      const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
      const qParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0 };
    });
  const ja = rankLanguage(entries, 'ja');
  if (ja === 0) return 'en';
  const en = rankLanguage(entries, 'en');
  if (ja !== en) return ja > en ? 'ja' : 'en';
  // Equal ranks: the one listed first wins.
  const first = entries.find(({ tag }) => tag.startsWith('ja') || tag.startsWith('en'));
  return first?.tag.startsWith('ja') === true ? 'ja' : 'en';
};

/** The value of one cookie in a Cookie header. */
export const readCookie = (header: string | undefined, name: string): string | undefined => {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
};

export interface LanguageSources {
  readonly query: string | undefined;
  readonly cookieHeader: string | undefined;
  readonly acceptLanguage: string | undefined;
}

export const pickPageLanguage = ({ query, cookieHeader, acceptLanguage }: LanguageSources) => {
  if (isLanguage(query)) return query;
  const cookie = readCookie(cookieHeader, LANGUAGE_COOKIE);
  if (isLanguage(cookie)) return cookie;
  return pickLanguage(acceptLanguage);
};
