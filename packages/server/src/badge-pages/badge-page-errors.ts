/**
 * The error codes of this domain, spread into the registry (`http/error-registry.ts`): HTTP
 * status and message in English and Japanese. Codes are stable: never rename or reuse one.
 * On the badge page they are shown in place of the recipient check's result.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const BADGE_PAGE_ERRORS = {
  ERR_BADGE_PAGE_INVALID_EMAIL: {
    status: 400,
    message: {
      en: 'Enter an e-mail address of at most 320 characters to check the recipient.',
      ja: '受領者を確認するには、320 文字以内のメールアドレスを入力してください。',
    },
  },
  ERR_BADGE_PAGE_TOO_MANY_CHECKS: {
    status: 429,
    message: {
      en: 'Too many recipient checks. Try again in {seconds} seconds.',
      ja: '受領者の確認が多すぎます。{seconds} 秒後に再度お試しください。',
    },
  },
} as const satisfies ErrorTable;
