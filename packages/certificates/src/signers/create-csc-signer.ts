/**
 * The remote signer: a credential of a Cloud Signature Consortium API v2 service. Creating it
 * calls `credentials/info` once (the certificate chain, which fixes the algorithm); each
 * `signDigest` calls `signatures/signHash` with just the 32-byte hash — the document never
 * leaves the platform — after `credentials/authorize` when the credential wants explicit
 * authorization (a PIN) and no SAD provider is given. Each returned signature is checked
 * against the certificate before use; ECDSA answers in raw r‖s are re-encoded as DER.
 */
import { constants, publicDecrypt, X509Certificate, type KeyObject } from 'node:crypto';
import type { DigestSigner, SignatureAlgorithm } from '../signer.js';
import { CertificateError } from '../tsa/certificate-error.js';
import { DEFAULT_TIMEOUT_MS, type HttpPost } from '../tsa/http-post.js';
import { callCsc, cscMalformed, type CscCall } from './csc-client.js';
import { algorithmOfKey, sha256DigestInfo } from './create-pkcs12-signer.js';
import {
  bigIntOf,
  decodeEcdsaSignature,
  encodeEcdsaSignature,
  verifyP256Digest,
} from './ecdsa-p256.js';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const SIGN_ALGO: Readonly<Record<SignatureAlgorithm, string>> = {
  'rsa-pkcs1-sha256': '1.2.840.113549.1.1.1',
  'ecdsa-p256-sha256': '1.2.840.10045.4.3.2',
};
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface CscSignerOptions {
  /** The service's base URL; calls go to `{baseUrl}/csc/v2/...`. */
  readonly baseUrl: string;
  readonly credentialID: string;
  /** A service access token, or a function returning a fresh one for each call. */
  readonly accessToken: string | (() => string | Promise<string>);
  readonly post: HttpPost;
  /** Provides the Signature Activation Data for one hash (overrides `pin`). */
  readonly sad?: (sha256: Uint8Array) => string | Promise<string>;
  /** The PIN for `credentials/authorize` when the credential's auth mode is explicit. */
  readonly pin?: string;
  /** The deadline of each call (default 10 s). */
  readonly timeoutMs?: number;
}

const decodeBase64 = (value: unknown, what: string, url: string): Uint8Array => {
  if (typeof value !== 'string' || !BASE64.test(value.replace(/\s+/g, ''))) {
    throw cscMalformed(`${what} is not base64`, url);
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
};

const objectAt = (value: unknown, key: string): Record<string, unknown> | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const inner = (value as Record<string, unknown>)[key];
  return typeof inner === 'object' && inner !== null
    ? (inner as Record<string, unknown>)
    : undefined;
};

const invalidSignature = (why: string): CertificateError =>
  new CertificateError(
    'ERR_CSC_SIGNATURE_INVALID',
    {
      en: `The signing service returned a signature that does not verify: ${why}.`,
      ja: `署名サービスが返した署名を検証できません: ${why}`,
    },
    { details: { reason: why } },
  );

/** The DER signature to embed, after checking `signature` over `digest` with `key`. */
const checkedSignature = (
  algorithm: SignatureAlgorithm,
  key: KeyObject,
  digest: Uint8Array,
  signature: Uint8Array,
): Uint8Array => {
  if (algorithm === 'rsa-pkcs1-sha256') {
    let recovered: Buffer;
    try {
      recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    } catch {
      throw invalidSignature('not an RSA signature for this key');
    }
    if (!recovered.equals(Buffer.from(sha256DigestInfo(digest)))) {
      throw invalidSignature('the RSA signature is not over this hash');
    }
    return signature;
  }
  const parsed = decodeEcdsaSignature(signature);
  const jwk = key.export({ format: 'jwk' });
  const point = {
    x: bigIntOf(Buffer.from(jwk.x ?? '', 'base64url')),
    y: bigIntOf(Buffer.from(jwk.y ?? '', 'base64url')),
  };
  if (parsed === undefined || !verifyP256Digest(point, digest, parsed)) {
    throw invalidSignature('the ECDSA signature is not over this hash');
  }
  return encodeEcdsaSignature(parsed.r, parsed.s);
};

/** Reads the credential once and returns a signer for it. */
export const createCscSigner = async (options: CscSignerOptions): Promise<DigestSigner> => {
  const call: CscCall = {
    baseUrl: options.baseUrl,
    post: options.post,
    accessToken: options.accessToken,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const { credentialID } = options;
  const infoUrl = 'credentials/info';
  const info = await callCsc(call, infoUrl, {
    credentialID,
    certificates: 'chain',
    certInfo: true,
    authInfo: true,
  });
  const encoded = objectAt(info, 'cert')?.certificates;
  if (!Array.isArray(encoded) || encoded.length === 0) {
    throw cscMalformed('no certificates for the credential', infoUrl);
  }
  const chain = Object.freeze(
    encoded.map((value) => decodeBase64(value, 'a certificate', infoUrl)),
  );
  let leafKey: KeyObject;
  try {
    leafKey = new X509Certificate(Buffer.from(chain[0] ?? new Uint8Array())).publicKey;
  } catch {
    throw cscMalformed('the signing certificate does not parse', infoUrl);
  }
  const algorithm = algorithmOfKey(leafKey);
  const authMode = objectAt(info, 'auth')?.mode;
  const explicit = authMode === 'explicit';

  const sadFor = async (hash: string, sha256: Uint8Array): Promise<string | undefined> => {
    if (options.sad !== undefined) return options.sad(sha256);
    if (!explicit) return undefined;
    if (options.pin === undefined) {
      throw new CertificateError('ERR_CSC_AUTH_REQUIRED', {
        en: 'The signing credential needs explicit authorization (a PIN or SAD) and none was configured.',
        ja: '署名鍵の利用には明示的な認可（PIN または SAD）が必要ですが、設定されていません。',
      });
    }
    const authorized = await callCsc(call, 'credentials/authorize', {
      credentialID,
      numSignatures: 1,
      hashes: [hash],
      hashAlgorithmOID: SHA256,
      authData: [{ id: 'PIN', value: options.pin }],
    });
    if (typeof authorized.SAD !== 'string') {
      throw cscMalformed('no SAD', 'credentials/authorize');
    }
    return authorized.SAD;
  };

  const signDigest = async (sha256: Uint8Array): Promise<Uint8Array> => {
    if (sha256.length !== 32) throw new TypeError('signDigest() takes a 32-byte SHA-256 digest');
    const hash = Buffer.from(sha256).toString('base64');
    const sad = await sadFor(hash, sha256);
    const answer = await callCsc(call, 'signatures/signHash', {
      credentialID,
      ...(sad === undefined ? {} : { SAD: sad }),
      hashes: [hash],
      hashAlgorithmOID: SHA256,
      signAlgo: SIGN_ALGO[algorithm],
      operationMode: 'S',
    });
    const { signatures } = answer;
    if (!Array.isArray(signatures) || signatures.length !== 1) {
      throw cscMalformed('expected exactly one signature', 'signatures/signHash');
    }
    const signature = decodeBase64(signatures[0], 'the signature', 'signatures/signHash');
    return checkedSignature(algorithm, leafKey, sha256, signature);
  };

  return { algorithm, certificates: () => Promise.resolve(chain), signDigest };
};
