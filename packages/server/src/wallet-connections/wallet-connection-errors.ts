/**
 * The error codes of the wallet's connections to other Open Badges hosts, spread into the registry (`http/error-registry.ts`). Codes are stable:
 * never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_CONNECTION_ERRORS = {
  ERR_WALLET_CONNECTION_BASE_URL_INVALID: {
    status: 400,
    message: {
      en: 'Give the address of the Open Badges host as an https URL, such as https://badges.example.org.',
      ja: 'Open Badges ホストのアドレスを https の URL（例: https://badges.example.org）で指定してください。',
    },
  },
  ERR_WALLET_CONNECTION_HOST_UNREACHABLE: {
    status: 502,
    message: {
      en: 'The host could not be reached ({reason}). Check the address and try again later.',
      ja: 'ホストに接続できませんでした（{reason}）。アドレスを確認し、しばらくしてから再度お試しください。',
    },
  },
  ERR_WALLET_CONNECTION_NOT_OB_HOST: {
    status: 422,
    message: {
      en: 'No Open Badges 3.0 service description was found at this address (HTTP {status}). It does not seem to be an Open Badges host.',
      ja: 'このアドレスには Open Badges 3.0 のサービス記述がありませんでした（HTTP {status}）。Open Badges のホストではないようです。',
    },
  },
  ERR_WALLET_CONNECTION_DISCOVERY_INVALID: {
    status: 422,
    message: {
      en: "The host's service description cannot be used: {field} is missing or is not what the Open Badges specification requires (absolute https URLs).",
      ja: 'ホストのサービス記述を利用できません。{field} がないか、Open Badges の仕様が求める形式（https の絶対 URL）ではありません。',
    },
  },
  ERR_WALLET_CONNECTION_REGISTRATION_REFUSED: {
    status: 502,
    message: {
      en: 'The host refused to register this platform as a client: {reason}',
      ja: 'ホストがこのプラットフォームのクライアント登録を拒否しました: {reason}',
    },
  },
  ERR_WALLET_CONNECTION_CALLBACK_INVALID: {
    status: 400,
    message: {
      en: "The host's answer carries neither an authorization code nor an error.",
      ja: 'ホストからの応答に認可コードもエラーも含まれていません。',
    },
  },
  ERR_WALLET_CONNECTION_STATE_UNKNOWN: {
    status: 400,
    message: {
      en: 'This answer does not belong to a connection you started (or it was already used). Start connecting again.',
      ja: 'この応答は、あなたが開始した接続のものではありません（または既に使用済みです）。もう一度接続を始めてください。',
    },
  },
  ERR_WALLET_CONNECTION_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such connection in your wallet.',
      ja: 'ウォレットにその接続はありません。',
    },
  },
  ERR_WALLET_CONNECTION_NOT_CONNECTED: {
    status: 409,
    message: {
      en: 'This connection is not active ({state}). Connect to the host again.',
      ja: 'この接続は有効ではありません（{state}）。もう一度ホストに接続してください。',
    },
  },
  ERR_WALLET_CONNECTION_AUTHORIZATION_LOST: {
    status: 409,
    message: {
      en: 'The host no longer accepts this connection ({reason}). Connect to the host again.',
      ja: 'ホストがこの接続を受け付けなくなりました（{reason}）。もう一度ホストに接続してください。',
    },
  },
  ERR_WALLET_CONNECTION_HOST_ERROR: {
    status: 502,
    message: {
      en: 'The host gave an answer that could not be used ({problem}).',
      ja: 'ホストから利用できない応答が返されました（{problem}）。',
    },
  },
  ERR_WALLET_CONNECTION_SCOPE_MISSING: {
    status: 409,
    message: {
      en: 'The host did not grant the permission this needs ({scope}).',
      ja: 'ホストがこの操作に必要な権限（{scope}）を許可していません。',
    },
  },
  ERR_WALLET_CONNECTION_PUSH_UNSUPPORTED: {
    status: 422,
    message: {
      en: 'Only Open Badges 3.0 credentials (signed JSON or a VC-JWT) can be sent to another host; this badge is not one.',
      ja: '他のホストに送れるのは Open Badges 3.0 の資格情報（署名付き JSON または VC-JWT）だけです。このバッジは該当しません。',
    },
  },
  ERR_WALLET_CONNECTION_PUSH_REFUSED: {
    status: 422,
    message: {
      en: 'The host refused the badge (HTTP {status}): {description}',
      ja: 'ホストがバッジの受け取りを拒否しました（HTTP {status}）: {description}',
    },
  },
  ERR_WALLET_CONNECTION_SECRET_UNREADABLE: {
    status: 500,
    message: {
      en: 'A stored secret of this connection cannot be read (the master key changed?). Remove the connection and connect again.',
      ja: 'この接続の保存済みの秘密情報を読み取れません（マスターキーが変更された可能性があります）。接続を削除して、もう一度接続してください。',
    },
  },
  ERR_WALLET_HOST_PUSH_NOT_SUPPORTED: {
    status: 422,
    message: {
      en: 'This host does not accept badges sent to it (its service description does not offer the credential.upsert scope).',
      ja: 'このホストはバッジの受け取りに対応していません（サービス記述に credential.upsert のスコープがありません）。',
    },
  },
  ERR_WALLET_HOST_PUSH_STATE_UNKNOWN: {
    status: 400,
    message: {
      en: 'This answer does not belong to a badge being sent to a host. Start sending it again from the link in the award e-mail.',
      ja: 'この応答は、ホストへ送信中のバッジのものではありません。バッジ授与メールのリンクから、もう一度送信を始めてください。',
    },
  },
  ERR_WALLET_HOST_PUSH_STATE_USED: {
    status: 400,
    message: {
      en: 'This answer was already used. To send the badge again, start again from the link in the award e-mail.',
      ja: 'この応答は既に使用されています。もう一度送るには、バッジ授与メールのリンクから改めて始めてください。',
    },
  },
  ERR_WALLET_HOST_PUSH_RATE_LIMITED: {
    status: 429,
    message: {
      en: 'Too many attempts to send badges to a host. Try again in {seconds} seconds.',
      ja: 'ホストへのバッジ送信の試行が多すぎます。{seconds} 秒後に再度お試しください。',
    },
  },
} as const satisfies ErrorTable;
