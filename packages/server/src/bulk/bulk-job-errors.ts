/**
 * The error codes of bulk-award jobs, spread into the registry (`http/error-registry.ts`): HTTP
 * status and message in English and Japanese. Codes are stable: never rename or reuse one.
 * (A file that cannot be read at all has its `ERR_BULK_*` codes in the registry itself.)
 */
import type { ErrorTable } from '../http/error-registry.js';

export const BULK_JOB_ERRORS = {
  ERR_BULK_JOB_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such bulk-award job in this organisation.',
      ja: 'この組織にはそのような一括授与ジョブはありません。',
    },
  },
  ERR_BULK_JOB_NOT_AWAITING_CONFIRMATION: {
    status: 409,
    message: {
      en: 'The job is no longer waiting for confirmation (it has been confirmed, cancelled or has finished).',
      ja: 'このジョブはすでに確定・取消・完了のいずれかの状態のため、確定できません。',
    },
  },
  ERR_BULK_JOB_FINISHED: {
    status: 409,
    message: {
      en: 'The job has already finished or been cancelled; it cannot be cancelled.',
      ja: 'このジョブはすでに終了しているか取り消されているため、取り消せません。',
    },
  },
  ERR_BULK_JOB_NOTHING_TO_ISSUE: {
    status: 422,
    message: {
      en: 'The job has no valid row to award; correct the file and upload it again.',
      ja: 'このジョブには授与できる正しい行がありません。ファイルを修正して、もう一度アップロードしてください。',
    },
  },
  ERR_BULK_JOB_CURSOR_INVALID: {
    status: 400,
    message: {
      en: 'The cursor is not one this list gave out; start again from the first page.',
      ja: 'カーソルが正しくありません。最初のページから取得し直してください。',
    },
  },
  ERR_BULK_ACHIEVEMENT_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such achievement in this organisation.',
      ja: 'この組織にはそのような達成（バッジ）はありません。',
    },
  },
  ERR_BULK_ACHIEVEMENT_ARCHIVED: {
    status: 409,
    message: {
      en: 'The achievement is archived; it can no longer be awarded.',
      ja: 'この達成（バッジ）はアーカイブされているため、授与できません。',
    },
  },
} as const satisfies ErrorTable;
