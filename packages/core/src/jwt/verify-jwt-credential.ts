/**
 * Verifying an OB 3.0 VC-JWT: algorithm, key, signature, where the credential sits, and the
 * JWT claims against the credential. Never throws; validity periods are the caller's to report.
 */
import { createPublicKey, KeyObject } from 'node:crypto';
import { compactVerify, errors as joseErrors } from 'jose';
import {
  isAkashiError,
  type AkashiErrorCode,
  type LocalizedMessage,
} from '../errors/akashi-error.js';
import { hasPrivateJwkMembers, importPublicJwk } from '../keys/import-public-jwk.js';
import { MIN_RSA_MODULUS_BITS } from '../keys/signing-key.js';
import {
  parseCompactJwt,
  readJwtCredential,
  type Credential,
  type DecodeJwtCredentialFailureCode,
  type JwtCredentialHeader,
  type JwtPayload,
  type VcVersion,
} from './decode-jwt-credential.js';
import {
  reconcileJwtClaims,
  type JwtClaimMismatch,
  type JwtClaimName,
} from './reconcile-jwt-claims.js';

/** The JOSE algorithms a VC-JWT may use: RS256 (the OB minimum), ES256, EdDSA. */
export type JwtCredentialAlg = 'RS256' | 'ES256' | 'EdDSA';
export const JWT_CREDENTIAL_ALGS: readonly JwtCredentialAlg[] = ['RS256', 'ES256', 'EdDSA'];

/** Errors a key resolver may raise that are reported under their own code. */
const KEY_RESOLUTION_CODES = [
  'ERR_FETCH_FAILED',
  'ERR_DID_UNSUPPORTED',
  'ERR_DID_INVALID',
  'ERR_KEY_INVALID',
  'ERR_KEY_UNSUPPORTED',
  'ERR_KEY_NOT_FOUND',
] as const satisfies readonly AkashiErrorCode[];
type KeyResolutionCode = (typeof KEY_RESOLUTION_CODES)[number];

export type VerifyJwtCredentialFailureCode =
  | DecodeJwtCredentialFailureCode
  | KeyResolutionCode
  | 'ERR_JWT_ALG_UNSUPPORTED'
  | 'ERR_JWT_TYP_UNSUPPORTED'
  | 'ERR_JWT_KEY_MISSING'
  | 'ERR_JWT_JWK_PRIVATE'
  | 'ERR_JWT_KEY_MISMATCH'
  | 'ERR_JWT_KEY_UNRESOLVED'
  | 'ERR_JWT_SIGNATURE_INVALID'
  | 'ERR_JWT_CLAIM_MISMATCH';

export interface VerifyJwtCredentialOptions {
  /**
   * Resolves a header `kid` to its public key (for example through a verification method
   * resolver). It may throw an AkashiError: `ERR_FETCH_FAILED` is reported as a network failure,
   * apart from bad keys and bad signatures.
   */
  readonly resolveKey?: (kid: string) => Promise<KeyObject>;
}

export interface VerifyJwtCredentialSuccess {
  readonly ok: true;
  readonly credential: Credential;
  readonly header: JwtCredentialHeader;
  readonly payload: JwtPayload;
  readonly vcVersion: VcVersion;
  /** Where the key came from. A header `jwk` proves nothing about who holds it: check provenance. */
  readonly keySource: 'jwk' | 'kid';
  readonly publicKey: KeyObject;
  /** OB-required claims the JWT leaves out (not a failure; the 1EdTech samples omit `sub`). */
  readonly missingClaims: readonly JwtClaimName[];
}

export interface VerifyJwtCredentialFailure {
  readonly ok: false;
  readonly code: VerifyJwtCredentialFailureCode;
  readonly message: LocalizedMessage;
  readonly header?: JwtCredentialHeader;
  /** The credential, when it could be read (for display beside the failure). */
  readonly credential?: Credential;
  readonly vcVersion?: VcVersion;
  readonly mismatches?: readonly JwtClaimMismatch[];
}

export type VerifyJwtCredentialResult = VerifyJwtCredentialSuccess | VerifyJwtCredentialFailure;

type Failure = VerifyJwtCredentialFailure;

