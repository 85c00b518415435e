/**
 * An independent check of a CMS SignedData (RFC 5652) as PAdES and RFC 3161 use it: parsed with
 * pkijs, the messageDigest compared with our own hash of the content, the signature over the
 * DER of the signed attributes verified with node:crypto (RSA PKCS#1 v1.5, ECDSA), and the ESS
 * signing-certificate(-v2) attribute matched against the signer certificate.
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  essV1: '1.2.840.113549.1.9.16.2.12',
  essV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;
export const CMS_OIDS = OID;

const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithms: the digest they imply (undefined = the SignerInfo's digestAlgorithm). */
const SIGNATURES: Readonly<Record<string, string | undefined>> = {
  '1.2.840.113549.1.1.1': undefined,
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.2.1': undefined,
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

export const digestName = (oid: string): string | undefined => DIGESTS[oid];

export const hashOf = (algorithm: string, chunks: readonly Uint8Array[]): Buffer => {
  const hash = createHash(algorithm);
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest();
};

export class CmsError extends Error {
  constructor(
    readonly code: 'ERR_CMS_MALFORMED' | 'ERR_CMS_UNSUPPORTED',
    reason: string,
  ) {
    super(reason);
  }
}

export interface ParsedCms {
  readonly signedData: pkijs.SignedData;
  readonly signerInfo: pkijs.SignerInfo;
  /** Every certificate in the CMS, as DER, with its parsed node:crypto form. */
  readonly certificates: readonly {
    der: Uint8Array;
    x509: X509Certificate;
    pkijs: pkijs.Certificate;
  }[];
}

/** Parses DER (trailing zero padding of a /Contents placeholder is ignored) into SignedData. */
export const parseCms = (der: Uint8Array): ParsedCms => {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1) throw new CmsError('ERR_CMS_MALFORMED', `not DER: ${asn1.result.error}`);
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== OID.signedData) {
      throw new CmsError(
        'ERR_CMS_MALFORMED',
        `content type ${contentInfo.contentType} is not SignedData`,
      );
    }
    signedData = new pkijs.SignedData({ schema: contentInfo.content as asn1js.Sequence });
  } catch (error) {
    if (error instanceof CmsError) throw error;
    throw new CmsError('ERR_CMS_MALFORMED', error instanceof Error ? error.message : String(error));
  }
  const [signerInfo, ...others] = signedData.signerInfos;
  if (signerInfo === undefined) throw new CmsError('ERR_CMS_MALFORMED', 'no SignerInfo');
  if (others.length > 0) throw new CmsError('ERR_CMS_UNSUPPORTED', 'more than one SignerInfo');
  const certificates = (signedData.certificates ?? [])
    .filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate)
    .map((certificate) => {
      const der = new Uint8Array(certificate.toSchema().toBER(false));
      return { der, x509: new X509Certificate(der), pkijs: certificate };
    });
  return { signedData, signerInfo, certificates };
};

export const attributeValues = (
  attributes: pkijs.SignedAndUnsignedAttributes | undefined,
  oid: string,
): unknown[] => attributes?.attributes.find((attribute) => attribute.type === oid)?.values ?? [];

const subjectKeyIdentifier = (certificate: pkijs.Certificate): Uint8Array | undefined => {
  const extension = certificate.extensions?.find((item) => item.extnID === '2.5.29.14');
  const parsed: unknown = extension?.parsedValue;
  return parsed instanceof asn1js.OctetString ? parsed.valueBlock.valueHexView : undefined;
};

/** The certificate the SignerInfo names (issuer + serial, or subject key identifier). */
export const findSignerCertificate = (parsed: ParsedCms) => {
  const sid: unknown = parsed.signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return parsed.certificates.find(
      (item) =>
        item.pkijs.issuer.isEqual(sid.issuer) && item.pkijs.serialNumber.isEqual(sid.serialNumber),
    );
  }
  if (sid instanceof asn1js.BaseBlock) {
    const wanted = Buffer.from(sid.valueBeforeDecodeView).subarray(2);
    return parsed.certificates.find((item) => {
      const ski = subjectKeyIdentifier(item.pkijs);
      return ski !== undefined && Buffer.from(ski).equals(wanted);
    });
  }
  return undefined;
};

export type EssResult =
  { kind: 'v2' | 'v1'; matches: boolean; reason?: string } | { kind: 'missing' };

