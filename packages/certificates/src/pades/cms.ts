/**
 * The CAdES detached signature for PAdES baseline (ETSI EN 319 142-1 / EN 319 122-1): a CMS
 * SignedData over the byte-range digest with the signed attributes content-type, message-digest
 * and ESS signing-certificate-v2 (no signing-time: PAdES keeps the time in `/M`), signed by a
 * {@link DigestSigner} that only ever sees SHA-256 of the DER signed attributes, and optionally a
 * signature time-stamp token (RFC 3161 over the signature value) as an unsigned attribute.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { DigestSigner, TimestampAuthority } from '../signer.js';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export interface CadesSignature {
  /** The DER ContentInfo for `/Contents`. */
  readonly cms: Uint8Array;
  readonly signatureValue: Uint8Array;
  /** The signature time-stamp token, when a TSA was given. */
  readonly timestampToken?: Uint8Array;
}

const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();

const toBytes = (buffer: ArrayBuffer): Uint8Array => new Uint8Array(buffer);

/** Parses DER with asn1js, failing loudly. */
export function parseDer(der: Uint8Array, what: string): asn1js.AsnType {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw new Error(`${what}: invalid DER (${parsed.result.error})`);
  return parsed.result;
}

/** A parsed certificate that keeps its ASN.1 schema: pkijs re-parses the TBS on every toSchema. */
class CachedCertificate extends pkijs.Certificate {
  private schemaCache: asn1js.Sequence | undefined;
  override toSchema(): asn1js.Sequence {
    this.schemaCache ??= super.toSchema();
    return this.schemaCache;
  }
}

const parsedCertificates = new WeakMap<Uint8Array, pkijs.Certificate>();

/** Parses a certificate (cached per byte array, since a signer returns the same chain). */
export function certificate(der: Uint8Array): pkijs.Certificate {
  let cert = parsedCertificates.get(der);
  if (!cert) {
    cert = new CachedCertificate({ schema: parseDer(der, 'certificate') });
    parsedCertificates.set(der, cert);
  }
  return cert;
}

const sha256Algorithm = (): pkijs.AlgorithmIdentifier =>
  new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });

/** ESS SigningCertificateV2 (RFC 5035) naming the signer certificate by SHA-256 and issuer/serial. */
function signingCertificateV2(der: Uint8Array, cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({
        names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })],
      }).toSchema(),
      cert.serialNumber,
    ],
  });
  // hashAlgorithm is omitted: its DEFAULT is id-sha256.
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: sha256(der) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

const attribute = (type: string, value: asn1js.AsnType): pkijs.Attribute =>
  new pkijs.Attribute({ type, values: [value] });

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/** Builds the CAdES signature over `digest` (SHA-256 of the PDF byte ranges). */
export async function buildCadesSignature(
  digest: Uint8Array,
  signer: DigestSigner,
  tsa?: TimestampAuthority,
): Promise<CadesSignature> {
  const chain = await signer.certificates();
  const leafDer = chain[0];
  if (!leafDer) throw new Error('the signer returned no certificate');
  const leaf = certificate(leafDer);

  // DER orders SET OF by encoding: sort so that the bytes we hash are the ones a verifier
  // re-encodes.
  const attributes = [
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: digest })),
    attribute(OID.signingCertificateV2, signingCertificateV2(leafDer, leaf)),
  ]
    .map((a) => ({ a, der: toBytes(a.toSchema().toBER()) }))
    .sort((x, y) => compareBytes(x.der, y.der))
    .map((x) => x.a);
  const signedAttrsDer = toBytes(
    new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(),
  );
  const signatureValue = await signer.signDigest(sha256(signedAttrsDer));

  let timestampToken: Uint8Array | undefined;
  let unsignedAttrs: pkijs.SignedAndUnsignedAttributes | undefined;
  if (tsa) {
    timestampToken = await tsa.timestamp(sha256(signatureValue));
    unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [
        attribute(OID.signatureTimeStampToken, parseDer(timestampToken, 'timestamp token')),
      ],
    });
  }

  const signatureAlgorithm =
    signer.algorithm === 'rsa-pkcs1-sha256'
      ? new pkijs.AlgorithmIdentifier({
          algorithmId: OID.rsaEncryption,
          algorithmParams: new asn1js.Null(),
        })
      : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: leaf.issuer,
      serialNumber: leaf.serialNumber,
    }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: signatureValue }),
    ...(unsignedAttrs ? { unsignedAttrs } : {}),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: chain.map(certificate),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  const cms = toBytes(contentInfo.toSchema().toBER());
  return {
    cms,
    signatureValue,
    ...(timestampToken ? { timestampToken } : {}),
  };
}

/** The certificates carried in a CMS ContentInfo (e.g. a TSA's chain in its token), as DER. */
export function cmsCertificates(contentInfoDer: Uint8Array): Uint8Array[] {
  const contentInfo = new pkijs.ContentInfo({ schema: parseDer(contentInfoDer, 'CMS') });
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  return (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => toBytes(c.toSchema().toBER()));
}