const fail = (
  code: VerifyJwtCredentialFailureCode,
  en: string,
  ja: string,
  extra: Omit<Failure, 'ok' | 'code' | 'message'> = {},
): Failure => ({ ok: false, code, message: { en, ja }, ...extra });

const isJwtCredentialAlg = (alg: string): alg is JwtCredentialAlg =>
  (JWT_CREDENTIAL_ALGS as readonly string[]).includes(alg);

/** `typ` may be absent, `JWT` (the OB profile) or `vc+jwt` (VC-JOSE-COSE), in any case. */
const isAcceptedTyp = (typ: unknown): boolean => {
  if (typ === undefined) return true;
  if (typeof typ !== 'string') return false;
  const media = typ.toLowerCase().replace(/^application\//, '');
  return media === 'jwt' || media === 'vc+jwt';
};

const fitsAlg = (key: KeyObject, alg: JwtCredentialAlg): boolean => {
  switch (alg) {
    case 'EdDSA':
      return key.asymmetricKeyType === 'ed25519';
    case 'ES256':
      return (
        key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1'
      );
    case 'RS256':
      return (
        key.asymmetricKeyType === 'rsa' &&
        (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_MODULUS_BITS
      );
  }
};

const isKeyResolutionCode = (code: AkashiErrorCode): code is KeyResolutionCode =>
  (KEY_RESOLUTION_CODES as readonly string[]).includes(code);

/** The public key named by the header, or the failure to report. */
const obtainKey = async (
  header: JwtCredentialHeader,
  options: VerifyJwtCredentialOptions,
): Promise<{ key: KeyObject; source: 'jwk' | 'kid' } | Failure> => {
  const base = { header };
  const jwk: unknown = header.jwk;
  if (jwk !== undefined) {
    if (
      typeof jwk === 'object' &&
      jwk !== null &&
      hasPrivateJwkMembers(jwk as Record<string, unknown>)
    ) {
      return fail(
        'ERR_JWT_JWK_PRIVATE',
        'The JWT header "jwk" contains a private key ("d" or another private member); it must hold only the public key.',
        'JWT ヘッダーの "jwk" に秘密鍵（"d" など）が含まれています。公開鍵だけを入れる必要があります。',
        base,
      );
    }
    try {
      return { key: importPublicJwk(jwk), source: 'jwk' };
    } catch (error) {
      if (isAkashiError(error) && isKeyResolutionCode(error.code)) {
        return fail(error.code, error.message, error.ja, base);
      }
      throw error;
    }
  }
  const { kid } = header;
  if (typeof kid !== 'string' || kid === '') {
    return fail(
      'ERR_JWT_KEY_MISSING',
      'The JWT header names no key: it needs a "kid" URL or a public "jwk".',
      'JWT ヘッダーに鍵の指定がありません。"kid"（URL）か公開鍵の "jwk" が必要です。',
      base,
    );
  }
  if (options.resolveKey === undefined) {
    return fail(
      'ERR_JWT_KEY_UNRESOLVED',
      `The key ${kid} cannot be resolved: no key resolver was given.`,
      `鍵 ${kid} を解決できません。鍵の解決処理が指定されていません。`,
      base,
    );
  }
  try {
    const key = await options.resolveKey(kid);
    if (!(key instanceof KeyObject) || key.type === 'secret') {
      return fail(
        'ERR_JWT_KEY_UNRESOLVED',
        `The key resolver returned no public key for ${kid}.`,
        `鍵の解決処理が ${kid} の公開鍵を返しませんでした。`,
        base,
      );
    }
    return { key: key.type === 'private' ? createPublicKey(key) : key, source: 'kid' };
  } catch (error) {
    if (isAkashiError(error) && isKeyResolutionCode(error.code)) {
      return fail(error.code, error.message, error.ja, base);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      'ERR_JWT_KEY_UNRESOLVED',
      `The key ${kid} could not be resolved: ${reason}`,
      `鍵 ${kid} を解決できませんでした: ${reason}`,
      base,
    );
  }
};

const describeMismatch = (mismatch: JwtClaimMismatch): string => {
  const field = mismatch.fieldValue === undefined ? 'absent' : JSON.stringify(mismatch.fieldValue);
  return `${mismatch.claim} = ${JSON.stringify(mismatch.claimValue)} vs ${mismatch.field} = ${field}`;
};

const verify = async (
  jwt: string,
  options: VerifyJwtCredentialOptions,
): Promise<VerifyJwtCredentialResult> => {
  const parsed = parseCompactJwt(jwt);
  if ('ok' in parsed) return parsed;
  const { header, payload } = parsed;
  const base = { header };

  const { alg } = header;
  if (!isJwtCredentialAlg(alg)) {
    return fail(
      'ERR_JWT_ALG_UNSUPPORTED',
      `The JWT algorithm "${alg}" is not accepted: a VC-JWT must use RS256, ES256 or EdDSA.`,
      `JWT のアルゴリズム "${alg}" は受け付けません。VC-JWT は RS256、ES256、EdDSA のいずれかを使う必要があります。`,
      base,
    );
  }
  if (!isAcceptedTyp(header.typ)) {
    return fail(
      'ERR_JWT_TYP_UNSUPPORTED',
      `The JWT header "typ" is ${JSON.stringify(header.typ)}; a VC-JWT has "JWT", "vc+jwt" or none.`,
      `JWT ヘッダーの "typ" が ${JSON.stringify(header.typ)} です。VC-JWT では "JWT"、"vc+jwt"、または省略です。`,
      base,
    );
  }

  const obtained = await obtainKey(header, options);
  if ('ok' in obtained) return obtained;
  const { key, source } = obtained;
  if (!fitsAlg(key, alg)) {
    return fail(
      'ERR_JWT_KEY_MISMATCH',
      `The key (${key.asymmetricKeyType ?? 'unknown'}) does not fit the algorithm ${alg}.`,
      `鍵（${key.asymmetricKeyType ?? '不明'}）がアルゴリズム ${alg} に合いません。`,
      base,
    );
  }

  const found = readJwtCredential(payload);
  const readable =
    'ok' in found ? {} : { credential: found.credential, vcVersion: found.vcVersion };
  try {
    await compactVerify(jwt.trim(), key, { algorithms: [alg] });
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
      return fail(
        'ERR_JWT_SIGNATURE_INVALID',
        'The JWT signature does not verify: the token was altered or signed with another key.',
        'JWT の署名を検証できません。改ざんされたか、別の鍵で署名されています。',
        { ...base, ...readable },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      'ERR_JWT_MALFORMED',
      `The JWS is malformed: ${reason}`,
      `JWS が不正です: ${reason}`,
      base,
    );
  }
  if ('ok' in found) return { ...found, header };

  const body = found.vcVersion === '2.0' ? found.credential : (payload.vc as Credential);
  const { mismatches, missingClaims, credential } = reconcileJwtClaims(
    payload,
    body,
    found.vcVersion,
  );
  if (mismatches.length > 0) {
    const list = mismatches.map(describeMismatch).join('; ');
    return fail(
      'ERR_JWT_CLAIM_MISMATCH',
      `The JWT claims disagree with the credential: ${list}.`,
      `JWT のクレームがクレデンシャルの内容と一致しません: ${list}。`,
      { ...base, credential, vcVersion: found.vcVersion, mismatches },
    );
  }
  return {
    ok: true,
    credential,
    header,
    payload,
    vcVersion: found.vcVersion,
    keySource: source,
    publicKey: key,
    missingClaims,
  };
};

/**
 * Verifies a VC-JWT. Never throws: the result is `{ ok: true, credential, header, vcVersion, … }`
 * or `{ ok: false, code, message: { en, ja }, credential? }`. Accepts RS256, ES256 and EdDSA; the
 * key comes from the header `jwk` (public members only) or from `kid` through `resolveKey`.
 * Claims must agree with the credential; expiry and not-yet-valid are NOT judged here (`exp` and
 * `nbf` are only compared with validUntil/validFrom), so the caller reports validity periods.
 */
export const verifyJwtCredential = async (
  jwt: string,
  options: VerifyJwtCredentialOptions = {},
): Promise<VerifyJwtCredentialResult> => {
  try {
    return await verify(jwt, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      'ERR_JWT_INVALID',
      `The VC-JWT could not be verified: ${reason}`,
      `VC-JWT を検証できませんでした: ${reason}`,
    );
  }
};
