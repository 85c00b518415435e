/**
 * An RFC 3161 time-stamping client: a TimeStampReq (SHA-256 imprint, a random 64-bit nonce,
 * certReq) POSTed as `application/timestamp-query` through the injected poster, and the
 * `application/timestamp-reply` checked — status granted, then the token verified by
 * `verifyTimestampToken` (imprint, nonce, policy, CMS signature, TSA certificate, trust).
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, MessageImprint, PKIStatus, TimeStampReq, TimeStampResp } from 'pkijs';
import type { TimestampAuthority } from '../signer.js';
import { CertificateError } from './certificate-error.js';
import {
  DEFAULT_TIMEOUT_MS,
  causeText,
  isSendFailure,
  mediaTypeOf,
  sendWithDeadline,
  type HttpPost,
} from './http-post.js';
import { verifyTimestampToken } from './verify-timestamp-token.js';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const QUERY_TYPE = 'application/timestamp-query';
const REPLY_TYPE = 'application/timestamp-reply';

export interface TsaClientOptions {
  readonly url: string;
  readonly post: HttpPost;
  /** Only SHA-256 is used (the PAdES profile here). */
  readonly hashAlgorithm?: 'sha256';
  /** Ask the TSA to include its certificate (default true; the verifier needs it). */
  readonly certReq?: boolean;
  /** The TSA policy OID to ask for, checked in the reply. */
  readonly policy?: string;
  /** DER CA certificates the TSA certificate must chain to. */
  readonly trust?: readonly Uint8Array[];
  /** Extra request headers (for example `Authorization` for a paid TSA). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The deadline of one request (default 10 s). */
  readonly timeoutMs?: number;
}

const PKI_STATUS_NAMES: Readonly<Record<number, string>> = {
  [PKIStatus.rejection]: 'rejection',
  [PKIStatus.waiting]: 'waiting',
  [PKIStatus.revocationWarning]: 'revocationWarning',
  [PKIStatus.revocationNotification]: 'revocationNotification',
};

/** Builds the DER TimeStampReq for `digest` with `nonce`. */
export const buildTimestampRequest = (
  digest: Uint8Array,
  nonce: bigint,
  options: { readonly certReq?: boolean; readonly policy?: string } = {},
): Uint8Array => {
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({
        algorithmId: SHA256,
        algorithmParams: new asn1js.Null(),
      }),
      hashedMessage: new asn1js.OctetString({ valueHex: digest }),
    }),
    nonce: asn1js.Integer.fromBigInt(nonce),
    certReq: options.certReq ?? true,
    ...(options.policy === undefined ? {} : { reqPolicy: options.policy }),
  });
  return new Uint8Array(request.toSchema().toBER(false));
};

const malformedReply = (what: string): never => {
  throw new CertificateError('ERR_TSA_MALFORMED', {
    en: `The TSA's reply is malformed: ${what}.`,
    ja: `TSA の応答の形式が不正です: ${what}`,
  });
};

/** Reads a TimeStampResp: the token's original DER, or a `CertificateError` for a refusal. */
export const readTimestampReply = (reply: Uint8Array): Uint8Array => {
  const asn1 = asn1js.fromBER(reply);
  if (asn1.offset === -1) return malformedReply('not DER');
  let response: TimeStampResp;
  try {
    response = new TimeStampResp({ schema: asn1.result });
  } catch {
    return malformedReply('not a TimeStampResp');
  }
  const { status, statusStrings, failInfo } = response.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = (statusStrings ?? []).map((value) => value.valueBlock.value).join('; ');
    const name = PKI_STATUS_NAMES[status] ?? String(status);
    const failBits =
      failInfo === undefined
        ? undefined
        : Buffer.from(failInfo.valueBlock.valueHexView).toString('hex');
    throw new CertificateError(
      'ERR_TSA_REJECTED',
      {
        en: `The TSA refused the request (${name}${text === '' ? '' : `: ${text}`}).`,
        ja: `TSA が要求を拒否しました（${name}${text === '' ? '' : `: ${text}`}）。`,
      },
      { details: { status, statusText: text, failInfo: failBits } },
    );
  }
  const token =
    asn1.result instanceof asn1js.Sequence ? asn1.result.valueBlock.value[1] : undefined;
  if (response.timeStampToken === undefined || token === undefined) {
    return malformedReply('granted without a token');
  }
  return new Uint8Array(token.valueBeforeDecodeView);
};

const randomNonce = (): bigint => BigInt(`0x${randomBytes(8).toString('hex')}`);

/** Creates the client; each `timestamp(digest)` returns a checked TimeStampToken (DER). */
export const createTsaClient = (options: TsaClientOptions): TimestampAuthority => {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers = { Accept: REPLY_TYPE, ...options.headers };
  const timestamp = async (sha256: Uint8Array): Promise<Uint8Array> => {
    if (sha256.length !== 32) throw new TypeError('timestamp() takes a 32-byte SHA-256 digest');
    const nonce = randomNonce();
    const body = buildTimestampRequest(sha256, nonce, {
      certReq: options.certReq ?? true,
      ...(options.policy === undefined ? {} : { policy: options.policy }),
    });
    const outcome = await sendWithDeadline(
      options.post,
      { url: options.url, body, contentType: QUERY_TYPE, headers },
      timeoutMs,
    );
    if (isSendFailure(outcome)) {
      const detail = causeText(outcome.cause);
      throw outcome.kind === 'timeout'
        ? new CertificateError(
            'ERR_TSA_TIMEOUT',
            {
              en: `The TSA at ${options.url} did not answer within ${timeoutMs} ms.`,
              ja: `TSA（${options.url}）が ${timeoutMs} ミリ秒以内に応答しませんでした。`,
            },
            { details: { url: options.url }, cause: outcome.cause },
          )
        : new CertificateError(
            'ERR_TSA_UNREACHABLE',
            {
              en: `The TSA at ${options.url} could not be reached: ${detail}.`,
              ja: `TSA（${options.url}）に接続できません: ${detail}`,
            },
            { details: { url: options.url }, cause: outcome.cause },
          );
    }
    if (outcome.status < 200 || outcome.status > 299) {
      throw new CertificateError(
        'ERR_TSA_HTTP_STATUS',
        {
          en: `The TSA at ${options.url} answered HTTP ${outcome.status}.`,
          ja: `TSA（${options.url}）が HTTP ${outcome.status} を返しました。`,
        },
        { details: { url: options.url, status: outcome.status } },
      );
    }
    const mediaType = mediaTypeOf(outcome.contentType);
    if (mediaType !== REPLY_TYPE) {
      throw new CertificateError(
        'ERR_TSA_CONTENT_TYPE',
        {
          en: `The TSA answered "${mediaType}", not ${REPLY_TYPE}.`,
          ja: `TSA の応答の Content-Type が ${REPLY_TYPE} ではありません（${mediaType}）。`,
        },
        { details: { contentType: outcome.contentType } },
      );
    }
    const token = readTimestampReply(outcome.body);
    verifyTimestampToken(token, sha256, {
      nonce,
      ...(options.policy === undefined ? {} : { policy: options.policy }),
      ...(options.trust === undefined ? {} : { trust: options.trust }),
    });
    return token;
  };
  return { timestamp };
};
