/**
 * The error codes of the OAuth 2.0 authorization server's platform routes (the consent API and
 * the account's grants), spread into the registry (`http/error-registry.ts`). The protocol
 * endpoints answer in OAuth's own format instead (`oauth-protocol-error.ts`). Codes are stable:
 * never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const OAUTH_ERRORS = {
  ERR_OAUTH_CLIENT_UNKNOWN: {
    status: 400,
    message: {
      en: 'The application asking for access is not registered here (unknown or disabled client_id). Nothing was sent to it.',
      ja: 'アクセスを求めているアプリケーションはここに登録されていません（client_id が不明、または無効化されています）。アプリケーションには何も送っていません。',
    },
  },
  ERR_OAUTH_REDIRECT_URI_INVALID: {
    status: 400,
    message: {
      en: 'The return address (redirect_uri) is missing or is not one the application registered, so you are not sent back to it.',
      ja: '戻り先のアドレス（redirect_uri）が指定されていないか、アプリケーションが登録したものと一致しないため、アプリケーションには戻りません。',
    },
  },
  ERR_OAUTH_SESSION_REQUIRED: {
    status: 403,
    message: {
      en: 'Only a signed-in person can grant an application access; API keys cannot.',
      ja: 'アプリケーションへのアクセス許可は、サインインした本人だけが行えます。API キーでは行えません。',
    },
  },
  ERR_OAUTH_GRANT_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such application.',
      ja: '該当するアプリケーションはありません。',
    },
  },
} as const satisfies ErrorTable;
