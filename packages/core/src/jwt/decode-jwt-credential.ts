/**
 * Reading a VC-JWT (compact JWS) without verifying it: the header, the payload and the
 * credential inside it, for display and as the first step of verification.
 */
import type { JsonWebKey } from 'node:crypto';
import { CREDENTIALS_V1_URL, CREDENTIALS_V2_URL } from '../contexts/bundled-contexts.js';
import type { LocalizedMessage } from '../errors/akashi-error.js';
import { reconcileJwtClaims } from './reconcile-jwt-claims.js';

/** Where the credential sits: VC 2.0 = the payload itself, VC 1.1 = the `vc` claim. */
export type VcVersion = '1.1' | '2.0';

export interface JwtCredentialHeader {
  readonly alg: string;
  readonly typ?: string;
  readonly cty?: string;
  readonly kid?: string;
  readonly jwk?: JsonWebKey;
  readonly [name: string]: unknown;
}

export type JwtPayload = Record<string, unknown>;
export type Credential = Record<string, unknown>;

export type DecodeJwtCredentialFailureCode =
  'ERR_JWT_MALFORMED' | 'ERR_JWT_INVALID' | 'ERR_JWT_CONTEXT_MISMATCH';

export type DecodeJwtCredentialResult =
  | {
      readonly ok: true;
      readonly header: JwtCredentialHeader;
      readonly payload: JwtPayload;
      /**
       * The credential: for VC 2.0 the payload without the registered JWT claims (`iss`, `sub`,
       * `aud`, `exp`, `nbf`, `iat`, `jti`); for VC 1.1 the `vc` claim, with `id`, `issuer`,
       * `issuanceDate`, `expirationDate` and `credentialSubject.id` filled from the JWT claims when
       * the credential leaves them out (VC 1.1 §6.3.1).
       */
      readonly credential: Credential;
      readonly vcVersion: VcVersion;
    }
  | {
      readonly ok: false;
      readonly code: DecodeJwtCredentialFailureCode;
      readonly message: LocalizedMessage;
      readonly header?: JwtCredentialHeader;
      readonly payload?: JwtPayload;
    };

/** The registered JWT claim names (RFC 7519 §4.1), removed from a VC 2.0 credential. */
export const REGISTERED_JWT_CLAIMS: readonly string[] = [
  'iss',
  'sub',
  'aud',
  'exp',
  'nbf',
  'iat',
  'jti',
];

const BASE64URL = /^[A-Za-z0-9_-]*$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Failure = Extract<DecodeJwtCredentialResult, { ok: false }>;

const fail = (code: DecodeJwtCredentialFailureCode, en: string, ja: string): Failure => ({
  ok: false,
  code,
  message: { en, ja },
});

const parseJsonPart = (part: string): unknown => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
};

export interface ParsedCompactJwt {
  readonly header: JwtCredentialHeader;
  readonly payload: JwtPayload;
}

/** Splits and parses a compact JWS whose header and payload are JSON objects. */
export const parseCompactJwt = (jwt: unknown): ParsedCompactJwt | Failure => {
  if (typeof jwt !== 'string') {
    return fail(
      'ERR_JWT_MALFORMED',
      'The VC-JWT is not a string.',
      'VC-JWT が文字列ではありません。',
    );
  }
  const parts = jwt.trim().split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    return fail(
      'ERR_JWT_MALFORMED',
      'This is not a compact JWS (three base64url parts separated by dots).',
      'コンパクト JWS（ドットで区切られた 3 つの base64url 部分）ではありません。',
    );
  }
  const [headerPart = '', payloadPart = ''] = parts;
  const header = parseJsonPart(headerPart);
  if (!isRecord(header) || typeof header.alg !== 'string') {
    return fail(
      'ERR_JWT_MALFORMED',
      'The JWT header is not a JSON object with an "alg".',
      'JWT ヘッダーが "alg" を持つ JSON オブジェクトではありません。',
    );
  }
  if (header.b64 === false) {
    return fail(
      'ERR_JWT_MALFORMED',
      'Unencoded payloads ("b64": false) are not allowed in a VC-JWT.',
      'VC-JWT ではエンコードしないペイロード（"b64": false）は使えません。',
    );
  }
  const payload = parseJsonPart(payloadPart);
  if (!isRecord(payload)) {
    return fail(
      'ERR_JWT_MALFORMED',
      'The JWT payload is not a JSON object.',
      'JWT ペイロードが JSON オブジェクトではありません。',
    );
  }
  return { header: header as JwtCredentialHeader, payload };
};

