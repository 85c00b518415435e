/**
 * Verifies an RFC 3161 TimeStampToken (a CMS ContentInfo, DER) for a SHA-256 digest: the
 * TSTInfo's message imprint is that digest (and, when given, its nonce and policy are the
 * expected ones), the CMS signature verifies with node:crypto, the ESS signing-certificate
 * attribute names the TSA certificate, that certificate is for time-stamping only (extended key
 * usage id-kp-timeStamping, critical), and, when `trust` is given, it chains to a trust anchor at
 * the token's time. Used by the TSA client on every reply and by the PDF verifier.
 */
import * as asn1js from 'asn1js';
import { Certificate, EncapsulatedContentInfo, ExtKeyUsage, SignerInfo, TSTInfo } from 'pkijs';
import { CertificateError, type LocalizedMessage } from './certificate-error.js';
import { checkChain } from './check-chain.js';
import {
  bytesEqual,
  checkSignerInfo,
  derOf,
  essCertificateMatches,
  findSignerCertificate,
  rememberDer,
} from './cms-signer.js';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const SHA256 = '2.16.840.1.101.3.4.2.1';
const EXT_KEY_USAGE = '2.5.29.37';
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

export interface VerifyTimestampOptions {
  /** DER trust anchors for the TSA certificate; without them the chain is not checked. */
  readonly trust?: readonly Uint8Array[];
  /** The nonce sent in the request; checked when given. */
  readonly nonce?: bigint;
  /** The policy OID asked for; checked when given. */
  readonly policy?: string;
  /** When the chain must be valid (default: the token's genTime). */
  readonly at?: Date;
}

export interface TimestampTokenInfo {
  readonly genTime: Date;
  readonly policy: string;
  readonly serialNumber: bigint;
  readonly nonce: bigint | undefined;
  /** The TSA's certificate, DER. */
  readonly tsaCertificate: Uint8Array;
  /** Every certificate the token carries, DER. */
  readonly certificates: readonly Uint8Array[];
}

const fail = (
  code: ConstructorParameters<typeof CertificateError>[0],
  message: LocalizedMessage,
  details?: Record<string, unknown>,
): never => {
  throw new CertificateError(code, message, details === undefined ? {} : { details });
};

const malformed = (what: string): never =>
  fail('ERR_TSA_MALFORMED', {
    en: `The time-stamp token is malformed: ${what}.`,
    ja: `タイムスタンプトークンの形式が不正です: ${what}`,
  });

/** What verification reads from a token's SignedData. */
interface TokenParts {
  readonly encapContentInfo: EncapsulatedContentInfo;
  readonly certificates: readonly Certificate[];
  readonly signerInfos: readonly SignerInfo[];
}

const isContextTag = (block: asn1js.AsnType | undefined, tag: number): boolean =>
  block !== undefined && block.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag;

/** Recently parsed certificates by DER: a TSA puts the same one in every token. */
const recentCertificates = new Map<string, Certificate>();
const RECENT_CERTIFICATES = 32;

const certificateOf = (block: asn1js.Sequence): Certificate => {
  const der = new Uint8Array(block.valueBeforeDecodeView);
  const id = Buffer.from(der).toString('base64');
  const known = recentCertificates.get(id);
  if (known !== undefined) return known;
  const certificate = new Certificate({ schema: block });
  rememberDer(certificate, der);
  if (recentCertificates.size >= RECENT_CERTIFICATES) {
    recentCertificates.delete(recentCertificates.keys().next().value ?? '');
  }
  recentCertificates.set(id, certificate);
  return certificate;
};

/**
 * Reads the ContentInfo → SignedData (RFC 5652 §5.1) by position with asn1js and hands only the
 * encapsulated content, the certificates and the SignerInfos to pkijs: matching the whole
 * SignedData against pkijs' schema costs several times the rest of the verification, on every
 * time-stamp. Each certificate keeps the DER it came in (`rememberDer`), for hashing.
 */
const parseSignedData = (token: Uint8Array): TokenParts => {
  const asn1 = asn1js.fromBER(token);
  if (asn1.offset === -1) return malformed('not DER');
  try {
    const [type, wrapped] =
      asn1.result instanceof asn1js.Sequence ? asn1.result.valueBlock.value : [];
    if (!(type instanceof asn1js.ObjectIdentifier) || type.getValue() !== SIGNED_DATA) {
      return malformed('not a CMS SignedData');
    }
    const signedData = isContextTag(wrapped, 0)
      ? (wrapped as asn1js.Constructed).valueBlock.value[0]
      : undefined;
    if (!(signedData instanceof asn1js.Sequence)) return malformed('not a CMS SignedData');
    const fields = signedData.valueBlock.value;
    const encap = fields[2];
    const last = fields.at(-1);
    if (!(encap instanceof asn1js.Sequence) || !(last instanceof asn1js.Set)) {
      return malformed('unreadable CMS');
    }
    const certificateSet = fields.slice(3, -1).find((field) => isContextTag(field, 0));
    const certificates = (
      (certificateSet as asn1js.Constructed | undefined)?.valueBlock.value ?? []
    )
      .filter((block) => block instanceof asn1js.Sequence)
      .map((block) => certificateOf(block));
    return {
      encapContentInfo: new EncapsulatedContentInfo({ schema: encap }),
      certificates,
      signerInfos: last.valueBlock.value.map((block) => new SignerInfo({ schema: block })),
    };
  } catch (error) {
    return malformed(error instanceof Error ? error.message : 'unreadable CMS');
  }
};

