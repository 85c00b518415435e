/**
 * Checks one CMS SignerInfo with node:crypto (pkijs only parses): the signer certificate is
 * found by issuer-and-serial or subject key identifier, the content-type and message-digest
 * signed attributes match the content, and the signature over the DER of the signed attributes
 * verifies (RSA PKCS#1 v1.5, RSASSA-PSS, ECDSA). Also reads the ESS signing-certificate(-v2)
 * attribute, which binds the signer certificate into the signature.
 */
import { createHash, createPublicKey, verify, constants, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  IssuerAndSerialNumber,
  RSASSAPSSParams,
  type Attribute,
  type Certificate,
  type SignerInfo,
} from 'pkijs';

const HASH_BY_OID: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const RSA_WITH: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ECDSA_WITH: Readonly<Record<string, string>> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSA_PSS = '1.2.840.113549.1.1.10';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const ATTR_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const ATTR_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const ATTR_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
const ATTR_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';

export const hashNameOf = (oid: string): string | undefined => HASH_BY_OID[oid];

export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

/** The DER a parsed object came from (pkijs rebuilds a certificate's DER slowly on each use). */
const sourceDer = new WeakMap<object, Uint8Array>();

/** Records that `value` was parsed from `der`, so `derOf` need not re-encode it. */
export const rememberDer = (value: object, der: Uint8Array): void => {
  sourceDer.set(value, der);
};

export const derOf = (value: { toSchema: () => asn1js.AsnType }): Uint8Array =>
  sourceDer.get(value) ?? new Uint8Array(value.toSchema().toBER(false));

/** Public keys of recently seen certificates (a TSA signs every token with the same one). */
const recentKeys = new Map<string, KeyObject>();
const RECENT_KEYS = 32;

const publicKeyOf = (certificate: Certificate): KeyObject => {
  const known = sourceDer.get(certificate);
  const id = known === undefined ? undefined : Buffer.from(known).toString('base64');
  const cached = id === undefined ? undefined : recentKeys.get(id);
  if (cached !== undefined) return cached;
  const key = createPublicKey({
    key: Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER(false)),
    format: 'der',
    type: 'spki',
  });
  if (id !== undefined) {
    if (recentKeys.size >= RECENT_KEYS) recentKeys.delete(recentKeys.keys().next().value ?? '');
    recentKeys.set(id, key);
  }
  return key;
};

/** The certificate named by the SignerInfo's `sid`, among `certificates`. */
export const findSignerCertificate = (
  signerInfo: SignerInfo,
  certificates: readonly Certificate[],
): Certificate | undefined => {
  const sid: unknown = signerInfo.sid;
  if (sid instanceof IssuerAndSerialNumber) {
    return certificates.find(
      (certificate) =>
        certificate.issuer.isEqual(sid.issuer) &&
        certificate.serialNumber.isEqual(sid.serialNumber),
    );
  }
  if (!(sid instanceof asn1js.BaseBlock)) return undefined;
  const keyId = sid.valueBeforeDecodeView;
  return certificates.find((certificate) => {
    const extension = certificate.extensions?.find(
      (candidate) => candidate.extnID === SUBJECT_KEY_IDENTIFIER,
    );
    const ski = extension?.parsedValue as asn1js.OctetString | undefined;
    if (ski === undefined) return false;
    // The [0] IMPLICIT tag replaces the OCTET STRING tag: compare the contents only.
    return bytesEqual(
      keyId.subarray(keyId.length - ski.valueBlock.valueHexView.length),
      ski.valueBlock.valueHexView,
    );
  });
};

const attributeOf = (signerInfo: SignerInfo, type: string): Attribute | undefined =>
  signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === type);