/** Compares the first ESSCertID(v2) hash with the hash of the signer certificate's DER. */
export const checkEss = (signerInfo: pkijs.SignerInfo, signerDer: Uint8Array): EssResult => {
  for (const [oid, kind] of [
    [OID.essV2, 'v2'],
    [OID.essV1, 'v1'],
  ] as const) {
    const [value] = attributeValues(signerInfo.signedAttrs, oid);
    if (value === undefined) continue;
    const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
    const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
    if (!(first instanceof asn1js.Sequence)) {
      return { kind, matches: false, reason: 'the attribute is malformed' };
    }
    const [head, second] = first.valueBlock.value;
    let algorithm = kind === 'v2' ? 'sha256' : 'sha1';
    let certHash = head;
    if (kind === 'v2' && head instanceof asn1js.Sequence) {
      const identifier = new pkijs.AlgorithmIdentifier({ schema: head });
      const name = digestName(identifier.algorithmId);
      if (name === undefined)
        return { kind, matches: false, reason: `hash ${identifier.algorithmId}` };
      algorithm = name;
      certHash = second;
    }
    if (!(certHash instanceof asn1js.OctetString)) {
      return { kind, matches: false, reason: 'no certHash' };
    }
    const matches = Buffer.from(certHash.valueBlock.valueHexView).equals(
      hashOf(algorithm, [signerDer]),
    );
    return matches
      ? { kind, matches }
      : { kind, matches, reason: 'its certHash is not the hash of the signer certificate' };
  }
  return { kind: 'missing' };
};

export interface SignerInfoResult {
  readonly signer: ParsedCms['certificates'][number];
  /** The messageDigest matches our hash of the content. */
  readonly digestMatches: boolean;
  readonly signatureValid: boolean;
  readonly ess: EssResult;
  readonly digestAlgorithm: string;
}

/**
 * Checks the SignerInfo against the content (the PDF byte ranges, or a token's eContent).
 * Throws `CmsError` for what cannot be checked at all (unknown algorithm, no signer certificate).
 */
export const checkSignerInfo = (
  parsed: ParsedCms,
  content: readonly Uint8Array[],
): SignerInfoResult => {
  const { signerInfo } = parsed;
  const signer = findSignerCertificate(parsed);
  if (signer === undefined)
    throw new CmsError('ERR_CMS_MALFORMED', 'the signer certificate is not in the CMS');
  const digestOid = signerInfo.digestAlgorithm.algorithmId;
  const digestAlgorithm = digestName(digestOid);
  if (digestAlgorithm === undefined || digestAlgorithm === 'sha1') {
    throw new CmsError('ERR_CMS_UNSUPPORTED', `digest algorithm ${digestOid}`);
  }
  const signatureOid = signerInfo.signatureAlgorithm.algorithmId;
  if (!(signatureOid in SIGNATURES)) {
    throw new CmsError('ERR_CMS_UNSUPPORTED', `signature algorithm ${signatureOid}`);
  }
  const verifyHash = SIGNATURES[signatureOid] ?? digestAlgorithm;
  const signature = signerInfo.signature.valueBlock.valueHexView;
  const key = { key: signer.x509.publicKey, dsaEncoding: 'der' as const };
  const contentDigest = hashOf(digestAlgorithm, content);
  if (signerInfo.signedAttrs === undefined) {
    const data = Buffer.concat(content.map((chunk) => Buffer.from(chunk)));
    const signatureValid = safeVerify(verifyHash, data, key, signature);
    return {
      signer,
      digestMatches: signatureValid,
      signatureValid,
      ess: { kind: 'missing' },
      digestAlgorithm,
    };
  }
  const [messageDigest] = attributeValues(signerInfo.signedAttrs, OID.messageDigest);
  const digestMatches =
    messageDigest instanceof asn1js.OctetString &&
    Buffer.from(messageDigest.valueBlock.valueHexView).equals(contentDigest);
  const signedAttributes = new Uint8Array(signerInfo.signedAttrs.encodedValue);
  const signatureValid = safeVerify(verifyHash, signedAttributes, key, signature);
  return {
    signer,
    digestMatches,
    signatureValid,
    ess: checkEss(signerInfo, signer.der),
    digestAlgorithm,
  };
};

const safeVerify = (
  algorithm: string,
  data: Uint8Array,
  key: { key: import('node:crypto').KeyObject; dsaEncoding: 'der' },
  signature: Uint8Array,
): boolean => {
  try {
    return verifySignature(algorithm, data, key, signature);
  } catch {
    return false;
  }
};

/** A short display name: the CN (or O) of a certificate's subject or issuer. */
export const displayName = (distinguishedName: string): string => {
  const lines = distinguishedName.split('\n');
  const pick = (key: string) =>
    lines.find((line) => line.startsWith(`${key}=`))?.slice(key.length + 1);
  return pick('CN') ?? pick('O') ?? lines.join(', ');
};