const parseTstInfo = (signedData: TokenParts): { tstInfo: TSTInfo; content: Uint8Array } => {
  const { eContentType, eContent } = signedData.encapContentInfo;
  if (eContentType !== TST_INFO || eContent === undefined) return malformed('no TSTInfo');
  const content = new Uint8Array(eContent.getValue());
  const asn1 = asn1js.fromBER(content);
  if (asn1.offset === -1) return malformed('the TSTInfo is not DER');
  try {
    return { tstInfo: new TSTInfo({ schema: asn1.result }), content };
  } catch {
    return malformed('unreadable TSTInfo');
  }
};

/** RFC 3161 §2.3: the TSA certificate has one critical EKU extension, timeStamping only. */
const isTimeStampingOnly = (certificate: Certificate): boolean => {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === EXT_KEY_USAGE);
  if (extension?.critical !== true) return false;
  const usage = extension.parsedValue as ExtKeyUsage | undefined;
  return usage instanceof ExtKeyUsage && usage.keyPurposes.join() === TIME_STAMPING;
};

/** Verifies `token` for `digest` (32 bytes); throws a `CertificateError` on any failure. */
export const verifyTimestampToken = (
  token: Uint8Array,
  digest: Uint8Array,
  options: VerifyTimestampOptions = {},
): TimestampTokenInfo => {
  const signedData = parseSignedData(token);
  const { tstInfo, content } = parseTstInfo(signedData);
  const imprint = tstInfo.messageImprint;
  if (
    imprint.hashAlgorithm.algorithmId !== SHA256 ||
    !bytesEqual(imprint.hashedMessage.valueBlock.valueHexView, digest)
  ) {
    fail('ERR_TSA_IMPRINT_MISMATCH', {
      en: 'The time-stamp is not for this digest (message imprint mismatch).',
      ja: 'タイムスタンプが対象のハッシュ値と一致しません（message imprint 不一致）。',
    });
  }
  const nonce = tstInfo.nonce?.toBigInt();
  if (options.nonce !== undefined && nonce !== options.nonce) {
    fail('ERR_TSA_NONCE_MISMATCH', {
      en: 'The time-stamp reply does not carry the nonce of the request (a replayed reply?).',
      ja: 'タイムスタンプ応答のナンスが要求と一致しません（応答の再送の可能性）。',
    });
  }
  if (options.policy !== undefined && tstInfo.policy !== options.policy) {
    fail(
      'ERR_TSA_POLICY_MISMATCH',
      {
        en: `The time-stamp was issued under policy ${tstInfo.policy}, not ${options.policy}.`,
        ja: `タイムスタンプのポリシー ${tstInfo.policy} が要求した ${options.policy} と異なります。`,
      },
      { policy: tstInfo.policy },
    );
  }
  const { certificates } = signedData;
  const [signerInfo, ...others] = signedData.signerInfos;
  if (signerInfo === undefined || others.length > 0) {
    return malformed('a time-stamp token has exactly one signer');
  }
  const tsaCertificate = findSignerCertificate(signerInfo, certificates);
  if (tsaCertificate === undefined) {
    return fail('ERR_TSA_CERTIFICATE_MISSING', {
      en: 'The time-stamp token does not include the TSA certificate.',
      ja: 'タイムスタンプトークンに TSA の証明書が含まれていません。',
    });
  }
  const signature = checkSignerInfo(signerInfo, tsaCertificate, content, TST_INFO);
  const essMatches = essCertificateMatches(signerInfo, tsaCertificate);
  if (!signature.ok || essMatches !== true) {
    const reason = signature.ok
      ? 'ESS signing-certificate does not name the signer'
      : signature.reason;
    fail(
      'ERR_TSA_SIGNATURE_INVALID',
      {
        en: `The time-stamp token's signature is invalid: ${reason}.`,
        ja: `タイムスタンプトークンの署名が無効です: ${reason}`,
      },
      { reason },
    );
  }
  if (!isTimeStampingOnly(tsaCertificate)) {
    fail('ERR_TSA_NOT_TIMESTAMPING', {
      en: 'The TSA certificate is not a time-stamping certificate (critical extendedKeyUsage timeStamping).',
      ja: 'TSA の証明書がタイムスタンプ用ではありません（extendedKeyUsage timeStamping が critical でない）。',
    });
  }
  const tsaDer = derOf(tsaCertificate);
  const allDer = certificates.map(derOf);
  if (options.trust !== undefined) {
    const chain = checkChain(tsaDer, allDer, options.trust, options.at ?? tstInfo.genTime);
    if (!chain.ok) {
      fail(
        'ERR_TSA_UNTRUSTED',
        {
          en: `The TSA certificate is not trusted: ${chain.reason}.`,
          ja: `TSA の証明書が信頼されていません: ${chain.reason}`,
        },
        { reason: chain.reason },
      );
    }
  }
  return {
    genTime: tstInfo.genTime,
    policy: tstInfo.policy,
    serialNumber: tstInfo.serialNumber.toBigInt(),
    nonce,
    tsaCertificate: tsaDer,
    certificates: allDer,
  };
};
