/**
 * The language of every message the CLI prints: English by default, Japanese when `--lang ja`
 * is given or the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) starts with `ja`.
 */
import type { LocalizedMessage } from '@akashi/core';
import { CliError } from './cli-error.js';

export type Lang = 'en' | 'ja';

export const LANGS: readonly Lang[] = ['en', 'ja'];

/** The language the environment asks for (POSIX precedence: the first non-empty variable wins). */
export const detectLang = (env: NodeJS.ProcessEnv): Lang => {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
    (value) => value !== undefined && value !== '',
  );
  return locale?.toLowerCase().startsWith('ja') === true ? 'ja' : 'en';
};

/** Picks one language of a localized message. */
export const localize = (message: LocalizedMessage, lang: Lang): string =>
  lang === 'ja' ? message.ja : message.en;

const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

/**
 * Takes the global `--lang ja|en` (or `--lang=…`) out of the arguments, wherever it stands.
 * Arguments after `--` are left alone.
 */
export const extractLangOption = (
  argv: readonly string[],
  fallback: Lang,
): { lang: Lang; args: string[] } => {
  const args: string[] = [];
  let lang = fallback;
  let requested: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      requested = argv[i + 1] ?? '';
      i++;
    } else if (arg.startsWith('--lang=')) {
      requested = arg.slice('--lang='.length);
    } else {
      args.push(arg);
      continue;
    }
    if (!isLang(requested)) {
      throw new CliError('ERR_CLI_INVALID_VALUE', {
        en: `--lang must be one of ${LANGS.join(', ')}; got "${requested}".`,
        ja: `--lang には ${LANGS.join('、')} のいずれかを指定してください（指定値: "${requested}"）。`,
      });
    }
    lang = requested;
  }
  return { lang, args };
};
