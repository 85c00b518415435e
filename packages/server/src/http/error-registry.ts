/**
 * Every error code the HTTP API can answer with, in one table: the HTTP status and the message
 * template in English and Japanese. `{name}` in a template is filled from the error's `params`;
 * the type system makes `new ServerError(code, …)` pass exactly the names its template uses.
 *
 * A domain adds its codes here, grouped under its area (`ERR_ACCOUNT_*`, `ERR_ORG_*`), and the
 * tests check that both languages use the same placeholders and that the OpenAPI document lists
 * every code. A larger domain keeps its codes in its own folder (`awards/award-errors.ts`) as an
 * object `as const satisfies ErrorTable`, spread in below. Codes are stable: clients switch on them, so never rename or reuse one.
 */
import type { LocalizedMessage } from '@akashi/core';
import { ISSUER_ERRORS } from '../issuers/issuer-errors.js';
import { ACHIEVEMENT_ERRORS } from '../achievements/achievement-errors.js';
import { AWARD_ERRORS } from '../awards/award-errors.js';
import { STATUS_LIST_ERRORS } from '../status-lists/status-list-errors.js';
import { BULK_JOB_ERRORS } from '../bulk/bulk-job-errors.js';
import { WEBHOOK_ERRORS } from '../webhooks/webhook-errors.js';
import { NOTIFICATION_ERRORS } from '../notifications/notification-errors.js';
import { BADGE_PAGE_ERRORS } from '../badge-pages/badge-page-errors.js';
import { VC_API_ERRORS } from '../vc-api/vc-api-errors.js';
import { VERIFICATION_ERRORS } from '../verification/verification-errors.js';
import { WALLET_ERRORS } from '../wallet/wallet-errors.js';
import { WALLET_CLAIM_ERRORS } from '../wallet-claims/wallet-claim-errors.js';
import { WALLET_SHARING_ERRORS } from '../wallet-sharing/wallet-sharing-errors.js';
import { OAUTH_ERRORS } from '../oauth/oauth-errors.js';
import { OB3_API_ERRORS } from '../ob3-api/ob3-api-errors.js';
import { BADGE_CONNECT_ERRORS } from '../badge-connect/badge-connect-errors.js';
import { WALLET_CONNECTION_ERRORS } from '../wallet-connections/wallet-connection-errors.js';
import { WALLET_DELIVERY_ERRORS } from '../wallet-delivery/wallet-delivery-errors.js';
import { OID4VCI_ERRORS } from '../oid4vci/oid4vci-errors.js';

export interface ErrorDefinition {
  /** The HTTP status, 4xx or 5xx. */
  readonly status: number;
  readonly message: LocalizedMessage;
}

