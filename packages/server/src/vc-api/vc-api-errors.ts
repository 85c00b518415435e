/**
 * The error codes of this domain, spread into the registry (`http/error-registry.ts`): HTTP
 * status and message in English and Japanese. Codes are stable: never rename or reuse one.
 *
 * The VC-API answers bad input with 400 (VCALM and the W3C suites accept 400 or 422), in our
 * error envelope; `POST /credentials/verify` adds the VC-API result fields (`verified`,
 * `errors`, `problemDetails`) to the envelope of `ERR_VC_API_NOT_VERIFIED`.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const VC_API_ERRORS = {
  ERR_VC_API_CONTEXT_MISSING: {
    status: 400,
    message: {
      en: 'The credential has no @context; its first entry must be {expected}.',
      ja: '資格情報に @context がありません。最初の項目は {expected} である必要があります。',
    },
  },
  ERR_VC_API_CONTEXT_FIRST: {
    status: 400,
    message: {
      en: 'The first @context entry must be {expected}, not {found}.',
      ja: '@context の最初の項目は {found} ではなく {expected} である必要があります。',
    },
  },
  ERR_VC_API_CONTEXT_UNKNOWN: {
    status: 400,
    message: {
      en: 'The JSON-LD context {url} is not one Akashi bundles; remote contexts are never fetched, so a credential using it cannot be processed.',
      ja: 'JSON-LD コンテキスト {url} は Akashi に同梱されていません。リモートのコンテキストは取得しないため、これを使う資格情報は処理できません。',
    },
  },
  ERR_VC_API_JSONLD_INVALID: {
    status: 400,
    message: {
      en: 'The credential does not pass JSON-LD safe mode (every property and type must be defined by its contexts): {reason}',
      ja: '資格情報が JSON-LD セーフモードを通りません（すべてのプロパティと型がコンテキストで定義されている必要があります）: {reason}',
    },
  },
  ERR_VC_API_CREDENTIAL_INVALID: {
    status: 400,
    message: {
      en: 'The credential is not a valid Verifiable Credential: correct the fields listed.',
      ja: '資格情報が正しい検証可能な資格情報（VC）ではありません。一覧の項目を修正してください。',
    },
  },
  ERR_VC_API_PROOF_PRESENT: {
    status: 400,
    message: {
      en: 'The credential already carries a proof; send it unsigned.',
      ja: '資格情報にはすでに署名（proof）があります。署名のない状態で送ってください。',
    },
  },
  ERR_VC_API_STATUS_PRESENT: {
    status: 400,
    message: {
      en: 'The credential already has a credentialStatus; Akashi adds its own status entries, so leave it out.',
      ja: '資格情報にはすでに credentialStatus があります。状態エントリーは Akashi が追加するので、含めないでください。',
    },
  },
  ERR_VC_API_ISSUER_MISSING: {
    status: 400,
    message: {
      en: 'The credential has no issuer: give the identifier of one of your issuer profiles as "issuer" (or "issuer.id").',
      ja: '資格情報に発行者がありません。"issuer"（または "issuer.id"）に自組織の発行者プロフィールの識別子を指定してください。',
    },
  },
  ERR_VC_API_ISSUER_UNKNOWN: {
    status: 400,
    message: {
      en: 'The issuer {issuer} is not an issuer profile on this platform; use the identifier of one of your issuer profiles.',
      ja: '発行者 {issuer} はこのプラットフォームの発行者プロフィールではありません。自組織の発行者プロフィールの識別子を指定してください。',
    },
  },
  ERR_VC_API_ISSUER_FORBIDDEN: {
    status: 403,
    message: {
      en: 'The issuer {issuer} belongs to another organisation: you may only issue as your own issuer profiles.',
      ja: '発行者 {issuer} は別の組織のものです。発行できるのは自組織の発行者プロフィールとしてだけです。',
    },
  },
  ERR_VC_API_ISSUER_ARCHIVED: {
    status: 400,
    message: {
      en: 'The issuer profile {issuer} is archived and can no longer issue credentials.',
      ja: '発行者プロフィール {issuer} はアーカイブ済みのため、資格情報を発行できません。',
    },
  },
  ERR_VC_API_CREDENTIAL_ID_TAKEN: {
    status: 409,
    message: {
      en: 'A credential with the id {credentialId} has already been issued; give each credential its own id.',
      ja: 'ID {credentialId} の資格情報はすでに発行されています。資格情報ごとに別の ID を付けてください。',
    },
  },
  ERR_VC_API_CREDENTIAL_ID_RESERVED: {
    status: 400,
    message: {
      en: 'The id {credentialId} is reserved for badges awarded on this platform; use another id.',
      ja: 'ID {credentialId} はこのプラットフォームで授与されたバッジ用に予約されています。別の ID を使ってください。',
    },
  },
  ERR_VC_API_NOT_VERIFIED: {
    status: 400,
    message: {
      en: 'The credential did not verify: {reason}',
      ja: '資格情報の検証に失敗しました: {reason}',
    },
  },
  ERR_VC_API_PRESENTATION_INVALID: {
    status: 400,
    message: {
      en: 'The presentation is not a valid Verifiable Presentation: correct the fields listed.',
      ja: '提示が正しい検証可能な提示（VP）ではありません。一覧の項目を修正してください。',
    },
  },
  ERR_VC_API_CREDENTIAL_NOT_FOUND: {
    status: 404,
    message: {
      en: 'No credential {credentialId} has been issued by your organisation.',
      ja: '自組織が発行した資格情報 {credentialId} はありません。',
    },
  },
  ERR_VC_API_STATUS_TYPE: {
    status: 400,
    message: {
      en: 'The status type {type} is not supported; use BitstringStatusListEntry.',
      ja: '状態の種類 {type} には対応していません。BitstringStatusListEntry を使ってください。',
    },
  },
  ERR_VC_API_STATUS_PURPOSE_ABSENT: {
    status: 400,
    message: {
      en: 'The credential has no {purpose} status entry, so its {purpose} status cannot be set.',
      ja: 'この資格情報には {purpose} の状態エントリーがないため、{purpose} の状態は設定できません。',
    },
  },
  ERR_VC_API_STATUS_ENTRY_MISMATCH: {
    status: 400,
    message: {
      en: "The status entry given ({field}) is not the credential's {purpose} entry.",
      ja: '指定された状態エントリー（{field}）は、この資格情報の {purpose} エントリーではありません。',
    },
  },
  ERR_VC_API_REVOCATION_PERMANENT: {
    status: 400,
    message: {
      en: 'The credential is revoked, and revocation is permanent: it cannot be undone. Suspension can be lifted.',
      ja: 'この資格情報は失効しています。失効は取り消せません（一時停止は解除できます）。',
    },
  },
} as const satisfies ErrorTable;
