/**
 * The error codes of awards (issuing, revoking, suspending, re-issuing), spread into the registry
 * (`http/error-registry.ts`). Codes are stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const AWARD_ERRORS = {
  ERR_AWARD_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such badge.',
      ja: 'そのバッジは存在しません。',
    },
  },
  ERR_AWARD_ACHIEVEMENT_ARCHIVED: {
    status: 409,
    message: {
      en: 'This achievement is archived: unarchive it before awarding it.',
      ja: 'このアチーブメントはアーカイブされています。授与する前にアーカイブを解除してください。',
    },
  },
  ERR_AWARD_ISSUER_ARCHIVED: {
    status: 409,
    message: {
      en: "The achievement's issuer profile is archived: choose another issuer profile for the achievement.",
      ja: 'アチーブメントの発行者プロファイルがアーカイブされています。別の発行者プロファイルを選んでください。',
    },
  },
  ERR_AWARD_INVALID_RECIPIENT: {
    status: 422,
    message: {
      en: 'The recipient is not valid: {reason}',
      ja: '受領者の指定が正しくありません: {reason}',
    },
  },
  ERR_AWARD_INVALID_DATES: {
    status: 422,
    message: {
      en: 'The dates do not fit together: {reason}',
      ja: '日付の指定が整合していません: {reason}',
    },
  },
  ERR_AWARD_IDEMPOTENCY_CONFLICT: {
    status: 409,
    message: {
      en: 'An award with the idempotency key "{key}" already exists for another recipient or achievement.',
      ja: '冪等キー「{key}」の授与は、別の受領者またはアチーブメントですでに存在します。',
    },
  },
  ERR_AWARD_ALREADY_REVOKED: {
    status: 409,
    message: {
      en: 'The badge is already revoked; revocation is final.',
      ja: 'このバッジはすでに失効しています。失効は取り消せません。',
    },
  },
  ERR_AWARD_NOT_ACTIVE: {
    status: 409,
    message: {
      en: 'Only an active badge can be suspended; this one is {state}.',
      ja: '一時停止できるのは有効なバッジだけです（このバッジの状態: {state}）。',
    },
  },
  ERR_AWARD_NOT_SUSPENDED: {
    status: 409,
    message: {
      en: 'Only a suspended badge can be reinstated; this one is {state}.',
      ja: '再開できるのは一時停止中のバッジだけです（このバッジの状態: {state}）。',
    },
  },
  ERR_AWARD_NOT_SUSPENDABLE: {
    status: 409,
    message: {
      en: 'This badge was issued without a suspension status entry, so verifiers cannot see a suspension: revoke it, or re-issue it with "suspendable": true.',
      ja: 'このバッジは一時停止用のステータスエントリなしで発行されたため、一時停止を検証者に伝えられません。失効させるか、"suspendable": true を指定して再発行してください。',
    },
  },
  ERR_AWARD_REPLACED: {
    status: 409,
    message: {
      en: 'The badge has already been re-issued as {replacement}.',
      ja: 'このバッジはすでに {replacement} として再発行されています。',
    },
  },
  ERR_AWARD_SIGNING_FAILED: {
    status: 500,
    message: {
      en: 'The credential could not be signed: {reason}',
      ja: '資格情報に署名できませんでした: {reason}',
    },
  },
  ERR_AWARD_REVOKED: {
    status: 410,
    message: {
      en: 'The issuer has revoked this badge.',
      ja: 'このバッジは発行者によって失効されています。',
    },
  },
} as const satisfies ErrorTable;
