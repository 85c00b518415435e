/**
 * Signing keys held as parsed node:crypto KeyObjects, so that signing never re-imports a key.
 */
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { AkashiError } from '../errors/akashi-error.js';
import { encodeMultikey } from './multikey.js';

/** The key types Akashi signs with. `rsa` keys are generated with a 2048-bit modulus. */
export type KeyType = 'ed25519' | 'p256' | 'rsa';

/** The JOSE `alg` each key type signs with. */
export type SigningKeyAlg = 'EdDSA' | 'ES256' | 'RS256';

export interface SigningKey {
  readonly type: KeyType;
  /** Key id: the Multikey for Ed25519 and P-256, the RFC 7638 JWK thumbprint for RSA, or given. */
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public key as a bare JWK (`kty`, `crv`, `x`, `y`, `n`, `e`): never private members. */
  readonly publicJwk: JsonWebKey;
  readonly alg: SigningKeyAlg;
}

export const KEY_TYPES: readonly KeyType[] = ['ed25519', 'p256', 'rsa'];

export const ALG_BY_KEY_TYPE: Readonly<Record<KeyType, SigningKeyAlg>> = {
  ed25519: 'EdDSA',
  p256: 'ES256',
  rsa: 'RS256',
};

/** Smallest RSA modulus accepted for signing or verifying (RS256 minimum, RFC 7518 §3.3). */
export const MIN_RSA_MODULUS_BITS = 2048;

/** The public JWK members per `kty`, in RFC 7638 (thumbprint) order. */
const PUBLIC_JWK_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  OKP: ['crv', 'kty', 'x'],
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
};

/** The Akashi key type of a node:crypto key, or `undefined` when Akashi does not sign with it. */
export const readKeyType = (key: KeyObject): KeyType | undefined => {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'rsa') return 'rsa';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return 'p256';
  }
  return undefined;
};

/** Copies only the public members of a JWK (whatever else it carries is dropped). */
export const pickPublicJwkMembers = (jwk: JsonWebKey): JsonWebKey => {
  const members = typeof jwk.kty === 'string' ? PUBLIC_JWK_MEMBERS[jwk.kty] : undefined;
  if (members === undefined) throw new TypeError(`unsupported JWK kty ${String(jwk.kty)}`);
  const out: JsonWebKey = {};
  for (const name of members) {
    const value = jwk[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
};

/** The bare public JWK of a key (a private KeyObject gives its public half). */
export const exportBarePublicJwk = (key: KeyObject): JsonWebKey =>
  pickPublicJwkMembers(
    (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' }),
  );

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of a public JWK. */
export const computeJwkThumbprint = (jwk: JsonWebKey): string => {
  const bare = pickPublicJwkMembers(jwk);
  // Members are already in lexicographic order and values are base64url or curve names, so
  // JSON.stringify yields the exact RFC 7638 serialisation.
  return createHash('sha256').update(JSON.stringify(bare)).digest('base64url');
};

export interface CreateSigningKeyOptions {
  /** Key id; defaults to the Multikey (Ed25519, P-256) or the JWK thumbprint (RSA). */
  readonly kid?: string;
}

const unsupported = (en: string, ja: string): AkashiError =>
  new AkashiError('ERR_KEY_UNSUPPORTED', { en, ja });

/**
 * Wraps a parsed private KeyObject (Ed25519, P-256, or RSA with at least 2048 bits) as a
 * SigningKey. The KeyObject is kept as is, so signing never re-imports it.
 */
export const createSigningKey = (
  privateKey: KeyObject,
  options: CreateSigningKeyOptions = {},
): SigningKey => {
  if (privateKey.type !== 'private') {
    throw new TypeError('createSigningKey: privateKey must be a private KeyObject');
  }
  const type = readKeyType(privateKey);
  if (type === undefined) {
    throw unsupported(
      `Unsupported signing key type ${privateKey.asymmetricKeyType ?? 'unknown'}: use Ed25519, P-256 or RSA.`,
      `署名鍵の種類 ${privateKey.asymmetricKeyType ?? '不明'} には対応していません。Ed25519、P-256、RSA のいずれかを使ってください。`,
    );
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (type === 'rsa' && bits < MIN_RSA_MODULUS_BITS) {
    throw unsupported(
      `RSA keys need at least ${MIN_RSA_MODULUS_BITS} bits; this one has ${bits}.`,
      `RSA 鍵は ${MIN_RSA_MODULUS_BITS} ビット以上が必要です（この鍵は ${bits} ビット）。`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  const publicJwk = Object.freeze(exportBarePublicJwk(publicKey));
  const kid =
    options.kid ?? (type === 'rsa' ? computeJwkThumbprint(publicJwk) : encodeMultikey(publicKey));
  if (kid.length === 0) throw new TypeError('createSigningKey: options.kid must not be empty');
  return Object.freeze({ type, kid, privateKey, publicKey, publicJwk, alg: ALG_BY_KEY_TYPE[type] });
};

export interface GenerateSigningKeyOptions {
  /** Key id; defaults to the Multikey (Ed25519, P-256) or the JWK thumbprint (RSA). */
  readonly kid?: string;
}

/** Generates a fresh signing key: Ed25519, P-256, or RSA-2048 (public exponent 65537). */
export const generateSigningKey = (
  type: KeyType,
  options: GenerateSigningKeyOptions = {},
): SigningKey => {
  let privateKey: KeyObject;
  switch (type) {
    case 'ed25519':
      ({ privateKey } = generateKeyPairSync('ed25519'));
      break;
    case 'p256':
      ({ privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' }));
      break;
    case 'rsa':
      ({ privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 }));
      break;
    default:
      throw new TypeError(`generateSigningKey: type must be one of ${KEY_TYPES.join(', ')}`);
  }
  return createSigningKey(privateKey, options);
};
