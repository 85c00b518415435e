/**
 * The language of a response's messages, from the request's Accept-Language header: Japanese when
 * the client ranks it above English, else English (also for clients that send no header). The
 * parser lives in the web app's kit (pages also read `?lang` and a cookie); the API uses it as is.
 */
import type { LocalizedMessage } from '@akashi/core';

export { pickLanguage, type Language } from '@akashi/web';

/** One language of a localized message. */
export const localize = (message: LocalizedMessage, language: keyof LocalizedMessage): string =>
  message[language];
