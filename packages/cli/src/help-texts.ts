/** The help of every command, in English and Japanese. */
import type { LocalizedMessage } from '@akashi/core';

export type HelpTopic =
  | 'akashi'
  | 'keys'
  | 'keys generate'
  | 'issue'
  | 'verify'
  | 'bake'
  | 'extract'
  | 'db'
  | 'db migrate'
  | 'admin'
  | 'admin create-org'
  | 'admin create-api-key'
  | 'admin create-operator'
  | 'certificate'
  | 'certificate render';

const EXIT_STATUS_EN = `Exit status:
  0  success (verify: the credential is valid)
  1  the operation failed, or the credential is not valid (invalid, revoked, suspended,
     expired, not yet valid, indeterminate)
  2  bad usage, or input that cannot be used (missing file, not JSON, not a credential,
     not a PNG/SVG image, malformed key or achievement)`;

const EXIT_STATUS_JA = `終了ステータス:
  0  成功（verify では資格情報が有効）
  1  処理に失敗した、または資格情報が有効でない（無効・失効・一時停止・期限切れ・
     有効期間前・判定不能）
  2  使い方の誤り、または使えない入力（ファイルがない、JSON でない、資格情報でない、
     PNG/SVG 画像でない、鍵やアチーブメントの形式が正しくない）`;

const AKASHI: LocalizedMessage = {
  en: `akashi: Open Badges 3.0 on the command line

Usage: akashi <command> [options]

Commands:
  keys generate   Generate a signing key (Ed25519, P-256 or RSA) as a private JWK file
  issue           Issue a signed OpenBadgeCredential (Data Integrity or VC-JWT)
  verify          Verify a credential: JSON, VC-JWT, or a baked PNG/SVG badge
  bake            Bake a credential into a PNG or SVG image
  extract         Print the credential baked into a PNG or SVG image
  certificate render  Make a printable PDF certificate (sealed with --p12 or --csc-url)
  db migrate      Apply the platform server's pending database migrations
  admin ...       Operator commands on the server's database (see akashi admin --help)

Global options:
  --lang ja|en    Language of all messages (default: Japanese when LC_ALL, LC_MESSAGES
                  or LANG starts with "ja", else English)
  -h, --help      Show help; also "akashi help <command>" and "akashi <command> --help"
  --version       Print the version

${EXIT_STATUS_EN}`,
  ja: `akashi: コマンドラインで扱う Open Badges 3.0

使い方: akashi <コマンド> [オプション]

コマンド:
  keys generate   署名鍵（Ed25519・P-256・RSA）を作り、秘密鍵の JWK ファイルに保存する
  issue           署名付きの OpenBadgeCredential を発行する（Data Integrity または VC-JWT）
  verify          資格情報を検証する（JSON・VC-JWT・バッジ画像 PNG/SVG）
  bake            資格情報を PNG または SVG 画像に焼き込む
  extract         PNG または SVG 画像に焼き込まれた資格情報を取り出す
  certificate render  印刷用の PDF 証明書を作る（--p12 か --csc-url で電子印を付ける）
  db migrate      プラットフォームサーバーのデータベースに未適用の移行を適用する
  admin ...       サーバーのデータベースに対する運営者用コマンド（akashi admin --help を参照）

共通オプション:
  --lang ja|en    表示言語（既定: LC_ALL・LC_MESSAGES・LANG が "ja" で始まれば日本語、
                  それ以外は英語）
  -h, --help      ヘルプを表示（"akashi help <コマンド>"、"akashi <コマンド> --help" も可）
  --version       バージョンを表示

${EXIT_STATUS_JA}`,
};

const KEYS: LocalizedMessage = {
  en: `Usage: akashi keys <subcommand>

Subcommands:
  generate   Generate a signing key as a private JWK file (see akashi keys generate --help)`,
  ja: `使い方: akashi keys <サブコマンド>

サブコマンド:
  generate   署名鍵を作り、秘密鍵の JWK ファイルに保存する（akashi keys generate --help を参照）`,
};