/** A table of error codes, as a domain declares them. */
export type ErrorTable = Readonly<Record<`ERR_${string}`, ErrorDefinition>>;

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

  // Organisations: vetting, settings, departments.
  ERR_ORG_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such organisation.',
      ja: '該当する組織はありません。',
    },
  },
  ERR_ORG_DOMAIN_TAKEN: {
    status: 409,
    message: {
      en: 'Another organisation has already registered or applied for this domain.',
      ja: 'このドメインは、すでに他の組織が登録または申請しています。',
    },
  },
  ERR_ORG_NOT_PENDING: {
    status: 409,
    message: {
      en: 'This application has already been decided.',
      ja: 'この申請はすでに審査済みです。',
    },
  },
  ERR_ORG_NOT_APPROVED: {
    status: 403,
    message: {
      en: 'This organisation has not been approved by the platform operator, so it cannot issue badges.',
      ja: 'この組織はプラットフォーム運営者の承認を受けていないため、バッジを発行できません。',
    },
  },
  ERR_ORG_DEPARTMENT_NOT_FOUND: {
    status: 404,
    message: {
      en: 'The organisation has no such department.',
      ja: 'この組織に該当する部署はありません。',
    },
  },
  ERR_ORG_DEPARTMENT_NAME_TAKEN: {
    status: 409,
    message: {
      en: 'The organisation already has a department of this name.',
      ja: 'この組織には同じ名前の部署がすでにあります。',
    },
  },

  // Members of organisations and their roles.
  ERR_MEMBER_USER_NOT_FOUND: {
    status: 404,
    message: {
      en: 'No account uses this e-mail address; the person must create an account first.',
      ja: 'このメールアドレスのアカウントはありません。先にアカウントを作成してもらってください。',
    },
  },
  ERR_MEMBER_NOT_FOUND: {
    status: 404,
    message: {
      en: 'This person is not a member of the organisation.',
      ja: 'この人は組織のメンバーではありません。',
    },
  },
  ERR_MEMBER_ALREADY_EXISTS: {
    status: 409,
    message: {
      en: 'This person is already a member of the organisation; change their role instead.',
      ja: 'この人はすでに組織のメンバーです。役割を変更してください。',
    },
  },
  ERR_MEMBER_LAST_ADMIN: {
    status: 409,
    message: {
      en: "The organisation's last administrator cannot be removed or given another role; make someone else an administrator first.",
      ja: '組織の最後の管理者は、削除することも役割を変更することもできません。先に他の人を管理者にしてください。',
    },
  },
  ERR_MEMBER_DEPARTMENTS_INVALID: {
    status: 400,
    message: {
      en: 'An issuer needs at least one department; administrators and viewers take none.',
      ja: '発行担当者には部署を一つ以上指定してください。管理者と閲覧者には部署を指定しません。',
    },
  },

  // API keys.
  ERR_API_KEY_NOT_FOUND: {
    status: 404,
    message: {
      en: 'The organisation has no such API key.',
      ja: 'この組織に該当する API キーはありません。',
    },
  },
  ERR_API_KEY_ALREADY_REVOKED: {
    status: 409,
    message: {
      en: 'This API key has already been revoked.',
      ja: 'この API キーはすでに無効化されています。',
    },
  },

  // The policy (authorisation) beyond a plain ERR_HTTP_FORBIDDEN.
  ERR_POLICY_SECOND_FACTOR_REQUIRED: {
    status: 403,
    message: {
      en: 'This organisation requires two-factor authentication: set it up for your account, or sign in with it, to continue.',
      ja: 'この組織では二要素認証が必須です。続けるには、アカウントに二要素認証を設定するか、二要素認証でサインインしてください。',
    },
  },
  ERR_POLICY_SCOPE_MISSING: {
    status: 403,
    message: {
      en: 'This API key does not have the scope {scope} that this action needs.',
      ja: 'この API キーには、この操作に必要なスコープ {scope} がありません。',
    },
  },

  // The audit log (read side).
  ERR_AUDIT_CURSOR_INVALID: {
    status: 400,
    message: {
      en: 'The cursor is not one this server gave out; start again from the first page.',
      ja: 'カーソルが正しくありません。最初のページから取得し直してください。',
    },
  },
  ERR_AUDIT_EXPORT_TOO_LARGE: {
    status: 422,
    message: {
      en: 'The export would hold more than {limit} events: narrow it with from and to (or another filter), or read the events page by page.',
      ja: 'エクスポートが上限の {limit} 件を超えます。from と to（または他の条件）で範囲を絞り込むか、ページごとに取得してください。',
    },
  },

  // Accounts: sign-up, e-mail verification, passwords, two-factor settings.
  ERR_ACCOUNT_EMAIL_UNVERIFIED: {
    status: 403,
    message: {
      en: 'Confirm your e-mail address first: we have sent you a new confirmation link.',
      ja: '先にメールアドレスを確認してください。確認用のリンクを改めてお送りしました。',
    },
  },
  ERR_ACCOUNT_DISABLED: {
    status: 403,
    message: {
      en: 'This account has been disabled; ask the platform operator.',
      ja: 'このアカウントは無効にされています。プラットフォーム運営者にお問い合わせください。',
    },
  },
  ERR_ACCOUNT_EMAIL_TAKEN: {
    status: 409,
    message: {
      en: 'An account with this e-mail address already exists.',
      ja: 'このメールアドレスのアカウントはすでに存在します。',
    },
  },
  ERR_ACCOUNT_TOKEN_INVALID: {
    status: 400,
    message: {
      en: 'This link is not valid or has already been used; ask for a new one.',
      ja: 'このリンクは無効か、すでに使用されています。新しいリンクを請求してください。',
    },
  },
  ERR_ACCOUNT_TOKEN_EXPIRED: {
    status: 400,
    message: {
      en: 'This link has expired; ask for a new one.',
      ja: 'このリンクは有効期限が切れています。新しいリンクを請求してください。',
    },
  },
  ERR_ACCOUNT_PASSWORD_TOO_SHORT: {
    status: 400,
    message: {
      en: 'The password must be at least {min} characters long.',
      ja: 'パスワードは {min} 文字以上にしてください。',
    },
  },
  ERR_ACCOUNT_PASSWORD_TOO_LONG: {
    status: 400,
    message: {
      en: 'The password must be at most {max} characters long.',
      ja: 'パスワードは {max} 文字以内にしてください。',
    },
  },
  ERR_ACCOUNT_PASSWORD_IS_EMAIL: {
    status: 400,
    message: {
      en: 'The password must not be your e-mail address.',
      ja: 'メールアドレスをパスワードにすることはできません。',
    },
  },
  ERR_ACCOUNT_PASSWORD_INCORRECT: {
    status: 403,
    message: {
      en: 'The current password is not correct.',
      ja: '現在のパスワードが正しくありません。',
    },
  },
  ERR_ACCOUNT_TOTP_ALREADY_ENABLED: {
    status: 409,
    message: {
      en: 'An authenticator app is already enabled; disable it before setting up another.',
      ja: '認証アプリはすでに有効です。別の認証アプリを設定するには、先に無効にしてください。',
    },
  },
  ERR_ACCOUNT_TOTP_NOT_ENROLLED: {
    status: 409,
    message: {
      en: 'There is no authenticator app to confirm or disable: start the set-up first.',
      ja: '確認または無効化できる認証アプリがありません。先に設定を開始してください。',
    },
  },
  ERR_ACCOUNT_TOTP_CODE_INVALID: {
    status: 400,
    message: {
      en: 'The code is not correct; enter the current code from your authenticator app.',
      ja: 'コードが正しくありません。認証アプリに表示されている現在のコードを入力してください。',
    },
  },
  ERR_ACCOUNT_SECOND_FACTOR_MISSING: {
    status: 409,
    message: {
      en: 'Set up an authenticator app or a passkey first.',
      ja: '先に認証アプリまたはパスキーを設定してください。',
    },
  },
  ERR_ACCOUNT_PASSKEY_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no such passkey on your account.',
      ja: 'お使いのアカウントに該当するパスキーはありません。',
    },
  },

  // Authentication: signing in, second factors, passkeys, rate limits.
  ERR_AUTH_INVALID_CREDENTIALS: {
    status: 401,
    message: {
      en: 'The e-mail address or password is not correct.',
      ja: 'メールアドレスまたはパスワードが正しくありません。',
    },
  },
  ERR_AUTH_RATE_LIMITED: {
    status: 429,
    message: {
      en: 'Too many attempts. Try again in {seconds} seconds.',
      ja: '試行回数が多すぎます。{seconds} 秒後に再度お試しください。',
    },
  },
  ERR_AUTH_SECOND_FACTOR_REQUIRED: {
    status: 401,
    message: {
      en: 'Finish signing in with your second factor (authenticator app, passkey or recovery code).',
      ja: '2 段階認証（認証アプリ・パスキー・リカバリーコード）でサインインを完了してください。',
    },
  },
  ERR_AUTH_SECOND_FACTOR_INVALID: {
    status: 401,
    message: {
      en: 'The second factor is not correct.',
      ja: '2 段階認証のコードまたはパスキーが正しくありません。',
    },
  },
  ERR_AUTH_SECOND_FACTOR_NOT_PENDING: {
    status: 409,
    message: {
      en: 'This session does not need a second factor.',
      ja: 'このセッションでは 2 段階認証は不要です。',
    },
  },
  ERR_AUTH_PASSKEY_INVALID: {
    status: 400,
    message: {
      en: 'The passkey response could not be verified.',
      ja: 'パスキーの応答を検証できませんでした。',
    },
  },
  ERR_AUTH_CHALLENGE_EXPIRED: {
    status: 400,
    message: {
      en: 'The passkey request has expired or was already used; start again.',
      ja: 'パスキーの要求は期限切れか、すでに使用されています。最初からやり直してください。',
    },
  },

  // First-run set-up of the platform operator.
  ERR_SETUP_TOKEN_INVALID: {
    status: 400,
    message: {
      en: 'This set-up link is not valid, has expired or has been used; restart the server for a new one, or use akashi admin create-operator.',
      ja: 'このセットアップ用リンクは無効・期限切れ・使用済みのいずれかです。サーバーを再起動して新しいリンクを表示するか、akashi admin create-operator を使ってください。',
    },
  },
  ERR_SETUP_ALREADY_DONE: {
    status: 409,
    message: {
      en: 'The platform already has an operator.',
      ja: 'このプラットフォームにはすでに運営者がいます。',
    },
  },

  // E-mail.
  ERR_MAIL_UNAVAILABLE: {
    status: 503,
    message: {
      en: 'The e-mail could not be sent; the server log says why.',
      ja: 'メールを送信できませんでした。原因はサーバーのログに記録されています。',
    },
  },

  // Badge images (achievement image uploads): PNG and SVG only, checked and cleaned.
  ERR_IMAGE_UNSUPPORTED_TYPE: {
    status: 415,
    message: {
      en: 'The file is not a PNG or SVG image (it looks like {format}); a badge image must be PNG or SVG.',
      ja: 'ファイルが PNG・SVG 画像ではありません（{format} と判定しました）。バッジ画像には PNG または SVG を使ってください。',
    },
  },
  ERR_IMAGE_TOO_LARGE: {
    status: 413,
    message: {
      en: 'The image is {size} bytes, over the limit of {limit} bytes.',
      ja: '画像が {size} バイトあり、上限の {limit} バイトを超えています。',
    },
  },
  ERR_IMAGE_DIMENSIONS_TOO_LARGE: {
    status: 422,
    message: {
      en: 'The image is {width} × {height} pixels; the largest accepted is {maxWidth} × {maxHeight}.',
      ja: '画像が {width} × {height} ピクセルあり、上限の {maxWidth} × {maxHeight} ピクセルを超えています。',
    },
  },
  ERR_IMAGE_DECODED_TOO_LARGE: {
    status: 422,
    message: {
      en: 'Decoded, the image would take {size} bytes, over the limit of {limit}; use fewer pixels or a lower bit depth.',
      ja: '画像を展開すると {size} バイトになり、上限の {limit} バイトを超えます。画素数かビット深度を減らしてください。',
    },
  },
  ERR_IMAGE_PNG_MALFORMED: {
    status: 400,
    message: {
      en: 'The PNG image is damaged or is not a valid PNG file; export it again.',
      ja: 'PNG 画像が壊れているか、正しい PNG ファイルではありません。書き出し直してください。',
    },
  },
  ERR_IMAGE_SVG_MALFORMED: {
    status: 400,
    message: {
      en: 'The SVG image is not well-formed XML in a readable encoding (UTF-8, or the one its XML declaration names).',
      ja: 'SVG 画像が、読み取れる文字コード（UTF-8 または XML 宣言で指定したもの）の整形式の XML ではありません。',
    },
  },
  ERR_IMAGE_SVG_DOCTYPE: {
    status: 400,
    message: {
      en: 'The SVG declares entities or other markup in its DOCTYPE, which is refused for security (entity expansion, external entities); export it without a DOCTYPE.',
      ja: 'SVG の DOCTYPE でエンティティなどが宣言されているため、セキュリティ上の理由（エンティティ展開攻撃・外部エンティティ攻撃）で受け付けません。DOCTYPE なしで書き出してください。',
    },
  },
  ERR_IMAGE_SVG_TOO_COMPLEX: {
    status: 422,
    message: {
      en: 'The SVG image is too complex to accept (too many elements or namespace declarations, too deep nesting, or too many elements drawn through <use>); simplify it or upload a PNG.',
      ja: 'SVG 画像が複雑すぎるため受け付けられません（要素数・名前空間宣言の数・入れ子の深さ・<use> で描かれる要素数のいずれかが上限を超えています）。単純化するか PNG をアップロードしてください。',
    },
  },

  // Bulk awards: a file or array that cannot be read at all. Problems with single rows are not
  // HTTP errors: the dry-run report lists them (packages/server/src/bulk/award-row-issues.ts).
  ERR_BULK_FILE_TOO_LARGE: {
    status: 413,
    message: {
      en: 'The file is larger than the limit of {limit} bytes; split it into several files.',
      ja: 'ファイルが上限の {limit} バイトを超えています。複数のファイルに分けてください。',
    },
  },
  ERR_BULK_TOO_MANY_ROWS: {
    status: 422,
    message: {
      en: 'The file has more than {limit} rows; split it into several files.',
      ja: 'ファイルの行数が上限の {limit} 行を超えています。複数のファイルに分けてください。',
    },
  },
  ERR_BULK_ENCODING_UNKNOWN: {
    status: 422,
    message: {
      en: 'The file is neither UTF-8 nor Shift_JIS: read as {encoding}, the byte at offset {offset} (line {line}) is invalid. Save it from Excel as "CSV UTF-8 (comma delimited)" and upload it again.',
      ja: 'ファイルの文字コードが UTF-8 でも Shift_JIS でもありません（{encoding} として読むと、{line} 行目・オフセット {offset} バイト目が不正です）。Excel で「CSV UTF-8 (コンマ区切り)」として保存し、もう一度アップロードしてください。',
    },
  },
  ERR_BULK_CSV_MALFORMED: {
    status: 422,
    message: {
      en: 'The file cannot be read as CSV from row {row} on: check the double quotes there (a quoted value must end with a quote).',
      ja: 'ファイルの {row} 行目以降を CSV として読み取れません。その行のダブルクォートを確認してください（「"」で始めた値は「"」で閉じる必要があります）。',
    },
  },
  ERR_BULK_FILE_EMPTY: {
    status: 422,
    message: {
      en: 'The file has no header row: the first row must name the columns (such as メールアドレス, 氏名).',
      ja: 'ファイルに見出し行がありません。1 行目に列の見出し（メールアドレス、氏名など）を入れてください。',
    },
  },
  ERR_BULK_JSON_NOT_ARRAY: {
    status: 400,
    message: {
      en: 'The awards must be sent as a JSON array of objects.',
      ja: '授与データは、オブジェクトの JSON 配列で送ってください。',
    },
  },

  // The domains that keep their codes beside their code.
  ...ISSUER_ERRORS,
  ...ACHIEVEMENT_ERRORS,
  ...AWARD_ERRORS,
  ...STATUS_LIST_ERRORS,
  ...BULK_JOB_ERRORS,
  ...WEBHOOK_ERRORS,
  ...NOTIFICATION_ERRORS,
  ...BADGE_PAGE_ERRORS,
  ...VC_API_ERRORS,
  ...VERIFICATION_ERRORS,
  ...WALLET_ERRORS,
  ...WALLET_CLAIM_ERRORS,
  ...WALLET_SHARING_ERRORS,
  ...OAUTH_ERRORS,
  ...OB3_API_ERRORS,
  ...BADGE_CONNECT_ERRORS,
  ...WALLET_CONNECTION_ERRORS,
  ...WALLET_DELIVERY_ERRORS,
  ...OID4VCI_ERRORS,
} as const satisfies ErrorTable;

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
