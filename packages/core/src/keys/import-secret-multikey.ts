import { createECDH, createPrivateKey, type KeyObject } from 'node:crypto';
import { AkashiError } from '../errors/akashi-error.js';
import {
  decodeMultibaseBase58btc,
  ED25519_PRIV_HEADER,
  ED25519_PUB_HEADER,
  encodeMultikey,
  hasMulticodecHeader,
  P256_PRIV_HEADER,
  P256_PUB_HEADER,
} from './multikey.js';
import { createSigningKey, type SigningKey } from './signing-key.js';

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface ImportSecretMultikeyOptions {
  /** Key id; defaults to the public Multikey (`z6Mk…` / `zDn…`). */
  readonly kid?: string;
}

const invalid = (en: string, ja: string, cause?: unknown): AkashiError =>
  new AkashiError(
    'ERR_KEY_INVALID',
    { en: `Invalid secret Multikey: ${en}.`, ja: `秘密鍵の Multikey が不正です: ${ja}。` },
    cause === undefined ? {} : { cause },
  );

const importEd25519Secret = (body: Uint8Array): KeyObject => {
  // 32 bytes: the seed (W3C keyPair.json). 64 bytes: seed ‖ public key (the OB 3.0 vector).
  if (body.length !== 32 && body.length !== 64) {
    throw invalid(
      `an Ed25519 secret key has 32 (seed) or 64 (seed and public key) bytes, got ${body.length}`,
      `Ed25519 秘密鍵は 32 バイト（シード）または 64 バイト（シードと公開鍵）ですが ${body.length} バイトでした`,
    );
  }
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, body.subarray(0, 32)]),
    format: 'der',
    type: 'pkcs8',
  });
  if (body.length === 64) {
    const derived = privateKey.export({ format: 'jwk' }).x;
    if (derived !== Buffer.from(body.subarray(32)).toString('base64url')) {
      throw invalid(
        'its public half does not match the seed',
        '含まれる公開鍵がシードと一致しません',
      );
    }
  }
  return privateKey;
};

const importP256Secret = (body: Uint8Array): KeyObject => {
  if (body.length !== 32) {
    throw invalid(
      `a P-256 secret key has 32 bytes, got ${body.length}`,
      `P-256 秘密鍵は 32 バイトですが ${body.length} バイトでした`,
    );
  }
  const ecdh = createECDH('prime256v1');
  try {
    ecdh.setPrivateKey(body);
  } catch (cause) {
    throw invalid('the scalar is out of range', 'スカラー値が範囲外です', cause);
  }
  const point = ecdh.getPublicKey();
  return createPrivateKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
      d: Buffer.from(body).toString('base64url'),
    },
    format: 'jwk',
  });
};

/**
 * Imports a secret Multikey as a SigningKey: Ed25519 `0x8026` + 32-byte seed (W3C
 * `privateKeyMultibase`) or + seed ‖ public key (OB 3.0 vector `secretKeyMultibase`), or P-256
 * `0x8626` + 32-byte scalar. Throws `ERR_KEY_INVALID` (bad text, length or mismatched halves),
 * `ERR_KEY_NOT_PRIVATE` (a public Multikey) or `ERR_KEY_UNSUPPORTED` (another multicodec).
 * The value never appears in an error.
 */
export const importSecretMultikey = (
  value: string,
  options: ImportSecretMultikeyOptions = {},
): SigningKey => {
  if (typeof value !== 'string')
    throw new TypeError('importSecretMultikey: value must be a string');
  const bytes = decodeMultibaseBase58btc(value);
  if (bytes === undefined || bytes.length < 2) {
    throw invalid(
      'expected base58btc multibase text starting with "z"',
      '"z" で始まる base58btc のマルチベース文字列ではありません',
    );
  }
  let privateKey: KeyObject;
  if (hasMulticodecHeader(bytes, ED25519_PRIV_HEADER)) {
    privateKey = importEd25519Secret(bytes.subarray(2));
  } else if (hasMulticodecHeader(bytes, P256_PRIV_HEADER)) {
    privateKey = importP256Secret(bytes.subarray(2));
  } else if (
    hasMulticodecHeader(bytes, ED25519_PUB_HEADER) ||
    hasMulticodecHeader(bytes, P256_PUB_HEADER)
  ) {
    throw new AkashiError('ERR_KEY_NOT_PRIVATE', {
      en: 'This Multikey is a public key; a secret key (ed25519-priv or p256-priv) is needed to sign.',
      ja: 'この Multikey は公開鍵です。署名には秘密鍵（ed25519-priv または p256-priv）が必要です。',
    });
  } else {
    throw new AkashiError('ERR_KEY_UNSUPPORTED', {
      en: 'Unsupported secret Multikey: only ed25519-priv (0x1300) and p256-priv (0x1306) are read.',
      ja: '対応していない秘密鍵の Multikey です。読み込めるのは ed25519-priv (0x1300) と p256-priv (0x1306) だけです。',
    });
  }
  return createSigningKey(privateKey, {
    kid: options.kid ?? encodeMultikey(privateKey),
  });
};