const KEYS_GENERATE: LocalizedMessage = {
  en: `Usage: akashi keys generate --type ed25519|p256|rsa --out KEY.json [--force]

Generates a signing key and writes it as a private JWK (with "kid" and "alg") that only you can
read (mode 0600). Prints the public JWK and, for Ed25519 and P-256 keys, the did:key.

Key types:
  ed25519   EdDSA: Data Integrity proofs (eddsa-rdfc-2022) and VC-JWT
  p256      ES256 (P-256): VC-JWT only
  rsa       RS256 (2048 bits): VC-JWT only; has no did:key

Options:
  --type TYPE      The key type (required)
  -o, --out FILE   Where to write the private JWK (required)
  --force          Replace FILE if it exists (refused otherwise)`,
  ja: `使い方: akashi keys generate --type ed25519|p256|rsa --out KEY.json [--force]

署名鍵を作り、"kid" と "alg" 付きの秘密鍵 JWK として、本人だけが読めるファイル（モード 0600）に
書き込みます。公開鍵の JWK と、Ed25519・P-256 鍵では did:key も表示します。

鍵の種類:
  ed25519   EdDSA: Data Integrity 署名（eddsa-rdfc-2022）と VC-JWT
  p256      ES256（P-256）: VC-JWT のみ
  rsa       RS256（2048 ビット）: VC-JWT のみ。did:key はありません

オプション:
  --type 種類        鍵の種類（必須）
  -o, --out ファイル   秘密鍵 JWK の書き込み先（必須）
  --force            ファイルが既にあれば置き換える（指定しなければ上書きしません）`,
};

const ISSUE: LocalizedMessage = {
  en: `Usage: akashi issue --key KEY.json --achievement ACHIEVEMENT.json --recipient EMAIL [options]

Issues an OpenBadgeCredential that awards the achievement to the recipient, signed with the key.
Prints the credential (JSON for di, the compact JWT for jwt) or writes it to --out.

Required:
  --key FILE            The issuer's private JWK (from akashi keys generate)
  --achievement FILE    The Achievement as JSON: id, name, description, criteria, image, ...
  --recipient EMAIL     The recipient's e-mail address; the credential carries it as a salted
                        SHA-256 hash (an IdentityObject), not in plain text

Options:
  --issuer-id URI       The issuer's id (a DID or an https URL). Default: the key's did:key
                        (Ed25519 and P-256 keys; an RSA key needs --issuer-id)
  --issuer-name NAME    The issuer's display name (default: the achievement creator's name,
                        else the issuer id)
  --format di|jwt       di (default): an embedded DataIntegrityProof, eddsa-rdfc-2022, Ed25519
                        keys only. jwt: a VC-JWT signed with EdDSA, ES256 or RS256
  --subject-id URI      credentialSubject.id, e.g. the holder's DID. A VC-JWT needs one (its
                        "sub" claim): without this option --format jwt uses mailto:EMAIL, which
                        puts the address in the credential in plain text. di needs none.
  --valid-from DATE     validFrom, a date-time with a time zone (default: now)
  --valid-until DATE    validUntil, a date-time with a time zone (default: none)
  -o, --out FILE        Write the credential to FILE instead of standard output

A did:key issuer is checked offline; an https or did:web issuer's key is fetched from the
issuer when the credential is verified.`,
  ja: `使い方: akashi issue --key KEY.json --achievement ACHIEVEMENT.json --recipient メール [オプション]

アチーブメントを受領者に授与する OpenBadgeCredential を発行し、鍵で署名します。
資格情報（di は JSON、jwt はコンパクト形式の JWT）を表示するか、--out のファイルに書き込みます。

必須:
  --key ファイル          発行者の秘密鍵 JWK（akashi keys generate で作成）
  --achievement ファイル  アチーブメントの JSON（id・name・description・criteria・image など）
  --recipient メール      受領者のメールアドレス。資格情報には平文ではなく、ソルト付き SHA-256
                          ハッシュ（IdentityObject）として記録されます

オプション:
  --issuer-id URI       発行者の ID（DID または https の URL）。既定: 鍵の did:key
                        （Ed25519・P-256 鍵。RSA 鍵では --issuer-id が必要）
  --issuer-name 名前     発行者の表示名（既定: アチーブメント作成者の名前、なければ発行者 ID）
  --format di|jwt       di（既定）: 埋め込み DataIntegrityProof（eddsa-rdfc-2022、Ed25519 鍵のみ）。
                        jwt: EdDSA・ES256・RS256 で署名した VC-JWT
  --subject-id URI      credentialSubject.id（例: 所持者の DID）。VC-JWT には必須（"sub" クレーム）で、
                        指定しなければ --format jwt は mailto:メール を使うため、メールアドレスが
                        平文で資格情報に入ります。di では不要です
  --valid-from 日時      validFrom（タイムゾーン付き日時。既定: 現在）
  --valid-until 日時     validUntil（タイムゾーン付き日時。既定: なし）
  -o, --out ファイル      標準出力ではなくファイルに書き込む

did:key の発行者はオフラインで確認できます。https や did:web の発行者の鍵は、検証のときに
発行者から取得します。`,
};

