/**
 * The error codes of collections, share links, the public profile, spread into the registry (`http/error-registry.ts`). Codes are
 * stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_SHARING_ERRORS = {
  ERR_WALLET_COLLECTION_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such collection in your wallet.',
      ja: 'このコレクションはウォレットにありません。',
    },
  },
  ERR_WALLET_COLLECTION_LIMIT: {
    status: 409,
    message: {
      en: 'A wallet holds at most {limit} collections; delete one first.',
      ja: 'コレクションは 1 つのウォレットに {limit} 件までです。先にいずれかを削除してください。',
    },
  },
  ERR_WALLET_COLLECTION_ITEM_UNKNOWN: {
    status: 422,
    message: {
      en: 'Some of the badges listed are not in your wallet.',
      ja: '指定したバッジの中に、ウォレットにないものが含まれています。',
    },
  },
  ERR_WALLET_COLLECTION_ITEM_DUPLICATE: {
    status: 400,
    message: {
      en: 'A badge is listed more than once; list each badge once.',
      ja: '同じバッジが複数回指定されています。各バッジは 1 回ずつ指定してください。',
    },
  },
  ERR_WALLET_SHARE_LINK_NOT_FOUND: {
    status: 404,
    message: {
      en: 'This share link does not exist or is no longer shared.',
      ja: 'この共有リンクは存在しないか、共有が停止されています。',
    },
  },
  ERR_WALLET_SHARE_LINK_LIMIT: {
    status: 409,
    message: {
      en: 'A badge can have at most {limit} active share links; revoke one first.',
      ja: '1 つのバッジに有効な共有リンクは {limit} 件までです。先にいずれかを無効にしてください。',
    },
  },
  ERR_WALLET_PROFILE_SLUG_TAKEN: {
    status: 409,
    message: {
      en: 'The address /p/{slug} is already taken; choose another one.',
      ja: 'アドレス /p/{slug} はすでに使われています。別のものを選んでください。',
    },
  },
  ERR_WALLET_PROFILE_SLUG_RESERVED: {
    status: 400,
    message: {
      en: 'The address /p/{slug} is reserved; choose another one.',
      ja: 'アドレス /p/{slug} は予約されているため使えません。別のものを選んでください。',
    },
  },
  ERR_WALLET_PROFILE_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no public profile at this address.',
      ja: 'このアドレスに公開プロフィールはありません。',
    },
  },
  ERR_WALLET_PROFILE_CREDENTIAL_NOT_FOUND: {
    status: 404,
    message: {
      en: 'This badge is not shown on this profile.',
      ja: 'このバッジはこのプロフィールで公開されていません。',
    },
  },
  ERR_WALLET_PUBLIC_RATE_LIMITED: {
    status: 429,
    message: {
      en: 'Too many requests from your address. Try again in {seconds} seconds.',
      ja: 'お使いの接続元からのリクエストが多すぎます。{seconds} 秒後に再度お試しください。',
    },
  },
} as const satisfies ErrorTable;
