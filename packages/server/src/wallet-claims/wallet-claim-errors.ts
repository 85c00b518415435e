/**
 * The error codes of claim links, further e-mail addresses and account deletion, spread into the
 * registry (`http/error-registry.ts`). Codes are stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_CLAIM_ERRORS = {
  ERR_WALLET_CLAIM_TOKEN: {
    status: 403,
    message: {
      en: 'This claim link is not valid for this badge. Open the link exactly as it appears in the award e-mail.',
      ja: 'この受け取りリンクはこのバッジには使えません。授与メールに記載されたリンクをそのまま開いてください。',
    },
  },
  ERR_WALLET_AWARD_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such badge.',
      ja: '該当するバッジはありません。',
    },
  },
  ERR_WALLET_CLAIMED_ELSEWHERE: {
    status: 409,
    message: {
      en: 'This badge is already in the wallet of another account. If it is yours, sign in with that account.',
      ja: 'このバッジはすでに別のアカウントのウォレットに入っています。ご自身のものであれば、そのアカウントでサインインしてください。',
    },
  },
  ERR_ACCOUNT_EMAIL_ALREADY_ADDED: {
    status: 409,
    message: {
      en: 'This address is already one of your confirmed addresses.',
      ja: 'このメールアドレスはすでに確認済みのアドレスとして登録されています。',
    },
  },
  ERR_ACCOUNT_EMAIL_IN_USE: {
    status: 409,
    message: {
      en: 'This address cannot be added to your account: it is confirmed for another account.',
      ja: 'このメールアドレスは別のアカウントで確認済みのため、追加できません。',
    },
  },
  ERR_ACCOUNT_EMAIL_LIMIT: {
    status: 409,
    message: {
      en: 'An account can have at most {limit} further addresses; remove one first.',
      ja: '追加できるメールアドレスは {limit} 件までです。先にいずれかを削除してください。',
    },
  },
  ERR_ACCOUNT_EMAIL_NOT_FOUND: {
    status: 404,
    message: {
      en: 'Your account has no such address.',
      ja: 'お使いのアカウントにそのメールアドレスは登録されていません。',
    },
  },
  ERR_ACCOUNT_LAST_ADMIN: {
    status: 409,
    message: {
      en: 'You are the last administrator of {organisation}; make someone else an administrator before deleting your account.',
      ja: 'あなたは「{organisation}」の最後の管理者です。アカウントを削除する前に、他の人を管理者にしてください。',
    },
  },
  ERR_ACCOUNT_LAST_OPERATOR: {
    status: 409,
    message: {
      en: 'You are the only operator of this platform; make another account an operator before deleting yours.',
      ja: 'あなたはこのプラットフォームの唯一の運営者です。アカウントを削除する前に、別のアカウントを運営者にしてください。',
    },
  },
  ERR_ACCOUNT_DELETE_REAUTH: {
    status: 403,
    message: {
      en: 'To delete an account without a password, sign in again with your passkey or authenticator app first.',
      ja: 'パスワードのないアカウントを削除するには、先にパスキーまたは認証アプリでサインインし直してください。',
    },
  },
} as const satisfies ErrorTable;