const VERIFY: LocalizedMessage = {
  en: `Usage: akashi verify INPUT [--json] [--recipient VALUE] [--allow-host HOST[:PORT]]...
                     [--trust CA.pem]...

Verifies an Open Badges 2.0 or 3.0 badge and reports every check. INPUT is an https URL (a
hosted assertion or a published credential), a file (credential or assertion JSON, a compact
VC-JWT or OB 2.0 JWS, a baked PNG or SVG badge, a sealed PDF certificate) or - for standard
input. For a PDF: every seal (byte range, CMS signature, time-stamp, changes after sealing),
the signer's chain to the --trust anchors, and the credential embedded in it.

Options:
  --json                    Print the whole verification report as JSON
  --recipient VALUE         Also check that the badge was issued to this e-mail
                            address, URL or DID
  --allow-host HOST[:PORT]  Repeatable. Lets the fetcher reach this host even on a loopback or
                            private address, and over plain http (for testing and intranets)
  --trust CA.pem            Repeatable. PEM certificate(s) a PDF's seal must chain to; without
                            it the seal's signer is not confirmed (indeterminate)

Marks: ✓ passed  ✗ failed  – skipped  ! could not be completed

Remote documents (hosted assertions, issuer profiles, keys, DID documents, status and
revocation lists, schemas) are fetched over https from public addresses only, with timeouts
and size caps. A part that cannot be reached makes the verdict "indeterminate" (exit 1), never
"invalid". Keys are strict: a key the issuer does not publish itself (for example an https
"...#z6Mk..." URL that cannot be fetched, as in the 1EdTech validator's samples) is not
trusted.

Exit status:
  0  valid
  1  invalid, revoked, suspended, expired, not yet valid or indeterminate
  2  unreadable input (missing file; not JSON, a JWT, or a PNG/SVG image; an image without a
     baked credential) or bad usage. A JSON object that is not a credential, such as {}, is
     readable: it is "invalid" (exit 1).`,
  ja: `使い方: akashi verify 入力 [--json] [--recipient 値] [--allow-host ホスト[:ポート]]...
                  [--trust CA.pem]...

Open Badges 2.0・3.0 のバッジを検証し、すべての確認項目を報告します。入力は https の URL（ホスト型
アサーションや公開された資格情報）、ファイル（資格情報・アサーションの JSON、コンパクト形式の
VC-JWT・OB 2.0 の JWS、焼き込み済みの PNG・SVG バッジ、電子印付きの PDF 証明書）、または標準入力を
表す - です。PDF では、各電子印（署名範囲、CMS 署名、タイムスタンプ、封印後の変更）、--trust の
信頼点までの証明書チェーン、埋め込まれた資格情報を確認します。

オプション:
  --json                      検証レポート全体を JSON で表示する
  --recipient 値              バッジがこのメールアドレス・URL・DID に発行されたものかも確認する
  --allow-host ホスト[:ポート]   複数指定可。ループバックやプライベートアドレス上のこのホストへの
                              接続と平文 http を許可する（テストや社内ネットワーク用）
  --trust CA.pem              複数指定可。PDF の電子印がつながるべき PEM 証明書。指定しないと
                              封印した者を確認できません（判定不能）

記号: ✓ 合格  ✗ 不合格  – 省略  ! 確認できず

リモートの文書（ホスト型アサーション、発行者プロフィール、鍵、DID 文書、状態・失効リスト、スキーマ）は、
公開アドレスから https でのみ、タイムアウトとサイズ上限付きで取得します。取得できない部分があると
判定は「判定不能」（終了ステータス 1）となり、「無効」にはしません。鍵の扱いは厳格で、発行者自身が
公開していない鍵（取得できない https の "...#z6Mk..." という URL など。1EdTech 検証ツールの
サンプルに見られる形）は信用しません。

終了ステータス:
  0  有効
  1  無効・失効・一時停止・期限切れ・有効期間前・判定不能
  2  読み取れない入力（ファイルがない、JSON・JWT・PNG/SVG 画像のいずれでもない、画像に資格情報が
     焼き込まれていない）または使い方の誤り。{} のように資格情報でない JSON オブジェクトは
     読み取れるので「無効」（終了ステータス 1）です。`,
};

