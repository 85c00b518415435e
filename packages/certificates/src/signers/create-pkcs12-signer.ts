/**
 * The local signer: a PKCS#12 key read once and used for any number of documents. RSA
 * (2048 bits or more) signs with PKCS#1 v1.5 over the given SHA-256 digest (`privateEncrypt` of
 * the DigestInfo), ECDSA P-256 with `signP256Digest`; both about 1 ms a signature.
 */
import { constants, privateEncrypt, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, DigestInfo } from 'pkijs';
import type { DigestSigner, SignatureAlgorithm } from '../signer.js';
import { CertificateError } from '../tsa/certificate-error.js';
import { bigIntOf, signP256Digest } from './ecdsa-p256.js';
import { readPkcs12 } from './read-pkcs12.js';

const SHA256 = '2.16.840.1.101.3.4.2.1';

/** The DER DigestInfo for a SHA-256 digest (what PKCS#1 v1.5 signs). */
export const sha256DigestInfo = (digest: Uint8Array): Uint8Array =>
  new Uint8Array(
    new DigestInfo({
      digestAlgorithm: new AlgorithmIdentifier({
        algorithmId: SHA256,
        algorithmParams: new asn1js.Null(),
      }),
      digest: new asn1js.OctetString({ valueHex: digest }),
    })
      .toSchema()
      .toBER(false),
  );

const checkDigest = (digest: Uint8Array): void => {
  if (digest.length !== 32) throw new TypeError('signDigest() takes a 32-byte SHA-256 digest');
};

/** Runs `compute` so that a throw becomes a rejection. */
const settle = <T>(compute: () => T): Promise<T> =>
  new Promise((resolve) => {
    resolve(compute());
  });

/** The signature algorithm for `key`, or a `CertificateError` for another key type. */
export const algorithmOfKey = (key: KeyObject): SignatureAlgorithm => {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa' && (details?.modulusLength ?? 0) >= 2048) {
    return 'rsa-pkcs1-sha256';
  }
  if (key.asymmetricKeyType === 'ec' && details?.namedCurve === 'prime256v1') {
    return 'ecdsa-p256-sha256';
  }
  const described = `${key.asymmetricKeyType ?? 'unknown'} ${String(details?.modulusLength ?? details?.namedCurve ?? '')}`;
  throw new CertificateError(
    'ERR_SIGNER_KEY_UNSUPPORTED',
    {
      en: `Unsupported signing key (${described}): use RSA 2048 bits or more, or ECDSA P-256.`,
      ja: `未対応の署名鍵です（${described}）。RSA 2048 ビット以上または ECDSA P-256 を使ってください。`,
    },
    { details: { keyType: key.asymmetricKeyType } },
  );
};

/** A digest signer for a private key and its chain (leaf first). */
export const createKeySigner = (
  privateKey: KeyObject,
  certificates: readonly Uint8Array[],
): DigestSigner => {
  const algorithm = algorithmOfKey(privateKey);
  const chain = Object.freeze([...certificates]);
  const certificatesOf = (): Promise<readonly Uint8Array[]> => Promise.resolve(chain);
  if (algorithm === 'rsa-pkcs1-sha256') {
    return {
      algorithm,
      certificates: certificatesOf,
      signDigest: (sha256) =>
        settle(() => {
          checkDigest(sha256);
          const signature = privateEncrypt(
            { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
            sha256DigestInfo(sha256),
          );
          return new Uint8Array(signature);
        }),
    };
  }
  const { d } = privateKey.export({ format: 'jwk' });
  const scalar = bigIntOf(Buffer.from(d ?? '', 'base64url'));
  return {
    algorithm,
    certificates: certificatesOf,
    signDigest: (sha256) =>
      settle(() => {
        checkDigest(sha256);
        return signP256Digest(scalar, sha256);
      }),
  };
};

/** Reads `p12Bytes` once; the signer is reusable for many documents. */
export const createPkcs12Signer = (p12Bytes: Uint8Array, password: string): DigestSigner => {
  const { privateKey, certificates } = readPkcs12(p12Bytes, password);
  return createKeySigner(privateKey, certificates);
};
