/**
 * The error codes of the Open Badges 3.0 API (this platform as the host), spread into the
 * registry (`http/error-registry.ts`). The API answers them as `Imsx_StatusInfo`
 * (`imsx-status.ts`): the status from here, the message as `imsx_description` in the language
 * the client asked for, and the code minor value from `IMSX_CODE_MINOR`. Codes are stable: never
 * rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const OB3_API_ERRORS = {
  ERR_OB3_TOKEN_INVALID: {
    status: 401,
    message: {
      en: 'A valid OAuth 2.0 access token is required: the token is missing, unknown, expired or revoked.',
      ja: '有効な OAuth 2.0 アクセストークンが必要です。トークンがないか、不明、期限切れ、または失効しています。',
    },
  },
  ERR_OB3_SCOPE_INSUFFICIENT: {
    status: 403,
    message: {
      en: 'The access token does not carry the scope {scope}.',
      ja: 'アクセストークンにスコープ {scope} が含まれていません。',
    },
  },
  ERR_OB3_QUERY_INVALID: {
    status: 400,
    message: {
      en: 'The query parameter {parameter} is invalid: {reason}',
      ja: 'クエリパラメーター {parameter} が正しくありません: {reason}',
    },
  },
  ERR_OB3_CREDENTIAL_INVALID: {
    status: 400,
    message: {
      en: 'The body is not an Open Badges 3.0 AchievementCredential: {reason}',
      ja: '本文が Open Badges 3.0 の AchievementCredential ではありません: {reason}',
    },
  },
  ERR_OB3_CREDENTIAL_NOT_GENUINE: {
    status: 400,
    message: {
      en: 'The credential did not verify (verdict: {verdict}), so nothing was stored.',
      ja: '資格情報を検証できなかった（判定: {verdict}）ため、何も保存していません。',
    },
  },
  ERR_OB3_PROFILE_INVALID: {
    status: 400,
    message: {
      en: 'The body is not a Profile: {reason}',
      ja: '本文が Profile ではありません: {reason}',
    },
  },
  ERR_OB3_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such endpoint in the Open Badges 3.0 API.',
      ja: 'Open Badges 3.0 API にそのようなエンドポイントはありません。',
    },
  },
  ERR_OB3_METHOD_NOT_ALLOWED: {
    status: 405,
    message: {
      en: 'The method {method} is not allowed here; allowed: {allowed}.',
      ja: 'ここではメソッド {method} は使えません。使えるメソッド: {allowed}。',
    },
  },
} as const satisfies ErrorTable;