const BAKE: LocalizedMessage = {
  en: `Usage: akashi bake --image IMAGE --credential FILE --out OUT

Bakes a credential into a PNG (an iTXt chunk "openbadgecredential") or an SVG
(<openbadges:credential>) image, as Open Badges 3.0 specifies. The image type is told by
content, not by file name. FILE holds the credential as JSON (with an embedded proof) or as a
compact VC-JWT.

Options (all required):
  --image IMAGE        The plain PNG or SVG badge image
  --credential FILE    The credential to bake
  -o, --out OUT        Where to write the baked image`,
  ja: `使い方: akashi bake --image 画像 --credential ファイル --out 出力

Open Badges 3.0 の仕様どおり、資格情報を PNG（iTXt チャンク "openbadgecredential"）または
SVG（<openbadges:credential>）画像に焼き込みます。画像の種類はファイル名ではなく内容で判定します。
ファイルには資格情報を JSON（埋め込み署名付き）またはコンパクト形式の VC-JWT で入れてください。

オプション（すべて必須）:
  --image 画像            焼き込む前の PNG または SVG のバッジ画像
  --credential ファイル   焼き込む資格情報
  -o, --out 出力          焼き込んだ画像の書き込み先`,
};

const EXTRACT: LocalizedMessage = {
  en: `Usage: akashi extract IMAGE [--out FILE]

Prints the credential baked into a PNG or SVG badge: JSON or a compact JWT (for an Open
Badges 2.0 hosted badge, the assertion URL). IMAGE may be - for standard input.

Options:
  -o, --out FILE   Write the payload to FILE instead of standard output

Exit status: 0 found; 1 the image carries no credential; 2 not a readable PNG or SVG image.`,
  ja: `使い方: akashi extract 画像 [--out ファイル]

PNG または SVG のバッジに焼き込まれた資格情報（JSON またはコンパクト形式の JWT。Open Badges 2.0 の
ホスト型バッジではアサーションの URL）を表示します。画像に - を指定すると標準入力から読みます。

オプション:
  -o, --out ファイル   標準出力ではなくファイルに書き込む

終了ステータス: 0 取り出せた、1 画像に資格情報がない、2 読み取れる PNG・SVG 画像ではない。`,
};

const DB: LocalizedMessage = {
  en: `Usage: akashi db <subcommand>

Subcommands:
  migrate   Apply the pending database migrations (see akashi db migrate --help)`,
  ja: `使い方: akashi db <サブコマンド>

サブコマンド:
  migrate   未適用のデータベース移行を適用する（akashi db migrate --help を参照）`,
};

