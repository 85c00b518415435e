/**
 * The error codes of handing awards to external wallets (LCW request links, VC-API exchanges),
 * spread into the registry (`http/error-registry.ts`). Codes are stable: never rename or reuse
 * one. The exchange endpoints answer them as 4xx JSON (the platform envelope), which is what the
 * Learner Credential Wallet and VC-API clients expect of a failed exchange.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_DELIVERY_ERRORS = {
  ERR_DELIVERY_AWARD_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such badge.',
      ja: '該当するバッジはありません。',
    },
  },
  ERR_DELIVERY_AWARD_REVOKED: {
    status: 409,
    message: {
      en: 'This badge has been revoked, so it cannot be sent to a wallet app.',
      ja: 'このバッジは失効しているため、ウォレットアプリに送ることはできません。',
    },
  },
  ERR_DELIVERY_AWARD_SUSPENDED: {
    status: 409,
    message: {
      en: 'This badge is suspended, so it cannot be sent to a wallet app until the issuer reinstates it.',
      ja: 'このバッジは一時停止中のため、発行者が再開するまでウォレットアプリに送ることはできません。',
    },
  },
  ERR_DELIVERY_HOLDER_DID_INVALID: {
    status: 400,
    message: {
      en: 'The holder must be identified by a DID (did:key or did:web).',
      ja: '保有者は DID（did:key または did:web）で示す必要があります。',
    },
  },
  ERR_DELIVERY_FORBIDDEN: {
    status: 403,
    message: {
      en: 'Only the recipient can send this badge to a wallet app: open the link in the award e-mail, or sign in with the account whose wallet holds the badge.',
      ja: 'このバッジをウォレットアプリに送れるのは受領者だけです。授与メールのリンクを開くか、バッジが入っているウォレットのアカウントでサインインしてください。',
    },
  },
  ERR_DELIVERY_EXCHANGE_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such exchange. Start again from the badge page.',
      ja: '該当する受け渡しはありません。バッジのページからやり直してください。',
    },
  },
  ERR_DELIVERY_EXCHANGE_EXPIRED: {
    status: 410,
    message: {
      en: 'This exchange has expired (exchanges last 15 minutes). Start a new one from the badge page.',
      ja: 'この受け渡しは有効期限が切れています（有効期間は 15 分です）。バッジのページから新しく始めてください。',
    },
  },
  ERR_DELIVERY_EXCHANGE_USED: {
    status: 409,
    message: {
      en: 'This exchange has already been used: each one delivers the badge once. Start a new one from the badge page.',
      ja: 'この受け渡しはすでに使用済みです（1 回限り有効です）。バッジのページから新しく始めてください。',
    },
  },
  ERR_DELIVERY_PRESENTATION_INVALID: {
    status: 400,
    message: {
      en: 'The wallet did not prove control of its DID: {reason}',
      ja: 'ウォレットが DID の管理者であることを証明できませんでした: {reason}',
    },
  },
  ERR_DELIVERY_RATE_LIMITED: {
    status: 429,
    message: {
      en: 'Too many requests for wallet delivery; try again in {seconds} seconds.',
      ja: 'ウォレットへの受け渡しのリクエストが多すぎます。{seconds} 秒後にもう一度お試しください。',
    },
  },
} as const satisfies ErrorTable;
