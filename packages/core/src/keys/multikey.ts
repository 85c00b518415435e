/**
 * W3C Multikey (Controlled Identifiers 1.0): a public key written as a base58btc multibase string
 * (`z…`) of a multicodec header followed by the raw key bytes.
 */
import { createPublicKey, ECDH, type KeyObject } from 'node:crypto';
import { decode as decodeBase58, encode as encodeBase58 } from 'base58-universal';
import { AkashiError } from '../errors/akashi-error.js';

/** Multicodec `ed25519-pub` (0xed) as an unsigned varint. */
export const ED25519_PUB_HEADER: readonly number[] = [0xed, 0x01];
/** Multicodec `p256-pub` (0x1200) as an unsigned varint. */
export const P256_PUB_HEADER: readonly number[] = [0x80, 0x24];
/** Multicodec `ed25519-priv` (0x1300) as an unsigned varint. */
export const ED25519_PRIV_HEADER: readonly number[] = [0x80, 0x26];
/** Multicodec `p256-priv` (0x1306) as an unsigned varint. */
export const P256_PRIV_HEADER: readonly number[] = [0x86, 0x26];

/**
 * Public-key multicodecs that are real but that Akashi does not verify with: secp256k1, X25519,
 * BLS12-381 G1/G2, P-384, P-521, Ed448, X448, RSA, SM2. Any other header is not a key at all.
 */
const OTHER_PUBLIC_KEY_HEADERS: readonly (readonly number[])[] = [
  [0xe7, 0x01],
  [0xec, 0x01],
  [0xea, 0x01],
  [0xeb, 0x01],
  [0x81, 0x24],
  [0x82, 0x24],
  [0x83, 0x24],
  [0x84, 0x24],
  [0x85, 0x24],
  [0x86, 0x24],
];

const BASE58BTC_MULTIBASE = /^z[1-9A-HJ-NP-Za-km-z]+$/;
/** Generous for any key or signature; keeps the quadratic base58 decoder cheap on hostile input. */
const MAX_MULTIBASE_LENGTH = 512;

/** Writes bytes as a base58btc multibase string (`z` + base58 with the Bitcoin alphabet). */
export const encodeMultibaseBase58btc = (bytes: Uint8Array): string => `z${encodeBase58(bytes)}`;

/**
 * Reads a base58btc multibase string. Returns `undefined` when the value is not `z` followed by
 * base58 characters only (no whitespace), or is longer than `maxLength`.
 */
export const decodeMultibaseBase58btc = (
  value: string,
  maxLength: number = MAX_MULTIBASE_LENGTH,
): Uint8Array | undefined => {
  if (value.length > maxLength || !BASE58BTC_MULTIBASE.test(value)) return undefined;
  return decodeBase58(value.slice(1));
};

/** True when `bytes` starts with the multicodec `header`. */
export const hasMulticodecHeader = (bytes: Uint8Array, header: readonly number[]): boolean =>
  header.every((byte, index) => bytes[index] === byte);

const concatBytes = (header: readonly number[], body: Uint8Array): Uint8Array => {
  const out = new Uint8Array(header.length + body.length);
  out.set(header, 0);
  out.set(body, header.length);
  return out;
};

const base64urlBytes = (value: unknown): Buffer => {
  if (typeof value !== 'string') throw new TypeError('expected a base64url JWK member');
  return Buffer.from(value, 'base64url');
};

const unsupportedKey = (what: string): AkashiError =>
  new AkashiError('ERR_KEY_UNSUPPORTED', {
    en: `Unsupported key: ${what}. Akashi supports Ed25519 and P-256 Multikeys.`,
    ja: `対応していない鍵です: ${what}。Akashi が扱える Multikey は Ed25519 と P-256 です。`,
  });

const invalidMultikey = (en: string, ja: string, cause?: unknown): AkashiError =>
  new AkashiError(
    'ERR_KEY_INVALID',
    { en: `Invalid Multikey: ${en}.`, ja: `Multikey が不正です: ${ja}。` },
    cause === undefined ? {} : { cause },
  );

/** Compresses a P-256 public point given as JWK `x` and `y` into the 33-byte SEC1 form. */
export const compressP256Point = (x: Uint8Array, y: Uint8Array): Uint8Array => {
  const out = new Uint8Array(33);
  out[0] = (y[31] ?? 0) & 1 ? 0x03 : 0x02;
  out.set(x, 1);
  return out;
};