const DB_MIGRATE: LocalizedMessage = {
  en: `Usage: akashi db migrate

Applies the platform server's pending database migrations, as npm start does when it starts,
and prints which ones it applied. It reads the same environment as the server:

  DATABASE_URL      postgres://user:password@host:5432/db for PostgreSQL; when unset, the
                    embedded SQLite database AKASHI_DATA_DIR/akashi.sqlite
  AKASHI_DATA_DIR   The data directory (default: ./data)

Running it again, or beside a running server, is safe: migrations already applied are skipped.
When one migration fails, none of the pending ones is applied.

Exit status: 0 up to date; 1 the database could not be opened or a migration failed;
2 bad usage or an invalid environment variable.`,
  ja: `使い方: akashi db migrate

npm start が起動時に行うのと同じく、プラットフォームサーバーのデータベースに未適用の移行を適用し、
適用した移行を表示します。サーバーと同じ環境変数を読みます:

  DATABASE_URL      PostgreSQL では postgres://ユーザー:パスワード@ホスト:5432/DB。未設定なら
                    組み込みの SQLite データベース AKASHI_DATA_DIR/akashi.sqlite
  AKASHI_DATA_DIR   データディレクトリ（既定: ./data）

再実行しても、稼働中のサーバーと並べて実行しても安全です。適用済みの移行は飛ばします。
いずれかの移行に失敗した場合、未適用の移行は一つも適用しません。

終了ステータス: 0 最新の状態、1 データベースを開けない・移行に失敗した、
2 使い方の誤り・環境変数の値が正しくない。`,
};

const ADMIN_ENVIRONMENT_EN = `Runs on the server's machine, against its database, reading the same environment as the
server (DATABASE_URL, or the SQLite database in AKASHI_DATA_DIR, default ./data); pending
migrations are applied first. The last line printed is one JSON object.`;

const ADMIN_ENVIRONMENT_JA = `サーバーのマシン上で、サーバーと同じ環境変数（DATABASE_URL、または AKASHI_DATA_DIR（既定: ./data）の
SQLite データベース）を読み、そのデータベースに対して実行します。未適用の移行は先に適用します。
最後の行に JSON オブジェクトを一つ出力します。`;

const ADMIN: LocalizedMessage = {
  en: `Usage: akashi admin <subcommand>

Subcommands:
  create-org       Create an approved organisation, its first administrator and issuer profile
  create-api-key   Create an API key for an organisation (printed once)
  create-operator  Create a platform operator account

${ADMIN_ENVIRONMENT_EN}`,
  ja: `使い方: akashi admin <サブコマンド>

サブコマンド:
  create-org       承認済みの組織と最初の管理者・発行者プロフィールを作成する
  create-api-key   組織の API キーを作成する（キーは一度だけ表示）
  create-operator  プラットフォーム運営者のアカウントを作成する

${ADMIN_ENVIRONMENT_JA}`,
};

const ADMIN_CREATE_ORG: LocalizedMessage = {
  en: `Usage: akashi admin create-org --name NAME --domain DOMAIN --admin-email EMAIL [options]

Creates an organisation that is approved at once (no vetting: the operator vouches for it) and
makes EMAIL its administrator. When no account uses EMAIL, one is created without a password:
its owner sets one through "forgot password". Also creates the organisation's default issuer
profile (its legal and English names, https://DOMAIN, EMAIL) with new Ed25519 and RSA keys,
encrypted under the master key (AKASHI_MASTER_KEY, or the key file). Prints {"organisationId",
"userId", "membershipId", "userCreated", "issuerId"}.

Options:
  --name NAME          The legal name, kept exactly as typed (required)
  --domain DOMAIN      The organisation's web domain, unique (required)
  --admin-email EMAIL  The first administrator (required)
  --name-en NAME       The name in English (default: --name)
  --type TYPE          university (default), school, company, association or government

${ADMIN_ENVIRONMENT_EN}

Exit status: 0 created; 1 the database could not be used; 2 bad usage, an invalid value, or
the domain is already taken.`,
  ja: `使い方: akashi admin create-org --name 名称 --domain ドメイン --admin-email メール [オプション]

審査を経ずに承認済みの組織を作成し（運営者が保証します）、メールのアカウントを管理者にします。
そのメールのアカウントがなければパスワードなしで作成します。本人が「パスワードを忘れた場合」から
設定します。組織の既定の発行者プロフィール（正式名称・英語名・https://ドメイン・メール）も、
新しい Ed25519 鍵と RSA 鍵（マスターキー AKASHI_MASTER_KEY または鍵ファイルで暗号化）とともに作成します。
{"organisationId", "userId", "membershipId", "userCreated", "issuerId"} を出力します。

オプション:
  --name 名称            正式名称（入力どおりに保存。必須）
  --domain ドメイン      組織のウェブのドメイン（一意。必須）
  --admin-email メール   最初の管理者（必須）
  --name-en 名称         英語名（既定: --name）
  --type 種別            university（既定）・school・company・association・government

${ADMIN_ENVIRONMENT_JA}

終了ステータス: 0 作成した、1 データベースを使えない、2 使い方の誤り・値が正しくない・
ドメインが使用済み。`,
};

