/**
 * Every code a verification check can carry, with its message in English and Japanese.
 * `{name}` placeholders are filled from the check's parameters.
 */
import type { LocalizedMessage } from '../errors/akashi-error.js';

const MESSAGES = {
  PARSE_OK: ['Parsed as {format}.', '{format} として読み取りました。'],
  ERR_PARSE_EMPTY: ['The input is empty.', '入力が空です。'],
  ERR_PARSE_TOO_LARGE: [
    'The input is larger than {limit} bytes.',
    '入力が上限 {limit} バイトを超えています。',
  ],
  ERR_PARSE_JSON: [
    'The input is not valid JSON: {reason}',
    '入力が正しい JSON ではありません: {reason}',
  ],
  ERR_PARSE_NOT_OBJECT: [
    'The credential must be a JSON object.',
    '資格情報は JSON オブジェクトでなければなりません。',
  ],
  ERR_PARSE_JWT: [
    'The input is not a readable VC-JWT: {reason}',
    'VC-JWT として読み取れません: {reason}',
  ],
  ERR_PARSE_IMAGE: ['The badge image is malformed: {reason}', 'バッジ画像が壊れています: {reason}'],
  ERR_PARSE_NO_CREDENTIAL: [
    'The image carries no baked credential.',
    '画像に資格情報が埋め込まれていません。',
  ],
  ERR_PARSE_UNKNOWN_FORMAT: [
    'The input is neither JSON, a JWT, nor a PNG or SVG badge image.',
    '入力が JSON・JWT・PNG/SVG のバッジ画像のいずれでもありません。',
  ],
  CONTEXT_OK: ['@context is correct.', '@context は正しい形式です。'],
  ERR_CONTEXT_MISSING: [
    '@context is missing or not a list.',
    '@context がないか、リストではありません。',
  ],
  ERR_CONTEXT_VC_FIRST: [
    'The first @context entry must be https://www.w3.org/ns/credentials/v2 (or the VC 1.1 context).',
    '@context の最初は https://www.w3.org/ns/credentials/v2（または VC 1.1 のコンテキスト）でなければなりません。',
  ],
  ERR_CONTEXT_OB_MISSING: [
    'The second @context entry must be an Open Badges 3.0 context.',
    '@context の 2 番目は Open Badges 3.0 のコンテキストでなければなりません。',
  ],
  ERR_CONTEXT_EXTENSIONS_MISSING: [
    'The type {type} needs the context https://purl.imsglobal.org/spec/ob/v3p0/extensions.json.',
    '型 {type} には https://purl.imsglobal.org/spec/ob/v3p0/extensions.json のコンテキストが必要です。',
  ],
  JSONLD_OK: [
    'Every term is defined (JSON-LD safe mode).',
    'すべての用語が定義されています（JSON-LD セーフモード）。',
  ],
  ERR_JSONLD_UNDEFINED_TERM: [
    'JSON-LD safe mode failed: {reason}',
    'JSON-LD セーフモードの検証に失敗しました: {reason}',
  ],
  ERR_JSONLD_CONTEXT_NOT_BUNDLED: [
    'The context {url} is unknown; remote contexts are never fetched.',
    'コンテキスト {url} は未知です。リモートのコンテキストは取得しません。',
  ],
  SCHEMA_OK: [
    'The credential matches the Open Badges 3.0 schema.',
    '資格情報は Open Badges 3.0 のスキーマに適合しています。',
  ],
  ERR_SCHEMA_TYPE: [
    'type must include VerifiableCredential and OpenBadgeCredential (or AchievementCredential).',
    'type には VerifiableCredential と OpenBadgeCredential（または AchievementCredential）が必要です。',
  ],
  ERR_SCHEMA_INVALID: [
    'The credential does not match the schema: {reason}',
    '資格情報がスキーマに適合しません: {reason}',
  ],
  PROOF_OK: ['The {suite} signature is valid.', '{suite} の署名は有効です。'],
  PROOF_NOT_CHECKED: ['The proof was not checked: {reason}', '署名は検証していません: {reason}'],
  ERR_PROOF_MISSING: ['The credential carries no proof.', '資格情報に署名（proof）がありません。'],
  ERR_PROOF_UNSUPPORTED: ['No supported proof: {reason}', '対応している署名がありません: {reason}'],
  ERR_PROOF_MALFORMED: [
    'The proof is malformed: {reason}',
    '署名の形式が正しくありません: {reason}',
  ],
  ERR_PROOF_PURPOSE: [
    'proofPurpose must be assertionMethod.',
    'proofPurpose は assertionMethod でなければなりません。',
  ],
  ERR_PROOF_SIGNATURE: [
    'The signature does not match the credential: it was altered or signed with another key.',
    '署名が資格情報と一致しません。改ざんされたか、別の鍵で署名されています。',
  ],
  ERR_PROOF_METHOD_UNSUPPORTED: [
    'The verification method {method} uses an unsupported scheme or DID method.',
    '検証メソッド {method} は対応していない方式または DID メソッドです。',
  ],
  ERR_PROOF_METHOD_INVALID: [
    'The verification method {method} is invalid: {reason}',
    '検証メソッド {method} が正しくありません: {reason}',
  ],
  ERR_PROOF_METHOD_UNREACHABLE: [
    'The key {method} could not be retrieved (network): {reason}',
    '鍵 {method} を取得できませんでした（ネットワーク）: {reason}',
  ],
  ERR_PROOF_JWT: ['The VC-JWT is not valid: {reason}', 'VC-JWT が有効ではありません: {reason}'],
  ISSUER_OK: ['The key belongs to the issuer {issuer}.', '鍵は発行者 {issuer} のものです。'],
  ISSUER_KEY_IN_FRAGMENT: [
    'The key is taken from the verification method URL itself; the issuer {issuer} did not confirm it (1EdTech validator compatibility).',
    '鍵を検証メソッド URL から直接取得しました。発行者 {issuer} による確認はありません（1EdTech 検証ツール互換）。',
  ],
  ISSUER_KEY_EMBEDDED: [
    'The key is embedded in the VC-JWT header; the issuer {issuer} did not confirm it (1EdTech validator compatibility).',
    '鍵は VC-JWT のヘッダーに埋め込まれたものです。発行者 {issuer} による確認はありません（1EdTech 検証ツール互換）。',
  ],
  ISSUER_UNCONFIRMED: [
    'The issuer {issuer} is not a resolvable identifier, so the key of {controller} cannot be tied to it (1EdTech validator compatibility).',
    '発行者 {issuer} は解決できる識別子ではないため、{controller} の鍵と結び付けられません（1EdTech 検証ツール互換）。',
  ],
  ISSUER_NOT_CHECKED: [
    'The issuer was not checked because the proof did not pass.',
    '署名が無効のため、発行者は確認していません。',
  ],
  ERR_ISSUER_CONTROLLER_MISMATCH: [
    'The signing key is controlled by {controller}, not by the issuer {issuer}.',
    '署名鍵の管理者は {controller} であり、発行者 {issuer} ではありません。',
  ],
  ERR_ISSUER_NOT_AUTHORIZED: [
    'The issuer {issuer} does not list the key {method} for assertions.',
    '発行者 {issuer} は鍵 {method} を assertionMethod に登録していません。',
  ],
  ERR_ISSUER_MISSING: [
    'The credential names no issuer id.',
    '資格情報に発行者の ID がありません。',
  ],
  VALIDITY_OK: ['The credential is within its validity period.', '資格情報は有効期間内です。'],
  ERR_VALIDITY_EXPIRED: [
    'The credential expired on {date}.',
    '資格情報は {date} に有効期限が切れています。',
  ],
  ERR_VALIDITY_NOT_YET_VALID: [
    'The credential is not valid before {date}.',
    '資格情報は {date} まで有効になりません。',
  ],
  ERR_VALIDITY_MALFORMED: [
    '{property} is not a date-time with a time zone.',
    '{property} がタイムゾーン付きの日時ではありません。',
  ],
  ERR_VALIDITY_MISSING: [
    'The credential has no validFrom (or issuanceDate).',
    '資格情報に validFrom（または issuanceDate）がありません。',
  ],
  STATUS_OK: [
    'The issuer has not revoked or suspended the credential.',
    '発行者はこの資格情報を失効・一時停止していません。',
  ],
  STATUS_NONE: [
    'The credential has no status entry.',
    '資格情報に状態（credentialStatus）がありません。',
  ],
  STATUS_UNSUPPORTED: [
    'The status type {type} is not checked.',
    '状態の種類 {type} は確認していません。',
  ],
  STATUS_REVOKED: [
    'The issuer has revoked the credential.',
    '発行者はこの資格情報を失効させました。',
  ],
  STATUS_SUSPENDED: [
    'The issuer has suspended the credential.',
    '発行者はこの資格情報を一時停止しています。',
  ],
  ERR_STATUS_MALFORMED: [
    'The status entry is malformed: {reason}',
    '状態の記述が正しくありません: {reason}',
  ],
  ERR_STATUS_UNREACHABLE: [
    'The status list {url} could not be retrieved (network): {reason}',
    '状態リスト {url} を取得できませんでした（ネットワーク）: {reason}',
  ],
  ERR_STATUS_LIST_INVALID: [
    'The status list is not valid: {reason}',
    '状態リストが有効ではありません: {reason}',
  ],
  RECIPIENT_OK: [
    'The credential was issued to {recipient}.',
    '資格情報は {recipient} に発行されたものです。',
  ],
  RECIPIENT_NOT_CHECKED: [
    'No recipient was given to compare with.',
    '照合する受領者が指定されていません。',
  ],
  ERR_RECIPIENT_MISMATCH: [
    'The credential was not issued to {recipient}.',
    '資格情報は {recipient} に発行されたものではありません。',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type VerifyCode = keyof typeof MESSAGES;

export const VERIFY_CODES = Object.keys(MESSAGES) as VerifyCode[];

const fill = (template: string, params: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });

export const messageFor = (
  code: VerifyCode,
  params: Readonly<Record<string, string | number>> = {},
): LocalizedMessage => {
  const [en, ja] = MESSAGES[code];
  return { en: fill(en, params), ja: fill(ja, params) };
};
