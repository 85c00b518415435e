/**
 * The web app is a client of the platform's JSON API, called in process (`app.inject`, no
 * socket): every page reads and writes through the same routes, validation, authorization and
 * audit as any other client. The browser's session cookie, language, address and user agent go
 * along; a write carries the session's CSRF token, which the page took from its own form.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Language } from './language.js';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A field at fault, as the API's error envelope names it (`path` is a JSON Pointer). */
export interface ApiFieldError {
  readonly in: string;
  readonly path: string;
  readonly message: string;
}

export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly requestId: string;
  readonly fields?: readonly ApiFieldError[];
}

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly ok: boolean;
  /** The parsed JSON body when `ok` (undefined for an empty body). */
  readonly body: T;
  /** The error envelope's error when not `ok`. */
  readonly error: ApiError | undefined;
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  /** The raw body, for non-JSON answers (CSV, images). */
  readonly raw: Buffer;
}

export interface ApiCallOptions {
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as is, with `contentType`. */
  readonly payload?: Buffer | string;
  readonly contentType?: string;
  /** The session's CSRF token, for writes made with the cookie. */
  readonly csrfToken?: string | undefined;
  /** Replaces the browser's cookie header (e.g. a session cookie just set). */
  readonly cookie?: string | undefined;
  readonly accept?: string;
}

export type ApiCaller = <T = unknown>(
  method: ApiMethod,
  url: string,
  options?: ApiCallOptions,
) => Promise<ApiResponse<T>>;

const UNREADABLE: ApiError = {
  code: 'ERR_WEB_UNREADABLE_ANSWER',
  message: 'The platform gave an answer the page could not read.',
  requestId: '',
};

const parseJson = (raw: Buffer): unknown => {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
};

const readError = (parsed: unknown): ApiError => {
  if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
    const { error } = parsed;
    if (typeof error === 'object' && error !== null && 'code' in error)
      return error as unknown as ApiError;
  }
  return UNREADABLE;
};

/** An API caller for one browser request. */
export const createApiCaller =
  (app: FastifyInstance, request: FastifyRequest, language: Language): ApiCaller =>
  async <T>(
    method: ApiMethod,
    url: string,
    options: ApiCallOptions = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
    const cookie = options.cookie ?? request.headers.cookie;
    if (cookie !== undefined) headers.cookie = cookie;
    // The page's language (from ?lang, the cookie or the header) picks the API's messages.
    headers['accept-language'] = language;
    const agent = request.headers['user-agent'];
    if (agent !== undefined) headers['user-agent'] = agent;
    if (options.csrfToken !== undefined) headers['x-csrf-token'] = options.csrfToken;
    let payload: Buffer | string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.json);
    } else if (options.payload !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
      payload = options.payload;
    }
    const response = await app.inject({
      method,
      url,
      headers,
      remoteAddress: request.ip,
      ...(payload === undefined ? {} : { payload }),
    });
    const raw = response.rawPayload;
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    const parsed = String(response.headers['content-type'] ?? '').includes('json')
      ? parseJson(raw)
      : undefined;
    return {
      status: response.statusCode,
      ok,
      body: (ok ? parsed : undefined) as T,
      error: ok ? undefined : readError(parsed),
      headers: response.headers,
      raw,
    };
  };