/**
 * Encodes an Ed25519 or P-256 public key as a Multikey `publicKeyMultibase`: Ed25519 gives
 * `z6Mk…` (0xed01 + 32 bytes), P-256 gives `zDn…` (0x8024 + the 33-byte compressed point).
 * A private KeyObject is accepted and its public half is encoded.
 */
export const encodeMultikey = (publicKey: KeyObject): string => {
  if (publicKey.type === 'secret') {
    throw new TypeError('encodeMultikey: publicKey must be an asymmetric KeyObject');
  }
  const key = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
  const jwk = key.export({ format: 'jwk' });
  if (key.asymmetricKeyType === 'ed25519') {
    return encodeMultibaseBase58btc(concatBytes(ED25519_PUB_HEADER, base64urlBytes(jwk.x)));
  }
  if (key.asymmetricKeyType === 'ec' && jwk.crv === 'P-256') {
    const point = compressP256Point(base64urlBytes(jwk.x), base64urlBytes(jwk.y));
    return encodeMultibaseBase58btc(concatBytes(P256_PUB_HEADER, point));
  }
  throw unsupportedKey(`${key.asymmetricKeyType ?? 'unknown'} keys have no Multikey form here`);
};

/** Builds an Ed25519 public KeyObject from its 32 raw bytes. */
export const createEd25519PublicKey = (raw: Uint8Array): KeyObject =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });

/** Builds a P-256 public KeyObject from a 33-byte compressed or 65-byte uncompressed point. */
export const createP256PublicKey = (point: Uint8Array): KeyObject => {
  const uncompressed = ECDH.convertKey(
    point,
    'prime256v1',
    undefined,
    undefined,
    'uncompressed',
  ) as Buffer;
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: uncompressed.subarray(1, 33).toString('base64url'),
      y: uncompressed.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
};

/**
 * Decodes a Multikey `publicKeyMultibase` (Ed25519 `z6Mk…` or P-256 `zDn…`) into a public
 * KeyObject. Throws `ERR_KEY_INVALID` for a value that is not base58btc, has the wrong length, is
 * not a point on the curve, is a secret key or has no public-key multicodec header, and
 * `ERR_KEY_UNSUPPORTED` for other public-key types (secp256k1, P-384, …).
 * The value itself never appears in the error (it might be a secret key pasted by mistake).
 */
export const decodeMultikey = (value: string): KeyObject => {
  if (typeof value !== 'string') throw new TypeError('decodeMultikey: value must be a string');
  const bytes = decodeMultibaseBase58btc(value);
  if (bytes === undefined || bytes.length < 2) {
    throw invalidMultikey(
      'expected base58btc multibase text starting with "z"',
      '"z" で始まる base58btc のマルチベース文字列ではありません',
    );
  }
  if (hasMulticodecHeader(bytes, ED25519_PUB_HEADER)) {
    if (bytes.length !== 34) {
      throw invalidMultikey(
        `an Ed25519 public key has 32 bytes, got ${bytes.length - 2}`,
        `Ed25519 公開鍵は 32 バイトですが ${bytes.length - 2} バイトでした`,
      );
    }
    return createEd25519PublicKey(bytes.subarray(2));
  }
  if (hasMulticodecHeader(bytes, P256_PUB_HEADER)) {
    const point = bytes.subarray(2);
    if (point.length !== 33 || (point[0] !== 0x02 && point[0] !== 0x03)) {
      throw invalidMultikey(
        'a P-256 public key is a 33-byte compressed point',
        'P-256 公開鍵は 33 バイトの圧縮点でなければなりません',
      );
    }
    try {
      return createP256PublicKey(point);
    } catch (cause) {
      throw invalidMultikey(
        'the P-256 point is not on the curve',
        'P-256 の点が曲線上にありません',
        cause,
      );
    }
  }
  if (
    hasMulticodecHeader(bytes, ED25519_PRIV_HEADER) ||
    hasMulticodecHeader(bytes, P256_PRIV_HEADER)
  ) {
    throw invalidMultikey(
      'this is a secret key where a public key was expected; never publish it',
      '公開鍵が必要な場所に秘密鍵が指定されています。秘密鍵を公開しないでください',
    );
  }
  if (OTHER_PUBLIC_KEY_HEADERS.some((header) => hasMulticodecHeader(bytes, header))) {
    throw unsupportedKey('the Multikey uses a multicodec other than ed25519-pub or p256-pub');
  }
  throw invalidMultikey(
    'it does not start with a public-key multicodec',
    '公開鍵の multicodec で始まっていません',
  );
};
