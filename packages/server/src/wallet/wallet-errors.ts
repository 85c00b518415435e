/**
 * The error codes of the wallet's own badges (imports, list, detail, re-check, downloads, export), spread into the registry (`http/error-registry.ts`). Codes are
 * stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_ERRORS = {
  ERR_WALLET_IMPORT_INPUT_MISSING: {
    status: 400,
    message: {
      en: 'Give the badge to import: a URL, a credential, or the image or PDF itself.',
      ja: '取り込むバッジ（URL、資格情報、または画像や PDF そのもの）を指定してください。',
    },
  },
  ERR_WALLET_IMPORT_INPUT_AMBIGUOUS: {
    status: 400,
    message: {
      en: 'Give only one of url and credential.',
      ja: 'url と credential のどちらか一方だけを指定してください。',
    },
  },
  ERR_WALLET_IMPORT_TOO_LARGE: {
    status: 413,
    message: {
      en: 'The badge is larger than the limit of {limit} bytes.',
      ja: 'バッジのサイズが上限の {limit} バイトを超えています。',
    },
  },
  ERR_WALLET_IMPORT_UNREADABLE: {
    status: 422,
    message: {
      en: 'No badge could be read from what was given (not a credential, no badge baked into the image or PDF, or a URL without one). Nothing was added.',
      ja: '指定されたものからバッジを読み取れませんでした（資格情報ではない、画像や PDF にバッジが埋め込まれていない、または URL にバッジがない）。何も追加していません。',
    },
  },
  ERR_WALLET_IMPORT_UNVERIFIED: {
    status: 422,
    message: {
      en: 'The badge did not verify ({verdict}), so it was not added. To keep it anyway, marked as unverified, import it again with keepUnverified.',
      ja: 'バッジを検証できなかった（{verdict}）ため、追加していません。未検証の印を付けて保管する場合は、keepUnverified を指定してもう一度取り込んでください。',
    },
  },
  ERR_WALLET_CREDENTIAL_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such badge in your wallet.',
      ja: 'ウォレットにそのバッジはありません。',
    },
  },
  ERR_WALLET_CURSOR_INVALID: {
    status: 400,
    message: {
      en: 'The cursor is not one this list gave out; start again without it.',
      ja: 'カーソルが正しくありません。cursor を指定せずに最初から取得し直してください。',
    },
  },
  ERR_WALLET_DOWNLOAD_UNAVAILABLE: {
    status: 404,
    message: {
      en: 'This badge has no {format} download.',
      ja: 'このバッジには {format} 形式のダウンロードがありません。',
    },
  },
  ERR_WALLET_API_KEY_NOT_ALLOWED: {
    status: 403,
    message: {
      en: 'A wallet belongs to a signed-in account; API keys cannot use it.',
      ja: 'ウォレットはサインインしたアカウントのものです。API キーでは利用できません。',
    },
  },
} as const satisfies ErrorTable;
