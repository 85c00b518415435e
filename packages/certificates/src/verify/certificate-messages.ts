/**
 * Every code a sealed-PDF verification check can carry, with its message in English and
 * Japanese. `{name}` placeholders are filled from the check's parameters (as in
 * `@akashi/core`'s verify messages).
 */
import type { LocalizedMessage } from '@akashi/core';

const MESSAGES = {
  PDF_PARSE_OK: [
    'Read as a PDF: {revisions} revision(s), {signatures} signature(s).',
    'PDF として読み取りました（版 {revisions}、署名 {signatures}）。',
  ],
  ERR_PDF_EMPTY: ['The input is empty.', '入力が空です。'],
  ERR_PDF_NOT_PDF: [
    'The input is not a PDF (no %PDF- header).',
    '入力は PDF ではありません（%PDF- ヘッダーがありません）。',
  ],
  ERR_PDF_MALFORMED: [
    'The PDF could not be parsed: {reason}',
    'PDF を解析できませんでした: {reason}',
  ],
  BYTE_RANGE_OK: [
    'The byte range covers the whole file except exactly its own /Contents.',
    '署名範囲（ByteRange）は自身の /Contents を除くファイル全体を覆っています。',
  ],
  BYTE_RANGE_OK_REVISION: [
    'The byte range covers revisions 1 to {revision} of {revisions} except exactly its own /Contents; later updates are judged under modified-after-signing.',
    '署名範囲は全 {revisions} 版のうち第 {revision} 版までを、自身の /Contents を除いて覆っています。以降の更新は「署名後の変更」で判定します。',
  ],
  ERR_BYTE_RANGE_MALFORMED: [
    'The /ByteRange is malformed: {reason}',
    '/ByteRange の形式が正しくありません: {reason}',
  ],
  ERR_BYTE_RANGE_GAP: [
    'The gap in the /ByteRange is not exactly this signature’s /Contents: {reason}',
    '/ByteRange の空き部分が、この署名自身の /Contents と一致しません: {reason}',
  ],
  ERR_BYTE_RANGE_NOT_REVISION: [
    'The byte range ends at offset {end}, which is not the end of a revision.',
    '署名範囲の終わり（オフセット {end}）が版の終わりと一致しません。',
  ],
  ERR_NO_SIGNATURE: [
    'The PDF carries no signature: it is not sealed.',
    'PDF に署名がありません。封印（eシール）されていません。',
  ],
  CMS_OK: [
    'The CMS signature by {signer} is valid and the document digest matches.',
    '{signer} による CMS 署名は有効で、文書のダイジェストも一致しています。',
  ],
  CMS_OK_NOT_PADES: [
    'The CMS signature by {signer} is valid and the document digest matches, but it has no ESS signing-certificate-v2 attribute ({subFilter}, not PAdES).',
    '{signer} による CMS 署名は有効でダイジェストも一致していますが、ESS signing-certificate-v2 属性がありません（{subFilter}、PAdES ではありません）。',
  ],
  TOKEN_CMS_OK: [
    'The time-stamp token’s own signature by {signer} is valid.',
    'タイムスタンプトークン自体の {signer} による署名は有効です。',
  ],
  ERR_CMS_MALFORMED: [
    'The CMS signature cannot be read: {reason}',
    'CMS 署名を読み取れません: {reason}',
  ],
  ERR_CMS_DIGEST: [
    'The document digest does not match: the signed bytes were changed after signing.',
    '文書のダイジェストが一致しません。署名後に署名対象のバイトが変更されています。',
  ],
  ERR_CMS_SIGNATURE: [
    'The signature over the signed attributes does not verify with the signer certificate {signer}.',
    '署名属性に対する署名が、署名者証明書 {signer} で検証できません。',
  ],
  ERR_CMS_ESS: [
    'The ESS signing-certificate attribute does not match the signer certificate: {reason}',
    'ESS signing-certificate 属性が署名者証明書と一致しません: {reason}',
  ],
  ERR_CMS_ESS_MISSING: [
    'A PAdES signature (ETSI.CAdES.detached) must carry the ESS signing-certificate-v2 attribute.',
    'PAdES 署名（ETSI.CAdES.detached）には ESS signing-certificate-v2 属性が必要です。',
  ],
  ERR_CMS_UNSUPPORTED: ['Unsupported: {reason}', '対応していません: {reason}'],
  CHAIN_OK: [
    'The certificate {subject} chains to the trust anchor {anchor} and was valid at {time}.',
    '証明書 {subject} は信頼点 {anchor} まで連鎖し、{time} の時点で有効でした。',
  ],
  CHAIN_OK_EXPIRED_NOW: [
    'The certificate {subject} chains to the trust anchor {anchor} and was valid at the time-stamped signing time {time}; it has expired since ({to}).',
    '証明書 {subject} は信頼点 {anchor} まで連鎖し、タイムスタンプで確認された署名時刻 {time} に有効でした（その後 {to} に失効期限を迎えています）。',
  ],
  CHAIN_NO_TRUST: [
    'No trust anchors were given, so the signer is not confirmed: {subject}, issued by {issuer}.',
    '信頼点が指定されていないため、署名者を確認していません: {subject}（発行者 {issuer}）。',
  ],
  ERR_CHAIN_UNTRUSTED: [
    'The certificate {subject} does not chain to a trust anchor: {reason}',
    '証明書 {subject} は信頼点まで連鎖しません: {reason}',
  ],
  ERR_CHAIN_EXPIRED: [
    'The certificate {subject} was not valid at {time} (valid from {from} to {to}).',
    '証明書 {subject} は {time} の時点で有効ではありませんでした（有効期間 {from} 〜 {to}）。',
  ],
  TIMESTAMP_OK: [
    'The signature time-stamp by {tsa} is valid: the signature existed at {time}.',
    '{tsa} による署名タイムスタンプは有効です。署名は {time} に存在していました。',
  ],
  DOC_TIMESTAMP_OK: [
    'The document time-stamp by {tsa} is valid: the document existed at {time}.',
    '{tsa} による文書タイムスタンプは有効です。文書は {time} に存在していました。',
  ],
  TIMESTAMP_NONE: [
    'The signature carries no time-stamp (PAdES B-B); its signing time {time} is only claimed by the signer.',
    '署名にタイムスタンプがありません（PAdES B-B）。署名時刻 {time} は署名者の申告にすぎません。',
  ],
  ERR_TIMESTAMP_IMPRINT: [
    'The time-stamp’s message imprint does not match {what}.',
    'タイムスタンプのメッセージインプリントが {what} と一致しません。',
  ],
  ERR_TIMESTAMP_INVALID: [
    'The time-stamp token is invalid: {reason}',
    'タイムスタンプトークンが不正です: {reason}',
  ],
  UNMODIFIED: ['Nothing was changed after signing.', '署名後に変更はありません。'],
  MODIFIED_LTV_ONLY: [
    'The file was updated after signing, but only to add validation data (DSS), document time-stamps or further signatures, as PAdES B-LT/B-LTA do.',
    '署名後に更新されていますが、検証情報（DSS）・文書タイムスタンプ・追加の署名のみです（PAdES B-LT/B-LTA）。',
  ],
  ERR_MODIFIED_AFTER_SIGNING: [
    'The document was changed by an incremental update after it was signed: {reason}',
    '署名後に、増分更新によって文書が変更されています: {reason}',
  ],
  MODIFIED_NOT_CHECKED: [
    'Not checked: the PDF carries no signature.',
    '確認していません。PDF に署名がありません。',
  ],
  CREDENTIAL_OK: [
    'The embedded {generation} credential {file} is valid.',
    '埋め込まれた {generation} の資格情報 {file} は有効です。',
  ],
  CREDENTIAL_NONE: [
    'The PDF embeds no Open Badges credential.',
    'PDF に Open Badges の資格情報は埋め込まれていません。',
  ],
  CREDENTIAL_NOT_VERIFIED: [
    'The embedded {generation} credential {file} was found but not verified: no credential verifier was given.',
    '埋め込まれた {generation} の資格情報 {file} は見つかりましたが、検証器が指定されていないため検証していません。',
  ],
  ERR_CREDENTIAL_INVALID: [
    'The embedded {generation} credential {file} is not valid: {status}.',
    '埋め込まれた {generation} の資格情報 {file} は有効ではありません: {status}。',
  ],
  ERR_CREDENTIAL_INDETERMINATE: [
    'The embedded {generation} credential {file} could not be fully verified: {status}.',
    '埋め込まれた {generation} の資格情報 {file} を完全には検証できませんでした: {status}。',
  ],
  ERR_CREDENTIAL_UNREADABLE: [
    'The embedded file {file} could not be read: {reason}',
    '埋め込みファイル {file} を読み取れませんでした: {reason}',
  ],
  NOT_CHECKED_NO_CMS: [
    'Not checked: the CMS signature could not be read.',
    '確認していません。CMS 署名を読み取れませんでした。',
  ],
  ERR_CHECK_CRASHED: [
    'The check could not be completed: {reason}',
    'この確認を完了できませんでした: {reason}',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type CertificateCode = keyof typeof MESSAGES;

export const CERTIFICATE_CODES = Object.keys(MESSAGES) as readonly CertificateCode[];

const fill = (template: string, params: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });

export const certificateMessage = (
  code: CertificateCode,
  params: Readonly<Record<string, string | number>> = {},
): LocalizedMessage => {
  const [en, ja] = MESSAGES[code];
  return { en: fill(en, params), ja: fill(ja, params) };
};
