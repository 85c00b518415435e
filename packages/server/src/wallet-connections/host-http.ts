/**
 * The wallet's HTTP to other Open Badges hosts, over the core's guarded fetcher (GET, with an
 * `Authorization` header when calling the API: never cached) and guarded POST (forms and bodies,
 * the answer kept). Transport failures of both become one `HostTransportError` whose `reason` is
 * the guarded layer's (`timeout`, `dns`, `refused-address`, …). Nothing here follows a URL to a
 * host the policy refuses: the guarded layer decides, and `isAllowedTarget` checks the scheme up
 * front so that a service description pointing at plain http is refused with a clear message.
 */
import {
  GuardedPostError,
  isAkashiError,
  type FetchDocument,
  type GuardedPost,
} from '@akashi/core';

/** The most bytes of an answer from a host that the wallet reads (JSON answers, token replies). */
export const MAX_HOST_ANSWER_BYTES = 2 * 1024 * 1024;

export interface HostHttp {
  readonly fetchRemote: FetchDocument;
  readonly post: GuardedPost;
  /** `AKASHI_FETCH_ALLOW_HOSTS`: hosts that may be private and plain http. */
  readonly allowHosts: readonly string[];
}

export class HostTransportError extends Error {
  override readonly name = 'HostTransportError';
  readonly reason: string;

  constructor(reason: string, cause: unknown) {
    super(`the host could not be reached: ${reason}`, { cause });
    this.reason = reason;
  }
}

export interface HostAnswer {
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The body parsed as JSON, when it is JSON. */
  readonly json: unknown;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const answerOf = (
  url: string,
  status: number,
  contentType: string | undefined,
  body: Uint8Array | undefined,
  headers: Readonly<Record<string, string>> = {},
): HostAnswer => {
  const text = body === undefined ? '' : Buffer.from(body).toString('utf8');
  return { url, status, contentType: contentType ?? '', headers, text, json: parseJson(text) };
};

const transportReason = (error: unknown): string | undefined => {
  if (error instanceof GuardedPostError) return error.reason;
  if (isAkashiError(error) && error.code === 'ERR_FETCH_FAILED') {
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    return typeof reason === 'string' ? reason : 'connection';
  }
  return undefined;
};

const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    const reason = transportReason(error);
    if (reason !== undefined) throw new HostTransportError(reason, error);
    throw error;
  }
};

/** GET `url` (JSON wanted), with extra headers (a bearer token) when given. */
export const hostGet = (
  http: HostHttp,
  url: string,
  headers?: Readonly<Record<string, string>>,
): Promise<HostAnswer> =>
  guarded(async () => {
    const fetched = await http.fetchRemote(url, {
      accept: 'application/json',
      ...(headers === undefined ? {} : { headers }),
    });
    return answerOf(
      fetched.url,
      fetched.status,
      fetched.contentType,
      fetched.body,
      fetched.headers,
    );
  });

/** POST a body and read the answer. */
export const hostPost = (
  http: HostHttp,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<HostAnswer> =>
  guarded(async () => {
    const answer = await http.post({
      url,
      headers: { accept: 'application/json', ...headers },
      body,
      maxResponseBytes: MAX_HOST_ANSWER_BYTES,
    });
    return answerOf(url, answer.status, answer.contentType, answer.body);
  });

/** HTTP Basic client authentication (RFC 6749 §2.3.1: both parts form-encoded first). */
export const basicAuthorization = (clientId: string, clientSecret: string): string => {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
};

/** POST an `application/x-www-form-urlencoded` form with HTTP Basic client authentication. */
export const hostPostForm = (
  http: HostHttp,
  url: string,
  form: Readonly<Record<string, string>>,
  client: { readonly id: string; readonly secret: string },
): Promise<HostAnswer> =>
  hostPost(
    http,
    url,
    {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basicAuthorization(client.id, client.secret),
    },
    new URLSearchParams(form).toString(),
  );

/** Whether `url` is one the wallet may call: https, or a host of `AKASHI_FETCH_ALLOW_HOSTS`. */
export const isAllowedTarget = (url: URL, allowHosts: readonly string[]): boolean => {
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const port = url.port === '' ? '80' : url.port;
  return allowHosts.some((entry) => {
    const lower = entry.toLowerCase();
    return lower === url.hostname || lower === `${url.hostname}:${port}` || lower === url.host;
  });
};

/** The `error` / `error_description` of an OAuth error answer, or the status. */
export const oauthErrorOf = (answer: HostAnswer): string => {
  const json = answer.json as { error?: unknown; error_description?: unknown } | undefined;
  const error = typeof json?.error === 'string' ? json.error : `HTTP ${String(answer.status)}`;
  const description =
    typeof json?.error_description === 'string' ? `: ${json.error_description}` : '';
  return `${error}${description}`.slice(0, 300);
};
