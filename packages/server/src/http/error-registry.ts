/**
 * Every error code the HTTP API can answer with, in one table: the HTTP status and the message
 * template in English and Japanese. `{name}` in a template is filled from the error's `params`;
 * the type system makes `new ServerError(code, …)` pass exactly the names its template uses.
 *
 * A domain adds its codes here, grouped under its area (`ERR_ACCOUNT_*`, `ERR_ORG_*`), and the
 * tests check that both languages use the same placeholders and that the OpenAPI document lists
 * every code. Codes are stable: clients switch on them, so never rename or reuse one.
 */
import type { LocalizedMessage } from '@akashi/core';

export interface ErrorDefinition {
  /** The HTTP status, 4xx or 5xx. */
  readonly status: number;
  readonly message: LocalizedMessage;
}

export const ERROR_REGISTRY = {
  // The database.
  ERR_DB_UNAVAILABLE: {
    status: 503,
    message: {
      en: 'The database is not reachable at the moment; try again later.',
      ja: '現在データベースに接続できません。しばらくしてから再度お試しください。',
    },
  },

  // Requests that cannot be taken as they are.
  ERR_HTTP_BAD_REQUEST: {
    status: 400,
    message: {
      en: 'The request is malformed.',
      ja: 'リクエストの形式が正しくありません。',
    },
  },
  ERR_HTTP_BODY_TOO_LARGE: {
    status: 413,
    message: {
      en: 'The request body is larger than the limit of {limit} bytes.',
      ja: 'リクエストの本文が上限の {limit} バイトを超えています。',
    },
  },
  ERR_HTTP_FORBIDDEN: {
    status: 403,
    message: {
      en: 'You are not allowed to do this.',
      ja: 'この操作を行う権限がありません。',
    },
  },
  ERR_HTTP_MALFORMED_BODY: {
    status: 400,
    message: {
      en: 'The request body is not well-formed JSON.',
      ja: 'リクエストの本文が正しい JSON ではありません。',
    },
  },
  ERR_HTTP_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is nothing at this address.',
      ja: 'このアドレスには何もありません。',
    },
  },
  ERR_HTTP_CSRF: {
    status: 403,
    message: {
      en: "This request needs the session's CSRF token in the x-csrf-token header.",
      ja: 'このリクエストには、セッションの CSRF トークンを x-csrf-token ヘッダーで送る必要があります。',
    },
  },
  ERR_HTTP_UNAUTHENTICATED: {
    status: 401,
    message: {
      en: 'Sign in, or send valid credentials, to do this.',
      ja: 'この操作を行うには、サインインするか有効な認証情報を送ってください。',
    },
  },
  ERR_HTTP_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      en: 'This type of request body is not accepted here; send application/json.',
      ja: 'この形式のリクエスト本文は受け付けていません。application/json で送ってください。',
    },
  },
  ERR_HTTP_VALIDATION: {
    status: 400,
    message: {
      en: 'The request is invalid: correct the fields listed.',
      ja: 'リクエストの内容が正しくありません。一覧の項目を修正してください。',
    },
  },

  // The server itself.
  ERR_SERVER_INTERNAL: {
    status: 500,
    message: {
      en: 'An unexpected error occurred. It has been logged; quote the request id if you report it.',
      ja: '予期しないエラーが発生しました。記録済みです。報告の際はリクエスト ID をお知らせください。',
    },
  },
  ERR_SERVER_SHUTTING_DOWN: {
    status: 503,
    message: {
      en: 'The server is shutting down; try again in a moment.',
      ja: 'サーバーを停止しています。しばらくしてから再度お試しください。',
    },
  },
} as const satisfies Readonly<Record<`ERR_${string}`, ErrorDefinition>>;

export type ServerErrorCode = keyof typeof ERROR_REGISTRY;

/** Every code, in table order. */
export const SERVER_ERROR_CODES = Object.keys(ERROR_REGISTRY) as readonly ServerErrorCode[];

type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The names the template of `C` uses. */
export type ServerErrorParamName<C extends ServerErrorCode> = Placeholders<
  (typeof ERROR_REGISTRY)[C]['message']['en']
>;

export type ServerErrorParams<C extends ServerErrorCode> = Readonly<
  Record<ServerErrorParamName<C>, string | number>
>;

/** Fills `{name}` placeholders; an unknown name is left as written. */
export const fillTemplate = (
  template: string,
  params: Readonly<Record<string, string | number>>,
): string =>
  template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );

/** The registry entry of `code`. */
export const readErrorDefinition = (code: ServerErrorCode): ErrorDefinition => ERROR_REGISTRY[code];