const verifyOptionsOf = (
  signerInfo: SignerInfo,
  key: KeyObject,
): { hash: string; padding?: number; saltLength?: number } | undefined => {
  const algorithm = signerInfo.signatureAlgorithm.algorithmId;
  const digestHash = hashNameOf(signerInfo.digestAlgorithm.algorithmId);
  if (algorithm === RSA_ENCRYPTION || algorithm === EC_PUBLIC_KEY) {
    return digestHash === undefined ? undefined : { hash: digestHash };
  }
  const rsaHash = RSA_WITH[algorithm] ?? ECDSA_WITH[algorithm];
  if (rsaHash !== undefined) return { hash: rsaHash };
  if (algorithm === RSA_PSS && key.asymmetricKeyType !== 'ec') {
    const params = new RSASSAPSSParams({
      schema: signerInfo.signatureAlgorithm.algorithmParams as asn1js.AsnType,
    });
    const hash = hashNameOf(params.hashAlgorithm.algorithmId);
    if (hash === undefined) return undefined;
    return { hash, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength };
  }
  return undefined;
};

export type SignerCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Verifies the signed attributes and the signature of `signerInfo` over `content`. */
export const checkSignerInfo = (
  signerInfo: SignerInfo,
  certificate: Certificate,
  content: Uint8Array,
  contentType: string,
): SignerCheck => {
  const signedAttrs = signerInfo.signedAttrs;
  if (signedAttrs === undefined) return { ok: false, reason: 'no signed attributes' };
  const typeValue: unknown = attributeOf(signerInfo, ATTR_CONTENT_TYPE)?.values[0];
  if (!(typeValue instanceof asn1js.ObjectIdentifier) || typeValue.getValue() !== contentType) {
    return { ok: false, reason: 'content-type attribute does not match' };
  }
  const hash = hashNameOf(signerInfo.digestAlgorithm.algorithmId);
  if (hash === undefined) return { ok: false, reason: 'unsupported digest algorithm' };
  const digestValue: unknown = attributeOf(signerInfo, ATTR_MESSAGE_DIGEST)?.values[0];
  const expected = createHash(hash).update(content).digest();
  if (
    !(digestValue instanceof asn1js.OctetString) ||
    !bytesEqual(digestValue.valueBlock.valueHexView, expected)
  ) {
    return { ok: false, reason: 'message-digest attribute does not match the content' };
  }
  const key = publicKeyOf(certificate);
  const options = verifyOptionsOf(signerInfo, key);
  if (options === undefined) return { ok: false, reason: 'unsupported signature algorithm' };
  const { hash: signatureHash, ...padding } = options;
  const valid = verify(
    signatureHash,
    new Uint8Array(signedAttrs.encodedValue),
    { key, ...padding },
    signerInfo.signature.valueBlock.valueHexView,
  );
  return valid ? { ok: true } : { ok: false, reason: 'the signature does not verify' };
};

/**
 * Whether the ESS signing-certificate-v2 (or v1) attribute names `certificate` first. Undefined
 * when the SignerInfo carries neither attribute.
 */
export const essCertificateMatches = (
  signerInfo: SignerInfo,
  certificate: Certificate,
): boolean | undefined => {
  const der = derOf(certificate);
  const v2: unknown = attributeOf(signerInfo, ATTR_SIGNING_CERTIFICATE_V2)?.values[0];
  const v1: unknown = attributeOf(signerInfo, ATTR_SIGNING_CERTIFICATE)?.values[0];
  const value: unknown = v2 ?? v1;
  if (!(value instanceof asn1js.Sequence)) return undefined;
  const certs = value.valueBlock.value[0];
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return false;
  const [head, next] = first.valueBlock.value;
  let hash = v2 === undefined ? 'sha1' : 'sha256';
  let certHash = head;
  if (v2 !== undefined && head instanceof asn1js.Sequence) {
    const oid = head.valueBlock.value[0];
    const named = oid instanceof asn1js.ObjectIdentifier ? hashNameOf(oid.getValue()) : undefined;
    if (named === undefined) return false;
    hash = named;
    certHash = next;
  }
  if (!(certHash instanceof asn1js.OctetString)) return false;
  return bytesEqual(certHash.valueBlock.valueHexView, createHash(hash).update(der).digest());
};
