/**
 * The error codes of `POST /api/v1/verify`, spread into the registry (`http/error-registry.ts`):
 * HTTP status and message in English and Japanese. Codes are stable: never rename or reuse one.
 *
 * Only a request that cannot be verified at all is an error. Input that reaches the verifier but
 * is no credential (not JSON, not a JWT, an image with nothing baked in, a URL that answers 404)
 * is a 200 with the verdict `unreadable` and the reason.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const VERIFICATION_ERRORS = {
  ERR_VERIFY_INPUT_MISSING: {
    status: 400,
    message: {
      en: 'Give the badge to verify: "url", or "credential" (a JSON object, JSON text or a VC-JWT), or send a PNG or SVG badge image as the body.',
      ja: '検証するバッジを指定してください。"url"、"credential"（JSON オブジェクト・JSON テキスト・VC-JWT）のいずれか、または PNG・SVG のバッジ画像を本文として送ってください。',
    },
  },
  ERR_VERIFY_INPUT_AMBIGUOUS: {
    status: 400,
    message: {
      en: 'Give either "url" or "credential", not both.',
      ja: '"url" と "credential" のどちらか一方だけを指定してください。',
    },
  },
  ERR_VERIFY_INPUT_TOO_LARGE: {
    status: 413,
    message: {
      en: 'The badge is larger than the limit of {limit} bytes; a badge image or credential is far smaller.',
      ja: 'バッジが上限の {limit} バイトを超えています。通常のバッジ画像や資格情報はこれよりずっと小さいものです。',
    },
  },
  ERR_VERIFY_RATE_LIMITED: {
    status: 429,
    message: {
      en: 'Too many verifications from your address. Try again in {seconds} seconds.',
      ja: 'お使いのアドレスからの検証が多すぎます。{seconds} 秒後に再度お試しください。',
    },
  },
} as const satisfies ErrorTable;
