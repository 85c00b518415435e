/**
 * All checks of one signature or document time-stamp: `byte-range`, `cms`, `timestamp` and
 * `chain`, in that order, each an independent verdict so that a report shows which part failed.
 * Validation time is the time-stamp's genTime when a valid time-stamp proves the signature
 * existed then, else `now`.
 */
import type { X509Certificate } from 'node:crypto';
import type * as asn1js from 'asn1js';
import type { CertificateCheck, RevisionInfo, SignatureInfo } from './certificate-report.js';
import { makeCertificateCheck } from './certificate-report.js';
import type { CertificateCode } from './certificate-messages.js';
import { checkByteRange } from './check-byte-range.js';
import { buildChain, isValidAt, validityOf } from './chain.js';
import {
  attributeValues,
  checkSignerInfo,
  CmsError,
  CMS_OIDS,
  displayName,
  parseCms,
  type ParsedCms,
  type SignerInfoResult,
} from './cms-verify.js';
import { pdfDateToIso, type FoundSignature } from './pdf-structure.js';
import { checkTimestampToken, type TokenResult } from './timestamp-token.js';

export interface SignatureContext {
  readonly bytes: Uint8Array;
  readonly revisions: readonly RevisionInfo[];
  readonly anchors: readonly X509Certificate[];
  readonly now: Date;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The `chain` check of a signer (or TSA) certificate at `at`. */
const chainCheck = (
  signer: X509Certificate,
  pool: readonly X509Certificate[],
  ctx: SignatureContext,
  at: Date,
  timeStamped: boolean,
  field: string,
): CertificateCheck => {
  const extra = { signature: field };
  const subject = displayName(signer.subject);
  const time = at.toISOString();
  if (!isValidAt(signer, at)) {
    return makeCertificateCheck(
      'chain',
      'failed',
      'ERR_CHAIN_EXPIRED',
      { ...validityOf(signer), time },
      extra,
    );
  }
  if (ctx.anchors.length === 0) {
    return makeCertificateCheck(
      'chain',
      'skipped',
      'CHAIN_NO_TRUST',
      { subject, issuer: displayName(signer.issuer) },
      extra,
    );
  }
  const chain = buildChain(signer, pool, ctx.anchors, at);
  const details = { path: chain.path, validationTime: time };
  if (!chain.trusted) {
    return makeCertificateCheck(
      'chain',
      'failed',
      'ERR_CHAIN_UNTRUSTED',
      { subject, reason: chain.reason ?? '' },
      { ...extra, details },
    );
  }
  if (chain.invalidAt !== undefined) {
    return makeCertificateCheck(
      'chain',
      'failed',
      'ERR_CHAIN_EXPIRED',
      { ...chain.invalidAt, time },
      { ...extra, details },
    );
  }
  const anchor = chain.anchor ?? '';
  if (timeStamped && !isValidAt(signer, ctx.now)) {
    const { to } = validityOf(signer);
    return makeCertificateCheck(
      'chain',
      'passed',
      'CHAIN_OK_EXPIRED_NOW',
      { subject, anchor, time, to },
      { ...extra, details },
    );
  }
  return makeCertificateCheck(
    'chain',
    'passed',
    'CHAIN_OK',
    { subject, anchor, time },
    { ...extra, details },
  );
};

/** Why a time-stamp token's TSA is not acceptable under the trust anchors (none given: fine). */
const tsaProblem = (token: TokenResult, ctx: SignatureContext): string | undefined => {
  if (token.tsaCertificate === undefined || token.genTime === undefined || ctx.anchors.length === 0)
    return undefined;
  const pool = token.parsed?.certificates.map((item) => item.x509) ?? [];
  const chain = buildChain(token.tsaCertificate, pool, ctx.anchors, token.genTime);
  if (!chain.trusted) return `the TSA is not trusted: ${chain.reason ?? ''}`;
  if (chain.invalidAt !== undefined)
    return `${chain.invalidAt.subject} was not valid at the time-stamp's genTime`;
  return undefined;
};

const cmsCheck = (
  result: SignerInfoResult,
  subFilter: string | undefined,
  field: string,
): CertificateCheck => {
  const extra = {
    signature: field,
    details: { digestAlgorithm: result.digestAlgorithm, ess: result.ess.kind },
  };
  const signer = displayName(result.signer.x509.subject);
  const fail = (code: CertificateCode, params: Record<string, string> = {}) =>
    makeCertificateCheck('cms', 'failed', code, params, extra);
  if (!result.digestMatches) return fail('ERR_CMS_DIGEST');
  if (!result.signatureValid) return fail('ERR_CMS_SIGNATURE', { signer });
  if (result.ess.kind !== 'missing' && !result.ess.matches)
    return fail('ERR_CMS_ESS', { reason: result.ess.reason ?? '' });
  if (result.ess.kind === 'missing') {
    if (subFilter === 'ETSI.CAdES.detached') return fail('ERR_CMS_ESS_MISSING');
    return makeCertificateCheck(
      'cms',
      'passed',
      'CMS_OK_NOT_PADES',
      { signer, subFilter: subFilter ?? '?' },
      extra,
    );
  }
  return makeCertificateCheck('cms', 'passed', 'CMS_OK', { signer }, extra);
};

const timestampCheck = (
  token: TokenResult,
  ctx: SignatureContext,
  document: boolean,
  field: string,
): CertificateCheck => {
  const extra = {
    signature: field,
    details: { genTime: token.genTime?.toISOString(), tsa: token.tsa },
  };
  if (token.problem !== undefined) {
    return makeCertificateCheck(
      'timestamp',
      'failed',
      'ERR_TIMESTAMP_INVALID',
      { reason: token.problem },
      extra,
    );
  }
  if (!token.imprintMatches) {
    const what = document ? 'the signed byte ranges' : 'the signature value';
    return makeCertificateCheck('timestamp', 'failed', 'ERR_TIMESTAMP_IMPRINT', { what }, extra);
  }
  const trust = tsaProblem(token, ctx);
  if (trust !== undefined) {
    return makeCertificateCheck(
      'timestamp',
      'failed',
      'ERR_TIMESTAMP_INVALID',
      { reason: trust },
      extra,
    );
  }
  const params = { tsa: token.tsa ?? '?', time: token.genTime?.toISOString() ?? '?' };
  return makeCertificateCheck(
    'timestamp',
    'passed',
    document ? 'DOC_TIMESTAMP_OK' : 'TIMESTAMP_OK',
    params,
    extra,
  );
};

const crashed = (name: CertificateCheck['name'], error: unknown, field: string) =>
  makeCertificateCheck(
    name,
    'error',
    'ERR_CHECK_CRASHED',
    { reason: reasonOf(error) },
    { signature: field },
  );

const notChecked = (field: string) =>
  (['timestamp', 'chain'] as const).map((name) =>
    makeCertificateCheck(name, 'skipped', 'NOT_CHECKED_NO_CMS', {}, { signature: field }),
  );

export interface SignatureOutcome {
  readonly checks: CertificateCheck[];
  readonly info: SignatureInfo;
}

export const checkSignature = (found: FoundSignature, ctx: SignatureContext): SignatureOutcome => {
  const field = found.field;
  const range = checkByteRange(ctx.bytes, found, ctx.revisions);
  const checks: CertificateCheck[] = [range.check];
  const claimed =
    found.claimedSigningTime === undefined ? undefined : pdfDateToIso(found.claimedSigningTime);
  const info: SignatureInfo = {
    field,
    kind: found.kind,
    ...(found.subFilter === undefined ? {} : { subFilter: found.subFilter }),
    byteRange: found.byteRange ?? [],
    revision: range.revision,
    ...(claimed === undefined ? {} : { claimedSigningTime: claimed }),
  };
  const chunks = range.chunks ?? [];
  if (range.chunks === undefined) {
    checks.push(
      makeCertificateCheck(
        'cms',
        'failed',
        'ERR_CMS_MALFORMED',
        { reason: 'the byte range is unusable' },
        { signature: field },
      ),
    );
    checks.push(...notChecked(field));
    return { checks, info };
  }
  if (found.kind === 'document-timestamp') {
    const token = checkTimestampToken(found.contents, chunks);
    const signer = token.signerResult?.signer.x509;
    checks.push(
      token.signerResult === undefined
        ? makeCertificateCheck(
            'cms',
            'failed',
            'ERR_CMS_MALFORMED',
            { reason: token.problem ?? '' },
            { signature: field },
          )
        : makeCertificateCheck(
            'cms',
            'passed',
            'TOKEN_CMS_OK',
            { signer: token.tsa ?? '?' },
            { signature: field },
          ),
      timestampCheck(token, ctx, true, field),
    );
    if (signer === undefined || token.genTime === undefined)
      checks.push(...notChecked(field).slice(1));
    else {
      const pool = token.parsed?.certificates.map((item) => item.x509) ?? [];
      checks.push(chainCheck(signer, pool, ctx, token.genTime, true, field));
    }
    const time = token.genTime?.toISOString();
    return {
      checks,
      info: {
        ...info,
        ...(token.tsa === undefined ? {} : { signer: token.tsa }),
        ...(time === undefined ? {} : { timestamp: time }),
      },
    };
  }
  let parsed: ParsedCms;
  let result: SignerInfoResult;
  try {
    parsed = parseCms(found.contents);
    result = checkSignerInfo(parsed, chunks);
  } catch (error) {
    checks.push(
      error instanceof CmsError
        ? makeCertificateCheck(
            'cms',
            'failed',
            error.code,
            { reason: error.message },
            { signature: field },
          )
        : crashed('cms', error, field),
    );
    checks.push(...notChecked(field));
    return { checks, info };
  }
  checks.push(cmsCheck(result, found.subFilter, field));
  const [tokenValue] = attributeValues(
    parsed.signerInfo.unsignedAttrs,
    CMS_OIDS.signatureTimeStampToken,
  );
  let validationTime = ctx.now;
  let timeStamped = false;
  let timestamp: string | undefined;
  if (tokenValue === undefined) {
    checks.push(
      makeCertificateCheck(
        'timestamp',
        'skipped',
        'TIMESTAMP_NONE',
        { time: claimed ?? '?' },
        { signature: field },
      ),
    );
  } else {
    const raw = (tokenValue as asn1js.BaseBlock).valueBeforeDecodeView;
    const token = checkTimestampToken(raw, [parsed.signerInfo.signature.valueBlock.valueHexView]);
    const check = timestampCheck(token, ctx, false, field);
    checks.push(check);
    timestamp = token.genTime?.toISOString();
    if (check.outcome === 'passed' && token.genTime !== undefined) {
      validationTime = token.genTime;
      timeStamped = true;
    }
  }
  const pool = parsed.certificates.map((item) => item.x509);
  checks.push(chainCheck(result.signer.x509, pool, ctx, validationTime, timeStamped, field));
  return {
    checks,
    info: {
      ...info,
      signer: displayName(result.signer.x509.subject),
      ...(timestamp === undefined ? {} : { timestamp }),
    },
  };
};
