/**
 * Errors of the OpenID for Verifiable Credential Issuance endpoints, answered in the protocol's
 * own format (`{error, error_description}`, OID4VCI 1.0 §6.3 and §8.3.1.2, RFC 6749 §5.2,
 * RFC 6750 §3.1), never in the platform envelope: wallets read `error`.
 */
import type { FastifyReply } from 'fastify';

export type Oid4vciErrorCode =
  // The token endpoint (RFC 6749 §5.2).
  | 'invalid_request'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  // A missing, unknown or spent access token (RFC 6750 §3.1).
  | 'invalid_token'
  // The credential endpoint (OID4VCI 1.0 §8.3.1.2; the last two are draft 13's).
  | 'invalid_credential_request'
  | 'unknown_credential_configuration'
  | 'unknown_credential_identifier'
  | 'invalid_proof'
  | 'invalid_nonce'
  | 'credential_request_denied'
  | 'unsupported_credential_format'
  | 'unsupported_credential_type'
  // Too many requests from one client.
  | 'slow_down';

const STATUS: Readonly<Record<Oid4vciErrorCode, number>> = {
  invalid_request: 400,
  invalid_grant: 400,
  unsupported_grant_type: 400,
  invalid_token: 401,
  invalid_credential_request: 400,
  unknown_credential_configuration: 400,
  unknown_credential_identifier: 400,
  invalid_proof: 400,
  invalid_nonce: 400,
  credential_request_denied: 400,
  unsupported_credential_format: 400,
  unsupported_credential_type: 400,
  slow_down: 429,
};

export class Oid4vciError extends Error {
  override readonly name = 'Oid4vciError';
  constructor(
    readonly error: Oid4vciErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.error];
  }
}

/** Sends the error as `{error, error_description}` (no-store), with the Bearer challenge on 401. */
export const sendOid4vciError = (
  reply: FastifyReply,
  error: Oid4vciError,
  extra: Readonly<Record<string, unknown>> = {},
): FastifyReply => {
  if (error.error === 'invalid_token') {
    void reply.header(
      'www-authenticate',
      `Bearer error="invalid_token", error_description="${error.message.replace(/["\\]/g, "'")}"`,
    );
  }
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .send({ error: error.error, error_description: error.message, ...extra });
};
