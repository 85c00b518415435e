/**
 * The error codes of this domain, spread into the registry (`http/error-registry.ts`): HTTP
 * status and message in English and Japanese. Codes are stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const ISSUER_ERRORS = {
  ERR_ISSUER_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such issuer profile.',
      ja: '該当する発行者プロフィールはありません。',
    },
  },
  ERR_ISSUER_KEY_NOT_FOUND: {
    status: 404,
    message: {
      en: 'This issuer profile has no key {kid}.',
      ja: 'この発行者プロフィールに鍵 {kid} はありません。',
    },
  },
  ERR_ISSUER_ARCHIVED: {
    status: 409,
    message: {
      en: 'This issuer profile is archived: it can no longer be changed or sign anything. Its public documents stay published.',
      ja: 'この発行者プロフィールはアーカイブ済みのため、変更も署名もできません。公開文書は引き続き公開されます。',
    },
  },
  ERR_ISSUER_DEFAULT_EXISTS: {
    status: 409,
    message: {
      en: 'The organisation already has its default issuer profile; change that one, or create a profile for a department.',
      ja: 'この組織にはすでに既定の発行者プロフィールがあります。既存のものを変更するか、部署のプロフィールを作成してください。',
    },
  },
  ERR_ISSUER_DEPARTMENT_PROFILE_EXISTS: {
    status: 409,
    message: {
      en: 'This department already has an issuer profile; change or archive that one first.',
      ja: 'この部署にはすでに発行者プロフィールがあります。先に既存のものを変更するかアーカイブしてください。',
    },
  },
  ERR_ISSUER_DEFAULT_NOT_ARCHIVABLE: {
    status: 409,
    message: {
      en: "The organisation's default issuer profile cannot be archived; change it instead.",
      ja: '組織の既定の発行者プロフィールはアーカイブできません。内容を変更してください。',
    },
  },
  ERR_ISSUER_URL_NOT_HTTPS: {
    status: 400,
    message: {
      en: "The issuer's web site must be an https:// address.",
      ja: '発行者のウェブサイトは https:// で始まるアドレスにしてください。',
    },
  },
  ERR_ISSUER_DID_WEB_NEEDS_HTTPS: {
    status: 400,
    message: {
      en: 'did:web identifiers need the platform to be served over https (PUBLIC_URL); choose did:key or https.',
      ja: 'did:web の識別子を使うには、プラットフォームが https で公開されている必要があります（PUBLIC_URL）。did:key か https を選んでください。',
    },
  },
  ERR_ISSUER_KEY_ROTATION_CONFLICT: {
    status: 409,
    message: {
      en: 'The keys of this issuer profile were rotated at the same moment by another request; nothing was changed. Try again.',
      ja: 'この発行者プロフィールの鍵が同時に別のリクエストで更新されたため、何も変更しませんでした。もう一度お試しください。',
    },
  },
  ERR_ISSUER_DID_KEY_NOT_ROTATABLE: {
    status: 409,
    message: {
      en: 'A did:key issuer is its Ed25519 key, so that key cannot be rotated: create a new issuer profile instead (did:web rotates freely). Its RSA key can be rotated.',
      ja: 'did:key の発行者は Ed25519 鍵そのものが識別子のため、この鍵はローテーションできません。新しい発行者プロファイルを作成してください（did:web なら自由にローテーションできます）。RSA 鍵はローテーションできます。',
    },
  },
} as const satisfies ErrorTable;
