/**
 * The error codes of this domain, spread into the registry (`http/error-registry.ts`): HTTP
 * status and message in English and Japanese. Codes are stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const NOTIFICATION_ERRORS = {
  ERR_NOTIFICATION_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such notification in this organisation.',
      ja: 'この組織にそのような通知はありません。',
    },
  },
  ERR_NOTIFICATION_STILL_PENDING: {
    status: 409,
    message: {
      en: 'This notification is still waiting to be sent; it cannot be re-sent yet.',
      ja: 'この通知はまだ送信待ちのため、再送できません。',
    },
  },
} as const satisfies ErrorTable;