const ADMIN_CREATE_API_KEY: LocalizedMessage = {
  en: `Usage: akashi admin create-api-key --org ORG --name NAME [--scopes SCOPE,...]

Creates an API key for an approved organisation and prints it once: only its SHA-256 is
stored, so it cannot be shown again. Prints {"apiKeyId", "organisationId", "prefix",
"scopes", "key"}. Send it as "Authorization: Bearer KEY".

Options:
  --org ORG        The organisation's id or domain (required)
  --name NAME      What the key is for (required)
  --scopes LIST    Comma-separated; default: all of them.
                   org:read            read the organisation and its departments
                   badges:read         read issued badges
                   badges:issue        issue badges (any department)
                   badges:revoke       revoke and suspend badges (any department)
                   achievements:read   read achievements
                   achievements:write  create and change achievements (any department)

${ADMIN_ENVIRONMENT_EN}

Exit status: 0 created; 1 the database could not be used; 2 bad usage, an unknown scope, or an
organisation that does not exist or is not approved.`,
  ja: `使い方: akashi admin create-api-key --org 組織 --name 名前 [--scopes スコープ,...]

承認済みの組織の API キーを作成し、一度だけ表示します。保存するのは SHA-256 だけなので、
あとから表示することはできません。{"apiKeyId", "organisationId", "prefix", "scopes", "key"} を
出力します。"Authorization: Bearer キー" として送ってください。

オプション:
  --org 組織         組織の ID またはドメイン（必須）
  --name 名前        キーの用途（必須）
  --scopes 一覧      カンマ区切り。既定: すべて
                     org:read            組織と部署の参照
                     badges:read         発行済みバッジの参照
                     badges:issue        バッジの発行（全部署）
                     badges:revoke       バッジの失効・一時停止（全部署）
                     achievements:read   アチーブメントの参照
                     achievements:write  アチーブメントの作成・変更（全部署）

${ADMIN_ENVIRONMENT_JA}

終了ステータス: 0 作成した、1 データベースを使えない、2 使い方の誤り・不明なスコープ・
組織が存在しないか承認されていない。`,
};

const ADMIN_CREATE_OPERATOR: LocalizedMessage = {
  en: `Usage: akashi admin create-operator --email EMAIL [--display-name NAME] [--locale ja|en]

Creates a platform operator account that can sign in at once (its address counts as confirmed):
the alternative to the set-up link the server prints on first run. Prints {"userId", "email"}.

The password is read from the AKASHI_PASSWORD environment variable or, when that is unset, from
the first line of standard input (piped, not typed at a terminal); never from an option. It
needs at least 10 characters and must not be the e-mail address.

Options:
  --email EMAIL          The operator's e-mail address (required)
  --display-name NAME    The name shown to others, kept exactly as typed (default: the part
                         of the address before @)
  --locale ja|en         The language of the operator's e-mails (default: ja)

${ADMIN_ENVIRONMENT_EN}

Exit status: 0 created; 1 the database could not be used; 2 bad usage, no password, a password
or address that cannot be used, or an address that already has an account.`,
  ja: `使い方: akashi admin create-operator --email メール [--display-name 名前] [--locale ja|en]

すぐにサインインできるプラットフォーム運営者のアカウントを作成します（メールアドレスは確認済みと
して扱います）。初回起動時にサーバーが表示するセットアップ用リンクの代わりに使えます。
{"userId", "email"} を出力します。

パスワードは環境変数 AKASHI_PASSWORD から、未設定なら標準入力の 1 行目から読みます（端末での入力
ではなくパイプで渡してください）。オプションでは受け付けません。10 文字以上で、メールアドレスと
同じにはできません。

オプション:
  --email メール          運営者のメールアドレス（必須）
  --display-name 名前     他の利用者に表示する名前。入力どおりに保存します（既定: アドレスの @ より前）
  --locale ja|en          運営者に送るメールの言語（既定: ja）

${ADMIN_ENVIRONMENT_JA}

終了ステータス: 0 作成した、1 データベースを使えない、2 使い方の誤り・パスワードがない・使えない
パスワードやアドレス・すでにアカウントがあるアドレス。`,
};

