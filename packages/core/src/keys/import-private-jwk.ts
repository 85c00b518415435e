import {
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { AkashiError } from '../errors/akashi-error.js';
import {
  ALG_BY_KEY_TYPE,
  createSigningKey,
  exportBarePublicJwk,
  type KeyType,
  type SigningKey,
} from './signing-key.js';

/** The private members of each JWK key type (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2). */
const PRIVATE_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  OKP: ['d'],
  EC: ['d'],
  RSA: ['d', 'p', 'q', 'dp', 'dq', 'qi'],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (en: string, ja: string, cause?: unknown): AkashiError =>
  new AkashiError(
    'ERR_KEY_INVALID',
    { en: `Invalid private JWK: ${en}.`, ja: `秘密鍵の JWK が不正です: ${ja}。` },
    cause === undefined ? {} : { cause },
  );

const unsupported = (en: string, ja: string): AkashiError =>
  new AkashiError('ERR_KEY_UNSUPPORTED', {
    en: `Unsupported JWK: ${en}. Akashi signs with Ed25519 (OKP), P-256 (EC) or RSA keys.`,
    ja: `対応していない JWK です: ${ja}。Akashi が署名に使えるのは Ed25519 (OKP)、P-256 (EC)、RSA の鍵です。`,
  });

const readJwkKeyType = (jwk: Record<string, unknown>): KeyType => {
  const { kty, crv } = jwk;
  if (typeof kty !== 'string') throw invalid('"kty" is missing', '"kty" がありません');
  if (kty === 'OKP') {
    if (crv === 'Ed25519') return 'ed25519';
    throw unsupported(`OKP curve ${JSON.stringify(crv)}`, `OKP の曲線 ${JSON.stringify(crv)}`);
  }
  if (kty === 'EC') {
    if (crv === 'P-256') return 'p256';
    throw unsupported(`EC curve ${JSON.stringify(crv)}`, `EC の曲線 ${JSON.stringify(crv)}`);
  }
  if (kty === 'RSA') return 'rsa';
  throw unsupported(`key type "${kty}"`, `鍵の種類 "${kty}"`);
};

const passesPairwiseTest = (privateKey: KeyObject): boolean => {
  const data = Buffer.from('akashi pairwise consistency test');
  try {
    const signature = sign('sha256', data, privateKey);
    return verify('sha256', data, createPublicKey(privateKey), signature);
  } catch {
    return false;
  }
};

/**
 * Imports a private JWK (Ed25519 `OKP`, P-256 `EC`, or RSA with at least 2048 bits) as a
 * SigningKey. Its `kid`, when present, is kept. Throws `ERR_KEY_INVALID` for anything that is not
 * a well-formed key (including a public part that does not match the private one),
 * `ERR_KEY_UNSUPPORTED` for other key types, curves, a conflicting `alg` or `use`, and
 * `ERR_KEY_NOT_PRIVATE` for a public-only JWK.
 */
export const importPrivateJwk = (jwk: unknown): SigningKey => {
  if (!isRecord(jwk)) throw invalid('expected a JSON object', 'JSON オブジェクトではありません');
  const type = readJwkKeyType(jwk);
  const kty = jwk.kty as string;
  const privateMembers = PRIVATE_MEMBERS[kty] ?? ['d'];
  if (jwk.d === undefined) {
    throw new AkashiError('ERR_KEY_NOT_PRIVATE', {
      en: 'This JWK is a public key (no "d" member); a private key is needed to sign.',
      ja: 'この JWK は公開鍵です（"d" がありません）。署名には秘密鍵が必要です。',
    });
  }
  for (const name of privateMembers) {
    const value = jwk[name];
    if (value !== undefined && typeof value !== 'string') {
      throw invalid(
        `"${name}" must be a base64url string`,
        `"${name}" は base64url 文字列でなければなりません`,
      );
    }
  }
  const alg = ALG_BY_KEY_TYPE[type];
  if (jwk.alg !== undefined && jwk.alg !== alg) {
    throw unsupported(
      `"alg" is ${JSON.stringify(jwk.alg)} but this key signs with ${alg}`,
      `"alg" が ${JSON.stringify(jwk.alg)} ですが、この鍵の署名方式は ${alg} です`,
    );
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    throw unsupported(
      `"use" is ${JSON.stringify(jwk.use)}, not "sig"`,
      `"use" が "sig" ではなく ${JSON.stringify(jwk.use)} です`,
    );
  }
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid.length === 0)) {
    throw invalid('"kid" must be a non-empty string', '"kid" は空でない文字列でなければなりません');
  }

  // Hand node:crypto only the key material, never the metadata members.
  const material: JsonWebKey = {};
  for (const [name, value] of Object.entries(jwk)) {
    if (['kty', 'crv', 'x', 'y', 'n', 'e', ...privateMembers].includes(name))
      material[name] = value;
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: material, format: 'jwk' });
  } catch (cause) {
    throw invalid('node:crypto cannot parse the key material', '鍵の値を読み取れません', cause);
  }

  // The public members, when given, must belong to the private key (node:crypto does not check
  // this for OKP keys, and a mismatched `x` would publish a key that verifies nothing).
  const derived = exportBarePublicJwk(privateKey);
  for (const [name, value] of Object.entries(derived)) {
    if (jwk[name] !== undefined && jwk[name] !== value) {
      throw invalid(
        `the public member "${name}" does not match the private key`,
        `公開部分 "${name}" が秘密鍵と一致しません`,
      );
    }
  }
  // node:crypto does not check that RSA (or EC) private and public parts belong together: a
  // pairwise sign/verify test does (FIPS 140-3 style; about a millisecond, once per import).
  if (type !== 'ed25519' && !passesPairwiseTest(privateKey)) {
    throw invalid(
      'its private and public parts do not belong together',
      '秘密部分と公開部分が対応していません',
    );
  }
  return createSigningKey(privateKey, typeof jwk.kid === 'string' ? { kid: jwk.kid } : {});
};
