/**
 * The language of a response's messages, from the request's Accept-Language header: Japanese when
 * the client ranks it above English, else English (also for clients that send no header).
 */
import type { LocalizedMessage } from '@akashi/core';

export type Language = keyof LocalizedMessage;

/** The q-value (0–1) the header gives `language`, or 0 when it is not listed. */
const rankLanguage = (entries: readonly { tag: string; q: number }[], language: Language) => {
  let best = 0;
  for (const { tag, q } of entries) {
    if (tag === language || tag.startsWith(`${language}-`) || tag === '*') best = Math.max(best, q);
  }
  return best;
};

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

/** One language of a localized message. */
export const localize = (message: LocalizedMessage, language: Language): string =>
  message[language];
