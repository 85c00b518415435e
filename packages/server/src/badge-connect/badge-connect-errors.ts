/**
 * The error codes of Open Badges 2.1 Badge Connect (a backpack for Moodle), spread into the registry (`http/error-registry.ts`). Codes are stable:
 * never rename or reuse one. On the wire they become the Badge Connect status envelope
 * (`badge-connect-envelope.ts`): the message is `status.error`, the code picks `statusText`.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const BADGE_CONNECT_ERRORS = {
  ERR_BADGE_CONNECT_UNAUTHENTICATED: {
    status: 401,
    message: {
      en: 'A valid OAuth 2.0 access token is required (it is missing, expired or revoked).',
      ja: '有効な OAuth 2.0 アクセストークンが必要です（トークンがないか、期限切れか、取り消されています）。',
    },
  },
  ERR_BADGE_CONNECT_PERMISSION_DENIED: {
    status: 403,
    message: {
      en: 'The access token was not granted the scope {scope}.',
      ja: 'このアクセストークンにはスコープ {scope} が許可されていません。',
    },
  },
  ERR_BADGE_CONNECT_NOT_FOUND: {
    status: 404,
    message: {
      en: 'Badge Connect has no such endpoint.',
      ja: 'Badge Connect にそのエンドポイントはありません。',
    },
  },
  ERR_BADGE_CONNECT_METHOD_NOT_ALLOWED: {
    status: 405,
    message: {
      en: 'This endpoint does not take {method} requests.',
      ja: 'このエンドポイントは {method} リクエストを受け付けません。',
    },
  },
  ERR_BADGE_CONNECT_ASSERTION_MISSING: {
    status: 400,
    message: {
      en: 'Send the badge as "assertion" (an Open Badges 2.0 assertion) or "signedAssertion" (a compact JWS).',
      ja: 'バッジを "assertion"（Open Badges 2.0 のアサーション）または "signedAssertion"（コンパクト JWS）として送ってください。',
    },
  },
  ERR_BADGE_CONNECT_INVALID_BADGE: {
    status: 400,
    message: {
      en: 'The badge did not verify, so it was not added to the backpack.',
      ja: 'バッジを検証できなかったため、バックパックに追加しませんでした。',
    },
  },
  ERR_BADGE_CONNECT_NOT_OB2: {
    status: 400,
    message: {
      en: 'Badge Connect 2.1 takes Open Badges 2.0 assertions; this badge is not one.',
      ja: 'Badge Connect 2.1 で受け付けるのは Open Badges 2.0 のアサーションだけです。このバッジはそれにあたりません。',
    },
  },
  ERR_BADGE_CONNECT_RECIPIENT_MISMATCH: {
    status: 400,
    message: {
      en: 'The badge was awarded to an e-mail address that is not a confirmed address of this account. Confirm that address in your account settings, then send the badge again.',
      ja: 'このバッジは、このアカウントで確認済みではないメールアドレス宛てに発行されています。アカウント設定でそのアドレスを確認してから、もう一度送ってください。',
    },
  },
} as const satisfies ErrorTable;
