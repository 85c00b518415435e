/**
 * The platform error codes of OpenID for Verifiable Credential Issuance, spread into the registry
 * (`http/error-registry.ts`). Codes are stable: never rename or reuse one. The protocol endpoints
 * (token, nonce, credential) answer in the protocol's own format instead
 * (`oid4vci-protocol-error.ts`).
 */
import type { ErrorTable } from '../http/error-registry.js';

export const OID4VCI_ERRORS = {
  ERR_OID4VCI_OFFER_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such credential offer.',
      ja: '該当するクレデンシャルの提供はありません。',
    },
  },
  ERR_OID4VCI_OFFER_GONE: {
    status: 410,
    message: {
      en: 'This credential offer has already been used or has expired. Start again from the badge page.',
      ja: 'このクレデンシャルの提供は、すでに使われたか有効期限が切れています。バッジのページからやり直してください。',
    },
  },
  ERR_OID4VCI_EXCHANGE_NOT_PENDING: {
    status: 409,
    message: {
      en: 'A credential offer can only be added to an exchange that has not started yet.',
      ja: 'クレデンシャルの提供は、まだ始まっていない受け渡しにしか追加できません。',
    },
  },
} as const satisfies ErrorTable;