const CERTIFICATE: LocalizedMessage = {
  en: `Usage: akashi certificate <subcommand>

Subcommands:
  render   Make a printable PDF certificate for a credential (see akashi certificate render --help)`,
  ja: `使い方: akashi certificate <サブコマンド>

サブコマンド:
  render   資格情報の印刷用 PDF 証明書を作る（akashi certificate render --help を参照）`,
};

const CERTIFICATE_RENDER: LocalizedMessage = {
  en: `Usage: akashi certificate render --credential C.json --out cert.pdf [--template T.json]
         [--assertion A.json] [--name NAME] [--name-kana KANA] [--name-romaji ROMAJI]
         [--verify-url URL] [--number NO] [--image BADGE.png]
         [--p12 FILE --p12-password-env VAR
          | --csc-url URL --csc-credential ID --csc-token-env VAR [--csc-pin-env VAR]]
         [--tsa URL [--tsa-trust CA.pem]...] [--level B-B|B-T|B-LT|B-LTA] [--allow-host HOST[:PORT]]...

Makes a printable PDF certificate: the built-in bilingual design (or --template), Japanese
fonts (Noto Sans JP, only the glyphs used), the badge image, a QR code to the verification
page, and the credential (and OB 2.0 assertion) embedded as PDF attachments. Names are printed
exactly as given. With a key the PDF is sealed with a PAdES signature (RSA or ECDSA P-256): a
local PKCS#12 file (--p12; its password is read from the environment variable named by
--p12-password-env), or a remote signing service speaking the Cloud Signature Consortium API v2
(--csc-url), which is sent only the document's SHA-256 hash, never the PDF. With --tsa an RFC 3161
time-stamp authority adds a signature time-stamp (PAdES B-T, the default level with --tsa); B-LT
adds the validation data (DSS), B-LTA a document time-stamp over it. Services are reached over
https on public addresses only, unless named with --allow-host.

Options:
  --credential FILE        The OB 3.0 credential (JSON)
  --out FILE               Where to write the PDF
  --template FILE          A certificate template (JSON); default: the built-in design
  --assertion FILE         The OB 2.0 assertion to embed as well
  --name NAME              The recipient's name (default: the credential subject's name)
  --name-kana, --name-romaji  The name in kana and in romaji
  --verify-url URL         The verification page for the QR code (default: the credential id)
  --number NO              A certificate number
  --image FILE             The badge image (PNG or JPEG)
  --p12 FILE               A PKCS#12 file with the sealing key and its certificate chain
  --p12-password-env VAR   The environment variable holding the PKCS#12 password
  --csc-url URL            A CSC API v2 service (calls go to URL/csc/v2/...)
  --csc-credential ID      The service's credential (key) to sign with
  --csc-token-env VAR      The environment variable holding the service's access token
  --csc-pin-env VAR        The environment variable holding the PIN, when the key asks for one
  --tsa URL                An RFC 3161 time-stamp authority
  --tsa-trust FILE         CA certificates (PEM) the TSA's certificate must chain to
  --level LEVEL            B-B (default without --tsa), B-T (default with it), B-LT or B-LTA
  --allow-host HOST[:PORT] Allow this service host on a private address or over http

Verify the result with: akashi verify cert.pdf --trust CA.pem`,
  ja: `使い方: akashi certificate render --credential C.json --out cert.pdf [--template T.json]
         [--assertion A.json] [--name 氏名] [--name-kana フリガナ] [--name-romaji ローマ字]
         [--verify-url URL] [--number 番号] [--image バッジ.png]
         [--p12 ファイル --p12-password-env 変数名
          | --csc-url URL --csc-credential ID --csc-token-env 変数名 [--csc-pin-env 変数名]]
         [--tsa URL [--tsa-trust CA.pem]...] [--level B-B|B-T|B-LT|B-LTA] [--allow-host ホスト[:ポート]]...

印刷用の PDF 証明書を作ります。組み込みの日英併記デザイン（または --template）、日本語フォント
（Noto Sans JP、使う文字のみ）、バッジ画像、検証ページへの QR コード、資格情報（と OB 2.0 の
アサーション）を PDF の添付ファイルとして埋め込みます。氏名は指定どおりに印字します。鍵を指定
すると PAdES の電子印（RSA または ECDSA P-256）を付けます。鍵は手元の PKCS#12 ファイル
（--p12。パスワードは --p12-password-env で指定した環境変数から読みます）か、Cloud Signature
Consortium API v2 のリモート署名サービス（--csc-url。送るのは文書の SHA-256 ハッシュだけで、PDF
は送りません）です。--tsa を指定すると RFC 3161 タイムスタンプ局の署名タイムスタンプを付けます
（PAdES B-T。--tsa があるときの既定）。B-LT は検証用データ（DSS）を、B-LTA はさらに文書タイム
スタンプを加えます。サービスへの接続は公開アドレスへの https のみです（--allow-host で指定した
ホストを除く）。

オプション:
  --credential ファイル      OB 3.0 の資格情報（JSON）
  --out ファイル             PDF の書き出し先
  --template ファイル        証明書テンプレート（JSON）。既定は組み込みデザイン
  --assertion ファイル       あわせて埋め込む OB 2.0 のアサーション
  --name 氏名                受領者の氏名（既定: 資格情報の credentialSubject の name）
  --name-kana, --name-romaji  フリガナとローマ字氏名
  --verify-url URL           QR コードの検証ページ（既定: 資格情報の id）
  --number 番号              証明書番号
  --image ファイル           バッジ画像（PNG または JPEG）
  --p12 ファイル             封印用の鍵と証明書チェーンを含む PKCS#12 ファイル
  --p12-password-env 変数名  PKCS#12 のパスワードを入れた環境変数
  --csc-url URL              CSC API v2 のサービス（URL/csc/v2/... を呼びます）
  --csc-credential ID        署名に使うサービス上のクレデンシャル（鍵）
  --csc-token-env 変数名     サービスのアクセストークンを入れた環境変数
  --csc-pin-env 変数名       鍵が PIN を求めるときの PIN を入れた環境変数
  --tsa URL                  RFC 3161 タイムスタンプ局
  --tsa-trust ファイル       TSA の証明書がつながるべき CA 証明書（PEM）
  --level レベル             B-B（--tsa なしの既定）、B-T（--tsa ありの既定）、B-LT、B-LTA
  --allow-host ホスト[:ポート]  プライベートアドレスや http のサービスを許可する

結果の検証: akashi verify cert.pdf --trust CA.pem`,
};

export const HELP_TEXTS: Readonly<Record<HelpTopic, LocalizedMessage>> = {
  certificate: CERTIFICATE,
  'certificate render': CERTIFICATE_RENDER,
  akashi: AKASHI,
  keys: KEYS,
  'keys generate': KEYS_GENERATE,
  issue: ISSUE,
  verify: VERIFY,
  bake: BAKE,
  extract: EXTRACT,
  db: DB,
  'db migrate': DB_MIGRATE,
  admin: ADMIN,
  'admin create-org': ADMIN_CREATE_ORG,
  'admin create-api-key': ADMIN_CREATE_API_KEY,
  'admin create-operator': ADMIN_CREATE_OPERATOR,
};
