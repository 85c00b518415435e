/**
 * Reads a PKCS#12 (.p12/.pfx) file in-process: pkijs parses the structures, node:crypto checks
 * the password MAC and decrypts the bags (PBES2/AES as OpenSSL 3 writes by default, and the
 * legacy 3DES/RC2 schemes of `-legacy` and older exports). Returns the private key and the
 * certificate chain, leaf first (the certificate whose public key is the key's).
 */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  timingSafeEqual,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  AuthenticatedSafe,
  CertBag,
  ContentInfo,
  EncryptedData,
  PFX,
  PKCS8ShroudedKeyBag,
  PrivateKeyInfo,
  SafeContents,
} from 'pkijs';
import { CertificateError } from '../tsa/certificate-error.js';
import { pbeDecrypt, pkcs12Kdf, UnsupportedAlgorithm } from './pkcs12-crypto.js';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERT = '1.2.840.113549.1.9.22.1';
const MAC_HASH: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface Pkcs12Contents {
  readonly privateKey: KeyObject;
  /** DER certificates, leaf first, then its issuers in order, then any others. */
  readonly certificates: readonly Uint8Array[];
}

const malformed = (what: string, cause?: unknown): never => {
  throw new CertificateError(
    'ERR_P12_MALFORMED',
    {
      en: `The PKCS#12 file is malformed: ${what}.`,
      ja: `PKCS#12 ファイルの形式が不正です: ${what}`,
    },
    cause === undefined ? {} : { cause },
  );
};
const wrongPassword = (): never => {
  throw new CertificateError('ERR_P12_PASSWORD', {
    en: 'The PKCS#12 password is wrong (or the file is damaged).',
    ja: 'PKCS#12 のパスワードが違います（またはファイルが破損しています）。',
  });
};
const unsupported = (oid: string): never => {
  throw new CertificateError(
    'ERR_P12_UNSUPPORTED',
    {
      en: `The PKCS#12 file uses an unsupported algorithm (${oid}).`,
      ja: `PKCS#12 ファイルが未対応のアルゴリズム（${oid}）を使っています。`,
    },
    { details: { oid } },
  );
};

const parse = (bytes: Uint8Array, what: string): asn1js.AsnType => {
  const asn1 = asn1js.fromBER(bytes);
  return asn1.offset === -1 ? malformed(what) : asn1.result;
};

/** The bytes of an OCTET STRING, also implicitly tagged or constructed (BER). */
const octetsOf = (value: unknown, what: string): Uint8Array => {
  if (value instanceof asn1js.OctetString) return new Uint8Array(value.getValue());
  if (value instanceof asn1js.Primitive) return new Uint8Array(value.valueBlock.valueHexView);
  if (value instanceof asn1js.Constructed) {
    return Buffer.concat(value.valueBlock.value.map((part) => octetsOf(part, what)));
  }
  return malformed(what);
};

const checkMac = (pfx: PFX, content: Uint8Array, password: string): void => {
  const macData = pfx.macData;
  if (macData === undefined) return;
  const hash = MAC_HASH[macData.mac.digestAlgorithm.algorithmId];
  if (hash === undefined) return unsupported(macData.mac.digestAlgorithm.algorithmId);
  const salt = macData.macSalt.valueBlock.valueHexView;
  const expected = macData.mac.digest.valueBlock.valueHexView;
  const key = pkcs12Kdf(hash, password, salt, macData.iterations ?? 1, 3, expected.length);
  const actual = createHmac(hash, key).update(content).digest();
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) wrongPassword();
};

const decrypt = (...args: Parameters<typeof pbeDecrypt>): Uint8Array => {
  try {
    return pbeDecrypt(...args) ?? wrongPassword();
  } catch (error) {
    if (error instanceof UnsupportedAlgorithm) return unsupported(error.oid);
    throw error;
  }
};

