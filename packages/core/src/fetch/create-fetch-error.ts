/**
 * The `ERR_FETCH_FAILED` errors of the guarded fetcher, one message template per reason (in
 * English and Japanese). `details` carries `reason`, `url` and the facts below that apply.
 */
import { AkashiError, type LocalizedMessage } from '../errors/akashi-error.js';
import type { FetchFailureReason } from './fetch-document.js';

/** Why a URL was refused before any connection (`reason: 'bad-url'`). */
export type BadUrlProblem = 'invalid' | 'scheme' | 'credentials' | 'insecure';

export interface FetchFailureFacts {
  /** The URL being fetched when it failed (after redirects, the hop that failed). */
  readonly url: string;
  readonly problem?: BadUrlProblem | undefined;
  readonly host?: string | undefined;
  readonly address?: string | undefined;
  readonly timeoutMs?: number | undefined;
  readonly maxBytes?: number | undefined;
  readonly maxRedirects?: number | undefined;
  readonly status?: number | undefined;
  readonly contentType?: string | undefined;
  /** The lower-level error message (DNS, socket, TLS, JSON parser). */
  readonly detail?: string | undefined;
}

const BAD_URL: Record<BadUrlProblem, LocalizedMessage> = {
  invalid: { en: 'it is not an absolute URL', ja: '絶対 URL ではありません' },
  scheme: {
    en: 'only https (and http) URLs are fetched',
    ja: 'https（と http）以外は取得しません',
  },
  credentials: {
    en: 'it carries a user name or password',
    ja: 'ユーザー名かパスワードを含んでいます',
  },
  insecure: {
    en: 'plain http is not allowed (set allowHttp or list the host in allowHosts)',
    ja: '暗号化されていない http は許可されていません（allowHttp か allowHosts で許可できます）',
  },
};

const suffix = (detail: string | undefined): string => (detail === undefined ? '' : ` (${detail})`);

const MESSAGES: Record<FetchFailureReason, (facts: FetchFailureFacts) => LocalizedMessage> = {
  timeout: ({ url, timeoutMs }) => ({
    en: `Fetching ${url} timed out after ${timeoutMs ?? 0} ms.`,
    ja: `${url} の取得が ${timeoutMs ?? 0} ミリ秒でタイムアウトしました。`,
  }),
  'too-large': ({ url, maxBytes }) => ({
    en: `${url} is larger than the limit of ${maxBytes ?? 0} bytes.`,
    ja: `${url} が上限の ${maxBytes ?? 0} バイトを超えています。`,
  }),
  'refused-address': ({ url, host, address }) => {
    const where = host === address ? (address ?? '') : `${host ?? ''} (${address ?? ''})`;
    return {
      en: `Refused to fetch ${url}: ${where} is a loopback, private, link-local or reserved address.`,
      ja: `${url} の取得を拒否しました。${where} はループバック・プライベート・リンクローカル・予約済みのアドレスです。`,
    };
  },
  dns: ({ url, host, detail }) => ({
    en: `Cannot resolve ${host ?? ''} to fetch ${url}${suffix(detail)}.`,
    ja: `${url} のホスト名 ${host ?? ''} を解決できません。`,
  }),
  connection: ({ url, detail }) => ({
    en: `Cannot fetch ${url}: the connection failed${suffix(detail)}.`,
    ja: `${url} を取得できません。接続に失敗しました。`,
  }),
  'too-many-redirects': ({ url, maxRedirects }) => ({
    en: `Fetching ${url} was redirected more than ${maxRedirects ?? 0} times.`,
    ja: `${url} の取得でリダイレクトが ${maxRedirects ?? 0} 回を超えました。`,
  }),
  'bad-url': ({ url, problem = 'invalid' }) => ({
    en: `Refused to fetch ${url}: ${BAD_URL[problem].en}.`,
    ja: `${url} の取得を拒否しました。${BAD_URL[problem].ja}。`,
  }),
  'content-type': ({ url, contentType }) => ({
    en: `${url} is served as ${contentType ?? 'no media type'}, not JSON.`,
    ja: `${url} のメディアタイプは ${contentType ?? '（なし）'} で、JSON ではありません。`,
  }),
  tls: ({ url, detail }) => ({
    en: `Cannot fetch ${url}: the TLS connection failed${suffix(detail)}.`,
    ja: `${url} を取得できません。TLS 接続に失敗しました。`,
  }),
  'http-status': ({ url, status }) => ({
    en: `${url} answered with HTTP status ${status ?? 0}.`,
    ja: `${url} は HTTP ステータス ${status ?? 0} を返しました。`,
  }),
  'invalid-json': ({ url, detail }) => ({
    en: `${url} is not valid JSON${suffix(detail)}.`,
    ja: `${url} の内容は正しい JSON ではありません。`,
  }),
};

/** An `AkashiError` `ERR_FETCH_FAILED` whose `details.reason` is `reason`. */
export const createFetchError = (
  reason: FetchFailureReason,
  facts: FetchFailureFacts,
  cause?: unknown,
): AkashiError => {
  const details: Record<string, unknown> = { reason };
  for (const [name, value] of Object.entries(facts)) {
    if (value !== undefined) details[name] = value;
  }
  return new AkashiError(
    'ERR_FETCH_FAILED',
    MESSAGES[reason](facts),
    cause === undefined ? { details } : { details, cause },
  );
};
