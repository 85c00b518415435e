/**
 * The error codes of this domain, spread into the registry (`http/error-registry.ts`): HTTP
 * status and message in English and Japanese. Codes are stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const STATUS_LIST_ERRORS = {
  ERR_STATUS_LIST_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no status list {listId}.',
      ja: 'ステータスリスト {listId} は存在しません。',
    },
  },
  ERR_STATUS_LIST_INDEX_RANGE: {
    status: 400,
    message: {
      en: 'Status list index {index} is outside the list (0 to {last}).',
      ja: 'ステータスリストのインデックス {index} がリストの範囲（0〜{last}）外です。',
    },
  },
} as const satisfies ErrorTable;
