/**
 * One JSON call to a Cloud Signature Consortium API v2 service (`POST {baseUrl}/csc/v2/{path}`
 * with a bearer token) through the injected poster, with every failure sorted into a
 * `CertificateError`: unreachable, timeout, 401/403, another HTTP status (with the service's
 * `error_description`), or a body that is not JSON.
 */
import { CertificateError } from '../tsa/certificate-error.js';
import { causeText, isSendFailure, sendWithDeadline, type HttpPost } from '../tsa/http-post.js';

export interface CscCall {
  readonly baseUrl: string;
  readonly post: HttpPost;
  readonly accessToken: string | (() => string | Promise<string>);
  readonly timeoutMs: number;
}

const describeError = (body: Uint8Array): string => {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      const { error, error_description: description } = parsed as Record<string, unknown>;
      const parts = [error, description].filter((part) => typeof part === 'string');
      if (parts.length > 0) return parts.join(': ');
    }
  } catch {
    // not JSON: fall through
  }
  return '';
};

export const cscMalformed = (what: string, url: string): CertificateError =>
  new CertificateError(
    'ERR_CSC_MALFORMED',
    {
      en: `The signing service's answer is malformed (${url}): ${what}.`,
      ja: `署名サービスの応答の形式が不正です（${url}）: ${what}`,
    },
    { details: { url } },
  );

/** POSTs `body` as JSON to `csc/v2/{path}` and returns the parsed JSON object. */
export const callCsc = async (
  call: CscCall,
  path: string,
  body: Readonly<Record<string, unknown>>,
): Promise<Record<string, unknown>> => {
  const url = `${call.baseUrl.replace(/\/+$/, '')}/csc/v2/${path}`;
  const token = typeof call.accessToken === 'string' ? call.accessToken : await call.accessToken();
  const outcome = await sendWithDeadline(
    call.post,
    {
      url,
      body: new TextEncoder().encode(JSON.stringify(body)),
      contentType: 'application/json',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    },
    call.timeoutMs,
  );
  if (isSendFailure(outcome)) {
    const detail = causeText(outcome.cause);
    throw outcome.kind === 'timeout'
      ? new CertificateError(
          'ERR_CSC_TIMEOUT',
          {
            en: `The signing service did not answer within ${call.timeoutMs} ms (${url}).`,
            ja: `署名サービスが ${call.timeoutMs} ミリ秒以内に応答しませんでした（${url}）。`,
          },
          { details: { url }, cause: outcome.cause },
        )
      : new CertificateError(
          'ERR_CSC_UNREACHABLE',
          {
            en: `The signing service could not be reached (${url}): ${detail}.`,
            ja: `署名サービスに接続できません（${url}）: ${detail}`,
          },
          { details: { url }, cause: outcome.cause },
        );
  }
  const { status } = outcome;
  if (status === 401 || status === 403) {
    const reason = describeError(outcome.body);
    throw new CertificateError(
      'ERR_CSC_UNAUTHORIZED',
      {
        en: `The signing service refused the access token (HTTP ${status}${reason === '' ? '' : `, ${reason}`}).`,
        ja: `署名サービスがアクセストークンを拒否しました（HTTP ${status}${reason === '' ? '' : `、${reason}`}）。`,
      },
      { details: { url, status, reason } },
    );
  }
  if (status < 200 || status > 299) {
    const reason = describeError(outcome.body);
    throw new CertificateError(
      'ERR_CSC_HTTP_STATUS',
      {
        en: `The signing service answered HTTP ${status} (${url})${reason === '' ? '' : `: ${reason}`}.`,
        ja: `署名サービスが HTTP ${status} を返しました（${url}）${reason === '' ? '' : `: ${reason}`}`,
      },
      { details: { url, status, reason } },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(outcome.body));
  } catch {
    throw cscMalformed('not JSON', url);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw cscMalformed('not a JSON object', url);
  }
  return parsed as Record<string, unknown>;
};
