/**
 * The one typed error family of @akashi/core. A domain failure carries a stable code from a
 * closed union (`ERR_<AREA>_<CONDITION>`), a message in English and Japanese, and optional
 * structured details. Misuse of an API by a programmer is a plain `TypeError` instead.
 */
export type AkashiErrorCode =
  | 'ERR_CONTEXT_NOT_BUNDLED'
  | 'ERR_JSONLD_SAFE_MODE'
  | 'ERR_JSON_PARSE'
  | 'ERR_INPUT_TOO_LARGE'
  | 'ERR_KEY_UNSUPPORTED'
  | 'ERR_KEY_INVALID'
  | 'ERR_KEY_NOT_PRIVATE'
  | 'ERR_DID_UNSUPPORTED'
  | 'ERR_DID_INVALID'
  | 'ERR_FETCH_FAILED'
  | 'ERR_CREDENTIAL_INVALID'
  | 'ERR_ISSUE_FAILED'
  | 'ERR_PROOF_UNSUPPORTED'
  | 'ERR_JWT_INVALID'
  | 'ERR_STATUS_LIST_INVALID'
  | 'ERR_STATUS_LIST_FULL'
  | 'ERR_STATUS_INDEX_RANGE'
  | 'ERR_BAKE_NOT_IMAGE'
  | 'ERR_BAKE_MALFORMED_PNG'
  | 'ERR_BAKE_MALFORMED_SVG'
  | 'ERR_BAKE_NO_CREDENTIAL'
  | 'ERR_STATUS_LIST_MULTIBASE'
  | 'ERR_STATUS_LIST_BASE64URL'
  | 'ERR_STATUS_LIST_GZIP'
  | 'ERR_STATUS_LIST_TOO_LARGE'
  | 'ERR_STATUS_LIST_LENGTH'
  | 'ERR_KEY_NOT_FOUND'
  | 'ERR_JWT_MALFORMED'
  | 'ERR_JWT_ALG_UNSUPPORTED'
  | 'ERR_JWT_TYP_UNSUPPORTED'
  | 'ERR_JWT_KEY_MISSING'
  | 'ERR_JWT_JWK_PRIVATE'
  | 'ERR_JWT_KEY_MISMATCH'
  | 'ERR_JWT_KEY_UNRESOLVED'
  | 'ERR_JWT_SIGNATURE_INVALID'
  | 'ERR_JWT_CONTEXT_MISMATCH'
  | 'ERR_JWT_CLAIM_MISMATCH'
  | 'ERR_BAKE_XML_ENTITY_DECLARED';

export interface LocalizedMessage {
  readonly en: string;
  readonly ja: string;
}

export class AkashiError extends Error {
  override readonly name = 'AkashiError';
  readonly code: AkashiErrorCode;
  readonly ja: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: AkashiErrorCode,
    message: LocalizedMessage,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.ja = message.ja;
    this.details = options.details;
  }
}

export const isAkashiError = (value: unknown): value is AkashiError => value instanceof AkashiError;
