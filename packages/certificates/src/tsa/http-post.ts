/**
 * The injected outbound POST used by the TSA client and the CSC signer (the platform wires
 * core's guarded poster; tests pass one built on node:http), and `sendWithDeadline`, which bounds
 * one call in time and sorts a failure without an HTTP status into "timeout" or "unreachable".
 */
export interface HttpPostResponse {
  readonly status: number;
  /** The `Content-Type` header as received, or undefined when absent. */
  readonly contentType: string | undefined;
  readonly body: Uint8Array;
}

/** Sends one POST; resolves with any HTTP status, rejects when no response came. */
export type HttpPost = (
  url: string,
  body: Uint8Array,
  contentType: string,
  headers: Readonly<Record<string, string>>,
) => Promise<HttpPostResponse>;

export const DEFAULT_TIMEOUT_MS = 10_000;

export type SendFailure =
  | { readonly kind: 'timeout'; readonly cause: unknown }
  | { readonly kind: 'unreachable'; readonly cause: unknown };

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

const isTimeoutError = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, reason, name } = error as { code?: unknown; reason?: unknown; name?: unknown };
  return (
    (typeof code === 'string' && TIMEOUT_CODES.has(code)) ||
    reason === 'timeout' ||
    name === 'TimeoutError'
  );
};

/** Calls `post` with a deadline; resolves with the response or with the sorted failure. */
export const sendWithDeadline = async (
  post: HttpPost,
  request: {
    readonly url: string;
    readonly body: Uint8Array;
    readonly contentType: string;
    readonly headers: Readonly<Record<string, string>>;
  },
  timeoutMs: number,
): Promise<HttpPostResponse | SendFailure> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<SendFailure>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: 'timeout', cause: new Error(`no response within ${timeoutMs} ms`) });
    }, timeoutMs);
  });
  const attempt = post(request.url, request.body, request.contentType, request.headers).then(
    (response) => response,
    (cause: unknown): SendFailure =>
      isTimeoutError(cause) ? { kind: 'timeout', cause } : { kind: 'unreachable', cause },
  );
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
};

export const isSendFailure = (value: HttpPostResponse | SendFailure): value is SendFailure =>
  'kind' in value;

/** The media type of a `Content-Type` header, lower-cased and without parameters. */
export const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

export const causeText = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause);
