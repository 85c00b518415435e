/**
 * RFC 3161 time-stamp tokens: the CMS SignedData around a TSTInfo, checked like any CMS
 * (digest of the eContent, signature, ESS attribute), the imprint compared with our own hash of
 * what was time-stamped (the signature value, or the PDF byte ranges for a document
 * time-stamp), and the TSA certificate required to carry the timeStamping extended key usage.
 */
import type { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  checkSignerInfo,
  CmsError,
  digestName,
  displayName,
  hashOf,
  parseCms,
  type ParsedCms,
  type SignerInfoResult,
} from './cms-verify.js';

const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

/** node:crypto's `keyUsage` lists the extended key usages, and is undefined when there are none. */
const extendedKeyUsages = (certificate: X509Certificate): readonly string[] => {
  const usages = certificate.keyUsage as readonly string[] | undefined;
  return usages ?? [];
};

export interface TokenResult {
  readonly parsed?: ParsedCms;
  readonly signerResult?: SignerInfoResult;
  readonly genTime?: Date;
  readonly tsa?: string;
  readonly tsaCertificate?: X509Certificate;
  readonly imprintMatches: boolean;
  /** Why the token itself (not its imprint) is not valid. */
  readonly problem?: string;
}

const eContentBytes = (parsed: ParsedCms): Uint8Array => {
  const info = parsed.signedData.encapContentInfo;
  if (info.eContentType !== TST_INFO)
    throw new CmsError('ERR_CMS_MALFORMED', `eContentType ${info.eContentType} is not TSTInfo`);
  const content = info.eContent;
  if (content === undefined) throw new CmsError('ERR_CMS_MALFORMED', 'the token has no TSTInfo');
  return new Uint8Array(content.getValue());
};

/** Verifies `token` (DER) and that its imprint is the hash of `imprinted` (chunks). */
export const checkTimestampToken = (
  token: Uint8Array,
  imprinted: readonly Uint8Array[],
): TokenResult => {
  let parsed: ParsedCms;
  let tstInfo: pkijs.TSTInfo;
  let content: Uint8Array;
  try {
    parsed = parseCms(token);
    content = eContentBytes(parsed);
    const asn1 = asn1js.fromBER(content);
    if (asn1.offset === -1) throw new CmsError('ERR_CMS_MALFORMED', 'TSTInfo is not DER');
    tstInfo = new pkijs.TSTInfo({ schema: asn1.result });
  } catch (error) {
    return {
      imprintMatches: false,
      problem: error instanceof Error ? error.message : String(error),
    };
  }
  const imprintHash = digestName(tstInfo.messageImprint.hashAlgorithm.algorithmId);
  const imprintMatches =
    imprintHash !== undefined &&
    Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView).equals(
      hashOf(imprintHash, imprinted),
    );
  const base = { parsed, genTime: tstInfo.genTime, imprintMatches };
  let signerResult: SignerInfoResult;
  try {
    signerResult = checkSignerInfo(parsed, [content]);
  } catch (error) {
    return { ...base, problem: error instanceof Error ? error.message : String(error) };
  }
  const tsaCertificate = signerResult.signer.x509;
  const withSigner = {
    ...base,
    signerResult,
    tsa: displayName(tsaCertificate.subject),
    tsaCertificate,
  };
  const problem = !signerResult.digestMatches
    ? 'the messageDigest is not the hash of its TSTInfo'
    : !signerResult.signatureValid
      ? 'its signature does not verify with the TSA certificate'
      : signerResult.ess.kind === 'missing' || !signerResult.ess.matches
        ? 'its ESS signing-certificate attribute is missing or does not match'
        : !extendedKeyUsages(tsaCertificate).includes(TIME_STAMPING)
          ? 'the TSA certificate lacks the timeStamping extended key usage'
          : undefined;
  return problem === undefined ? withSigner : { ...withSigner, problem };
};
