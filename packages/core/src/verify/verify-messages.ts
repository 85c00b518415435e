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
  ERR_PARSE_TOO_DEEP: [
    'The document nests deeper than {limit} levels; no credential is shaped like that.',
    '文書の入れ子が {limit} 段を超えています。そのような形の資格情報はありません。',
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
  ERR_PARSE_UNREACHABLE: [
    'The badge at {url} could not be retrieved (network): {reason}',
    '{url} のバッジを取得できませんでした（ネットワーク）: {reason}',
  ],
  ERR_PARSE_NOT_FOUND: [
    '{url} answered HTTP {status}: there is no badge there.',
    '{url} は HTTP {status} を返しました。バッジがありません。',
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
  SCHEMA_OK_WITH_CREDENTIAL_SCHEMA: [
    'The credential matches the Open Badges 3.0 schema and the {count} schema(s) listed in its credentialSchema.',
    '資格情報は Open Badges 3.0 のスキーマと、credentialSchema に挙げられた {count} 件のスキーマに適合しています。',
  ],
  CREDENTIAL_SCHEMA_OK: [
    'The credential matches this credentialSchema.',
    '資格情報はこの credentialSchema に適合しています。',
  ],
  CREDENTIAL_SCHEMA_UNSUPPORTED: [
    'The credentialSchema type {type} is not checked.',
    'credentialSchema の種類 {type} は確認していません。',
  ],
  CREDENTIAL_SCHEMA_CANONICAL: [
    'The credentialSchema {url} is the 1EdTech canonical schema; as in the 1EdTech validator, the built-in Open Badges check stands in for it.',
    'credentialSchema {url} は 1EdTech の標準スキーマです。1EdTech 検証ツールと同じく、組み込みの Open Badges の検証で代えています。',
  ],
  CREDENTIAL_SCHEMA_NOT_CHECKED: [
    'The credentialSchema {url} was not checked: at most {limit} schemas are checked.',
    'credentialSchema {url} は確認していません。確認するスキーマは最大 {limit} 件です。',
  ],
  ERR_CREDENTIAL_SCHEMA_MISMATCH: [
    'The credential does not match its credentialSchema {url}: {reason}',
    '資格情報が credentialSchema {url} に適合しません: {reason}',
  ],
  ERR_CREDENTIAL_SCHEMA_NOT_FOUND: [
    'The credentialSchema {url} does not exist (HTTP {status}).',
    'credentialSchema {url} は存在しません（HTTP {status}）。',
  ],
  ERR_CREDENTIAL_SCHEMA_UNREACHABLE: [
    'The credentialSchema {url} could not be retrieved (network): {reason}',
    'credentialSchema {url} を取得できませんでした（ネットワーク）: {reason}',
  ],
  ERR_CREDENTIAL_SCHEMA_UNUSABLE: [
    'The credentialSchema {url} is not a usable JSON Schema: {reason}',
    'credentialSchema {url} は利用できる JSON Schema ではありません: {reason}',
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
  REFRESH_NONE: [
    'The credential has no refreshService.',
    '資格情報に更新サービス（refreshService）はありません。',
  ],
  REFRESH_NOT_FOLLOWED: [
    'The refreshService was not followed: {reason}.',
    '更新サービス（refreshService）は利用していません: {reason}。',
  ],
  REFRESH_OK: [
    'The credential was refreshed from {url}; status and validity are those of the refreshed credential.',
    '資格情報を {url} から更新しました。状態と有効期間は更新後の資格情報で判定しています。',
  ],
  ERR_REFRESH_UNREACHABLE: [
    'The refreshed credential at {url} could not be retrieved or fully checked (network: {reason}); the original credential is used.',
    '{url} の更新後の資格情報を取得または完全に確認できませんでした（ネットワーク: {reason}）。元の資格情報で判定しています。',
  ],
  ERR_REFRESH_INVALID: [
    'The refreshed credential at {url} is not usable ({reason}); the original credential is used.',
    '{url} の更新後の資格情報は利用できません（{reason}）。元の資格情報で判定しています。',
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
  // --- Open Badges 2.0 (packages/core/src/ob2, verifyOb2) ---
  OB2_PARSE_UPGRADED: [
    'Parsed as {format}; upgraded from Open Badges {version} to 2.0 ({changes}).',
    '{format} として読み取り、Open Badges {version} から 2.0 に変換しました（{changes}）。',
  ],
  ERR_OB2_NOT_ASSERTION: [
    'A signed, baked or hosted badge must carry an Assertion; this one carries {type}.',
    '署名付き・埋め込み・ホスト型のバッジには Assertion が必要ですが、これは {type} です。',
  ],
  ERR_OB2_PARSE_JWS: [
    'The input is not a readable JWS: {reason}',
    'JWS として読み取れません: {reason}',
  ],
  ERR_OB2_CONTEXT_INVALID: [
    '@context must be the Open Badges 2.0 context https://w3id.org/openbadges/v2 (found {context}).',
    '@context は Open Badges 2.0 のコンテキスト https://w3id.org/openbadges/v2 でなければなりません（{context}）。',
  ],
  OB2_JSONLD_OK: [
    'The badge objects expand under their JSON-LD contexts and every type is defined.',
    'バッジの各オブジェクトは JSON-LD コンテキストで展開でき、すべての型が定義されています。',
  ],
  ERR_OB2_JSONLD_UNDEFINED_TYPE: [
    'The type {type} of the {object} is not defined by its JSON-LD context.',
    '{object} の型 {type} は JSON-LD コンテキストで定義されていません。',
  ],
  ERR_OB2_JSONLD_INVALID: [
    'The {object} is not valid JSON-LD: {reason}',
    '{object} は正しい JSON-LD ではありません: {reason}',
  ],
  OB2_SCHEMA_OK: [
    'The {objects} match the Open Badges 2.0 data model.',
    '{objects} は Open Badges 2.0 のデータモデルに適合しています。',
  ],
  OB2_SCHEMA_NOT_OB_CLASS: [
    'The types {types} are not Open Badges 2.0 classes; only the JSON-LD was checked.',
    '型 {types} は Open Badges 2.0 のクラスではないため、JSON-LD のみ確認しました。',
  ],
  ERR_OB2_SCHEMA_INVALID: [
    'The {object} does not match the Open Badges 2.0 data model: {reason}',
    '{object} が Open Badges 2.0 のデータモデルに適合しません: {reason}',
  ],
  ERR_OB2_SCHEMA_CLASS: [
    'The type of the {object} must be {expected}; found {found}.',
    '{object} の型は {expected} でなければなりません（実際は {found}）。',
  ],
  OB2_HOSTED_OK: [
    'The issuer serves the assertion at its id {url}.',
    '発行者はアサーションをその ID {url} で公開しています。',
  ],
  OB2_HOSTED_GONE: [
    "The issuer's server answered 410 Gone for {url}: the assertion was revoked.",
    '発行者のサーバーは {url} に 410 Gone を返しました。アサーションは失効しています。',
  ],
  ERR_OB2_HOSTED_NOT_HTTP: [
    "A hosted assertion's id must be an HTTP(S) URL, not {id}.",
    'ホスト型アサーションの ID は HTTP(S) の URL でなければなりません（{id}）。',
  ],
  ERR_OB2_HOSTED_UNREACHABLE: [
    'The hosted assertion {url} could not be retrieved (network): {reason}',
    'ホスト型アサーション {url} を取得できませんでした（ネットワーク）: {reason}',
  ],
  ERR_OB2_HOSTED_HTTP: [
    "The issuer's server answered HTTP {status} for the assertion {url}.",
    '発行者のサーバーはアサーション {url} に HTTP {status} を返しました。',
  ],
  ERR_OB2_HOSTED_MALFORMED: [
    '{url} did not return an Open Badges assertion: {reason}',
    '{url} は Open Badges のアサーションを返しませんでした: {reason}',
  ],
  ERR_OB2_HOSTED_ID_MISMATCH: [
    'The assertion served at {url} declares another id, {id}.',
    '{url} で公開されているアサーションは別の ID（{id}）を名乗っています。',
  ],
  OB2_SIGNED_OK: [
    "The JWS is signed with the issuer's key {key}.",
    'JWS は発行者の鍵 {key} で署名されています。',
  ],
  ERR_OB2_SIGNED_NOT_JWS: [
    'The assertion declares signed verification but was not given as a JWS.',
    'アサーションは署名検証を宣言していますが、JWS として渡されていません。',
  ],
  ERR_OB2_SIGNED_ALG: [
    'The JWS algorithm {alg} is not accepted (RS256 only).',
    'JWS のアルゴリズム {alg} は受け付けません（RS256 のみ）。',
  ],
  ERR_OB2_SIGNED_NO_KEYS: [
    'The issuer {issuer} lists no publicKey, so the signature cannot be tied to it.',
    '発行者 {issuer} は publicKey を公開していないため、署名を発行者と結び付けられません。',
  ],
  ERR_OB2_SIGNED_CREATOR: [
    'verification.creator {creator} is not one of the keys of the issuer {issuer}.',
    'verification.creator {creator} は発行者 {issuer} の鍵ではありません。',
  ],
  OB2_ORIGIN_OK: [
    'The assertion {id} is hosted where the issuer {issuer} allows.',
    'アサーション {id} は発行者 {issuer} が認める場所で公開されています。',
  ],
  OB2_ORIGIN_UNENFORCEABLE: [
    'The issuer id {issuer} is not an HTTP URL, so where its assertions may be hosted cannot be checked (accepted, as the 1EdTech validator does).',
    '発行者 ID {issuer} は HTTP の URL ではないため、アサーションの公開場所を確認できません（1EdTech 検証ツールと同様に受け入れます）。',
  ],
  ERR_OB2_ORIGIN_STARTS_WITH: [
    'The assertion {id} does not start with a prefix the issuer {issuer} allows ({prefixes}).',
    'アサーション {id} は発行者 {issuer} が認める接頭辞（{prefixes}）で始まっていません。',
  ],
  ERR_OB2_ORIGIN_HOST: [
    'The assertion {id} is not hosted on a host the issuer {issuer} allows ({hosts}).',
    'アサーション {id} は発行者 {issuer} が認めるホスト（{hosts}）で公開されていません。',
  ],
  ERR_OB2_LINKED_UNREACHABLE: [
    'The {object} {url} could not be retrieved (network): {reason}',
    '{object} {url} を取得できませんでした（ネットワーク）: {reason}',
  ],
  ERR_OB2_LINKED_HTTP: [
    'The {object} {url} could not be retrieved: HTTP {status}.',
    '{object} {url} を取得できませんでした: HTTP {status}。',
  ],
  ERR_OB2_LINKED_MALFORMED: [
    'The {object} at {url} is not a JSON badge object: {reason}',
    '{url} の {object} は JSON のバッジオブジェクトではありません: {reason}',
  ],
  ERR_OB2_LINKED_ID_HOST: [
    'The {object} fetched from {url} declares the id {id}, on another host.',
    '{url} から取得した {object} は別のホストの ID（{id}）を名乗っています。',
  ],
  ERR_OB2_DATE_MALFORMED: [
    '{property} is not an ISO 8601 date-time: {value}',
    '{property} が ISO 8601 の日時ではありません: {value}',
  ],
  ERR_OB2_EXPIRES_BEFORE_ISSUED: [
    'expires ({expires}) is before issuedOn ({issuedOn}).',
    'expires（{expires}）が issuedOn（{issuedOn}）より前です。',
  ],
  OB2_NOT_CHECKED: ['Not checked: {reason}', '確認していません: {reason}'],
  // --- end of Open Badges 2.0 ---
  ENDORSEMENTS_NONE: [
    'The credential carries no endorsements.',
    '資格情報に推薦（endorsement）はありません。',
  ],
  ENDORSEMENTS_OK: [
    'All {count} endorsement(s) are valid.',
    '{count} 件の推薦（endorsement）はすべて有効です。',
  ],
  ERR_ENDORSEMENT_INVALID: [
    '{failed} of {count} endorsement(s) are not valid: {paths}',
    '{count} 件中 {failed} 件の推薦（endorsement）が有効ではありません: {paths}',
  ],
  ERR_ENDORSEMENT_INDETERMINATE: [
    '{unsure} of {count} endorsement(s) could not be verified completely (network): {paths}',
    '{count} 件中 {unsure} 件の推薦（endorsement）を完全には検証できませんでした（ネットワーク）: {paths}',
  ],
  ERR_ENDORSEMENT_LIMIT: [
    'Not verified: endorsements are verified at most {depth} levels deep and {limit} in all.',
    '検証していません。推薦（endorsement）の検証は {depth} 階層まで、合計 {limit} 件までです。',
  ],
  ERR_ENDORSEMENT_TYPE: [
    'An endorsement must have the type EndorsementCredential.',
    '推薦（endorsement）の type には EndorsementCredential が必要です。',
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
