/**
 * The error codes of this domain, spread into the registry (`http/error-registry.ts`): HTTP
 * status and message in English and Japanese. Codes are stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WEBHOOK_ERRORS = {
  ERR_WEBHOOK_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such webhook endpoint in this organisation.',
      ja: 'この組織にそのWebhookエンドポイントはありません。',
    },
  },
  ERR_WEBHOOK_DELIVERY_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such delivery for this webhook endpoint.',
      ja: 'このWebhookエンドポイントにその配信はありません。',
    },
  },
  ERR_WEBHOOK_URL_INVALID: {
    status: 400,
    message: {
      en: 'The webhook URL must be an absolute https URL without user name, password or fragment (#…).',
      ja: 'WebhookのURLは、ユーザー名・パスワード・フラグメント（#…）を含まない絶対URL（https）にしてください。',
    },
  },
  ERR_WEBHOOK_URL_INSECURE: {
    status: 400,
    message: {
      en: 'The webhook URL must use https; plain http is accepted only for a loopback or private address on a server configured to allow private webhook targets.',
      ja: 'WebhookのURLは https にしてください。http が使えるのは、プライベートな送信先を許可したサーバーでループバックまたはプライベートアドレスを指定した場合だけです。',
    },
  },
  ERR_WEBHOOK_URL_PRIVATE: {
    status: 400,
    message: {
      en: 'The webhook URL points to a loopback or private address ({host}), which this server does not send to.',
      ja: 'WebhookのURLがループバックまたはプライベートアドレス（{host}）を指しています。このサーバーはそこへは送信しません。',
    },
  },
  ERR_WEBHOOK_LIMIT_REACHED: {
    status: 409,
    message: {
      en: 'The organisation already has {limit} webhook endpoints; delete one before adding another.',
      ja: 'この組織のWebhookエンドポイントは上限の {limit} 件に達しています。追加する前にどれかを削除してください。',
    },
  },
  ERR_WEBHOOK_DELETED: {
    status: 409,
    message: {
      en: 'This webhook endpoint has been deleted; its delivery log can still be read, but it cannot be changed or used.',
      ja: 'このWebhookエンドポイントは削除されています。配信履歴は参照できますが、変更や利用はできません。',
    },
  },
  ERR_WEBHOOK_DISABLED: {
    status: 409,
    message: {
      en: 'This webhook endpoint is disabled; enable it (PATCH with "active": true) before sending to it.',
      ja: 'このWebhookエンドポイントは無効になっています。送信する前に有効にしてください（PATCH で "active": true）。',
    },
  },
  ERR_WEBHOOK_CURSOR_INVALID: {
    status: 400,
    message: {
      en: 'The cursor is not one this server gave out; start again from the first page.',
      ja: 'カーソルが正しくありません。最初のページから取得し直してください。',
    },
  },
  ERR_WEBHOOK_UNAVAILABLE: {
    status: 503,
    message: {
      en: 'Webhooks are not available on this server: no master key is configured to protect their secrets.',
      ja: 'このサーバーではWebhookを利用できません。シークレットを保護するマスターキーが設定されていません。',
    },
  },
  ERR_WEBHOOK_SECRET_UNREADABLE: {
    status: 500,
    message: {
      en: 'The signing secret of this webhook endpoint cannot be decrypted with the configured master key; rotate the secret.',
      ja: 'このWebhookエンドポイントの署名シークレットを、設定されているマスターキーで復号できません。シークレットを再発行してください。',
    },
  },
} as const satisfies ErrorTable;
