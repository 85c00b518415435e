import { createPublicKey, type KeyObject } from 'node:crypto';
import { AkashiError } from '../errors/akashi-error.js';
import { MIN_RSA_MODULUS_BITS, pickPublicJwkMembers } from './signing-key.js';

/** Every private or symmetric JWK member (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037). */
export const PRIVATE_JWK_MEMBERS: readonly string[] = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when a JWK-like object carries any private or symmetric member. */
export const hasPrivateJwkMembers = (jwk: Record<string, unknown>): boolean =>
  PRIVATE_JWK_MEMBERS.some((name) => jwk[name] !== undefined);

const invalid = (en: string, ja: string, cause?: unknown): AkashiError =>
  new AkashiError(
    'ERR_KEY_INVALID',
    { en: `Invalid public JWK: ${en}.`, ja: `公開鍵の JWK が不正です: ${ja}。` },
    cause === undefined ? {} : { cause },
  );

const unsupported = (en: string, ja: string): AkashiError =>
  new AkashiError('ERR_KEY_UNSUPPORTED', {
    en: `Unsupported public JWK: ${en}. Akashi verifies Ed25519 (OKP), P-256 (EC) and RSA keys.`,
    ja: `対応していない公開鍵の JWK です: ${ja}。Akashi が検証できるのは Ed25519 (OKP)、P-256 (EC)、RSA の鍵です。`,
  });

/**
 * Imports a public JWK from untrusted input (a JWT header, a DID document, a JWKS): Ed25519
 * (`OKP`), P-256 (`EC`) or RSA with at least 2048 bits. Throws `ERR_KEY_INVALID` for a JWK that
 * is malformed or carries private members (a published private key is never used), and
 * `ERR_KEY_UNSUPPORTED` for other key types and curves.
 */
export const importPublicJwk = (jwk: unknown): KeyObject => {
  if (!isRecord(jwk)) throw invalid('expected a JSON object', 'JSON オブジェクトではありません');
  if (hasPrivateJwkMembers(jwk)) {
    throw invalid(
      'it contains private key members; a private key must never be published',
      '秘密鍵の値が含まれています。秘密鍵を公開してはいけません',
    );
  }
  const { kty, crv } = jwk;
  const supported =
    (kty === 'OKP' && crv === 'Ed25519') || (kty === 'EC' && crv === 'P-256') || kty === 'RSA';
  if (!supported) {
    throw unsupported(
      `kty ${JSON.stringify(kty)}${crv === undefined ? '' : ` crv ${JSON.stringify(crv)}`}`,
      `kty ${JSON.stringify(kty)}${crv === undefined ? '' : ` crv ${JSON.stringify(crv)}`}`,
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pickPublicJwkMembers(jwk), format: 'jwk' });
  } catch (cause) {
    throw invalid('node:crypto cannot parse the key', '鍵を読み取れません', cause);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (kty === 'RSA' && bits < MIN_RSA_MODULUS_BITS) {
    throw unsupported(
      `RSA keys need at least ${MIN_RSA_MODULUS_BITS} bits; this one has ${bits}`,
      `RSA 鍵は ${MIN_RSA_MODULUS_BITS} ビット以上が必要です（この鍵は ${bits} ビット）`,
    );
  }
  return key;
};