const firstContext = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Finds the credential in a payload and checks that `@context[0]` fits where it was found. */
export const readJwtCredential = (
  payload: JwtPayload,
): { credential: Credential; vcVersion: VcVersion } | Failure => {
  if (payload['@context'] !== undefined) {
    const context = firstContext(payload['@context']);
    if (context === CREDENTIALS_V2_URL) {
      const credential = Object.fromEntries(
        Object.entries(payload).filter(([name]) => !REGISTERED_JWT_CLAIMS.includes(name)),
      );
      return { credential, vcVersion: '2.0' };
    }
    if (context === CREDENTIALS_V1_URL) {
      return fail(
        'ERR_JWT_CONTEXT_MISMATCH',
        'A VC 1.1 credential (@context[0] is the 2018 context) must sit in the "vc" claim, not be the payload.',
        'VC 1.1 のクレデンシャル（@context[0] が 2018 年版）はペイロードそのものではなく "vc" クレームに入れる必要があります。',
      );
    }
    return fail(
      'ERR_JWT_INVALID',
      'The JWT payload is not a verifiable credential: @context[0] is not the VC 2.0 context.',
      'JWT ペイロードが検証可能なクレデンシャルではありません。@context[0] が VC 2.0 のコンテキストではありません。',
    );
  }
  if (isRecord(payload.vc)) {
    const context = firstContext(payload.vc['@context']);
    if (context === CREDENTIALS_V1_URL) {
      return {
        credential: reconcileJwtClaims(payload, payload.vc, '1.1').credential,
        vcVersion: '1.1',
      };
    }
    if (context === CREDENTIALS_V2_URL) {
      return fail(
        'ERR_JWT_CONTEXT_MISMATCH',
        'A VC 2.0 credential must be the JWT payload itself, not sit in the "vc" claim.',
        'VC 2.0 のクレデンシャルは "vc" クレームではなく JWT ペイロードそのものでなければなりません。',
      );
    }
    return fail(
      'ERR_JWT_INVALID',
      'The "vc" claim is not a verifiable credential: @context[0] is not the VC 1.1 context.',
      '"vc" クレームが検証可能なクレデンシャルではありません。@context[0] が VC 1.1 のコンテキストではありません。',
    );
  }
  return fail(
    'ERR_JWT_INVALID',
    'The JWT carries no credential: the payload has neither "@context" nor a "vc" claim.',
    'JWT にクレデンシャルがありません。ペイロードに "@context" も "vc" クレームもありません。',
  );
};

/**
 * Decodes a VC-JWT without verifying its signature or claims (for display and parsing).
 * Never throws: a failure names `ERR_JWT_MALFORMED` (not a compact JWS with JSON parts),
 * `ERR_JWT_INVALID` (no credential inside) or `ERR_JWT_CONTEXT_MISMATCH` (a VC 2.0 credential in
 * the `vc` claim, or a VC 1.1 credential as the payload).
 */
export const decodeJwtCredential = (jwt: string): DecodeJwtCredentialResult => {
  const parsed = parseCompactJwt(jwt);
  if ('ok' in parsed) return parsed;
  const found = readJwtCredential(parsed.payload);
  if ('ok' in found) return { ...found, header: parsed.header, payload: parsed.payload };
  return { ok: true, header: parsed.header, payload: parsed.payload, ...found };
};
