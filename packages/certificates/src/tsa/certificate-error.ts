/**
 * The typed error of `@akashi/certificates` for time-stamping and signing: a stable code from a
 * closed union (`ERR_<AREA>_<CONDITION>`), a message in English and Japanese, and optional
 * details — the same shape as core's `AkashiError`. Misuse by a programmer (a digest that is not
 * 32 bytes) is a plain `TypeError` instead.
 */
export type CertificateErrorCode =
  | 'ERR_TSA_UNREACHABLE'
  | 'ERR_TSA_TIMEOUT'
  | 'ERR_TSA_HTTP_STATUS'
  | 'ERR_TSA_CONTENT_TYPE'
  | 'ERR_TSA_MALFORMED'
  | 'ERR_TSA_REJECTED'
  | 'ERR_TSA_IMPRINT_MISMATCH'
  | 'ERR_TSA_NONCE_MISMATCH'
  | 'ERR_TSA_POLICY_MISMATCH'
  | 'ERR_TSA_SIGNATURE_INVALID'
  | 'ERR_TSA_CERTIFICATE_MISSING'
  | 'ERR_TSA_NOT_TIMESTAMPING'
  | 'ERR_TSA_UNTRUSTED'
  | 'ERR_P12_MALFORMED'
  | 'ERR_P12_PASSWORD'
  | 'ERR_P12_UNSUPPORTED'
  | 'ERR_P12_NO_KEY'
  | 'ERR_SIGNER_KEY_UNSUPPORTED'
  | 'ERR_CSC_UNREACHABLE'
  | 'ERR_CSC_TIMEOUT'
  | 'ERR_CSC_UNAUTHORIZED'
  | 'ERR_CSC_HTTP_STATUS'
  | 'ERR_CSC_MALFORMED'
  | 'ERR_CSC_AUTH_REQUIRED'
  | 'ERR_CSC_SIGNATURE_INVALID';

export interface LocalizedMessage {
  readonly en: string;
  readonly ja: string;
}

export class CertificateError extends Error {
  override readonly name = 'CertificateError';
  readonly code: CertificateErrorCode;
  readonly ja: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: CertificateErrorCode,
    message: LocalizedMessage,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.ja = message.ja;
    this.details = options.details;
  }
}

export const isCertificateError = (value: unknown): value is CertificateError =>
  value instanceof CertificateError;