const safeContentsOf = (info: ContentInfo, password: string): SafeContents => {
  let bytes: Uint8Array;
  if (info.contentType === DATA) {
    bytes = octetsOf(info.content, 'unreadable SafeContents');
  } else if (info.contentType === ENCRYPTED_DATA) {
    const encrypted = new EncryptedData({ schema: info.content as asn1js.AsnType });
    const { contentEncryptionAlgorithm, encryptedContent } = encrypted.encryptedContentInfo;
    const data = octetsOf(encryptedContent, 'no encrypted content');
    bytes = decrypt(contentEncryptionAlgorithm, password, data);
  } else {
    return unsupported(info.contentType);
  }
  return new SafeContents({ schema: parse(bytes, 'SafeContents is not DER') });
};

const publicDer = (key: KeyObject): Buffer =>
  (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });

/** Orders `certificates`: the key's certificate, then each issuer, then the rest. */
const orderChain = (key: KeyObject, certificates: readonly Uint8Array[]): Uint8Array[] => {
  const parsed = certificates.map((der) => ({ der, x509: new X509Certificate(Buffer.from(der)) }));
  const spki = publicDer(key);
  const leaf = parsed.find(({ x509 }) => publicDer(x509.publicKey).equals(spki));
  if (leaf === undefined) {
    throw new CertificateError('ERR_P12_NO_KEY', {
      en: 'The PKCS#12 file has no certificate for its private key.',
      ja: 'PKCS#12 ファイルに秘密鍵に対応する証明書がありません。',
    });
  }
  const chain = [leaf];
  for (let current = leaf; ;) {
    const issuer = parsed.find(
      (candidate) =>
        !chain.includes(candidate) &&
        current.x509.checkIssued(candidate.x509) &&
        current.x509.verify(candidate.x509.publicKey),
    );
    if (issuer === undefined) break;
    chain.push(issuer);
    current = issuer;
  }
  return [...chain, ...parsed.filter((entry) => !chain.includes(entry))].map(({ der }) => der);
};

/** Reads the key and certificates of a PKCS#12 file with `password`. */
export const readPkcs12 = (p12: Uint8Array, password: string): Pkcs12Contents => {
  let pfx: PFX;
  let authSafe: AuthenticatedSafe;
  let content: Uint8Array;
  try {
    pfx = new PFX({ schema: parse(p12, 'not DER') });
    if (pfx.authSafe.contentType !== DATA) return unsupported(pfx.authSafe.contentType);
    content = octetsOf(pfx.authSafe.content, 'no authenticated safe');
    authSafe = new AuthenticatedSafe({ schema: parse(content, 'authenticated safe is not DER') });
  } catch (error) {
    if (error instanceof CertificateError) throw error;
    return malformed('not a PKCS#12 file', error);
  }
  checkMac(pfx, content, password);
  const keys: KeyObject[] = [];
  const certificates: Uint8Array[] = [];
  for (const info of authSafe.safeContents) {
    for (const bag of safeContentsOf(info, password).safeBags) {
      if (bag.bagId === SHROUDED_KEY_BAG) {
        const shrouded = bag.bagValue as PKCS8ShroudedKeyBag;
        const plain = decrypt(
          shrouded.encryptionAlgorithm,
          password,
          shrouded.encryptedData.valueBlock.valueHexView,
        );
        keys.push(createPrivateKey({ key: Buffer.from(plain), format: 'der', type: 'pkcs8' }));
      } else if (bag.bagId === KEY_BAG) {
        const der = (bag.bagValue as PrivateKeyInfo).toSchema().toBER(false);
        keys.push(createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }));
      } else if (bag.bagId === CERT_BAG) {
        const certBag = bag.bagValue as CertBag;
        if (certBag.certId !== X509_CERT) continue;
        certificates.push(octetsOf(certBag.certValue, 'unreadable certificate bag'));
      }
    }
  }
  const [privateKey, ...more] = keys;
  if (privateKey === undefined || more.length > 0) {
    throw new CertificateError('ERR_P12_NO_KEY', {
      en: `The PKCS#12 file must hold exactly one private key (found ${keys.length}).`,
      ja: `PKCS#12 ファイルには秘密鍵がちょうど1つ必要です（${keys.length}個）。`,
    });
  }
  return { privateKey, certificates: orderChain(privateKey, certificates) };
};
