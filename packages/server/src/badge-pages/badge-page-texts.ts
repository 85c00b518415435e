/**
 * Every word the badge page shows, in Japanese and English. Texts with a `{name}` placeholder are
 * filled by `fillText`, which escapes nothing: the renderer escapes the result.
 */
import type { CheckName, CheckOutcome, VerificationStatus } from '@akashi/core';
import type { Language } from '../http/pick-language.js';
import type { AwardLiveStatus } from './award-live-status.js';

export interface Text {
  readonly ja: string;
  readonly en: string;
}

export const TEXTS = {
  siteName: { ja: 'Akashi デジタルバッジ', en: 'Akashi digital badges' },
  skipToContent: { ja: '本文へ移動', en: 'Skip to content' },
  otherLanguage: { ja: 'English', en: '日本語' },
  badgeImageAlt: { ja: '{name}のバッジ画像', en: 'Badge image: {name}' },
  recipient: { ja: '受領者', en: 'Recipient' },
  recipientHidden: {
    ja: '受領者は氏名を公開していません。',
    en: 'The recipient has not made their name public.',
  },
  description: { ja: '説明', en: 'Description' },
  criteria: { ja: '取得基準', en: 'Criteria' },
  criteriaPage: { ja: '取得基準の詳細ページ', en: 'Criteria page' },
  issuer: { ja: '発行者', en: 'Issuer' },
  issuerIdentifier: { ja: '発行者識別子', en: 'Issuer identifier' },
  vettingApproved: {
    ja: 'この発行組織は、{date}にプラットフォーム運営者の審査を経て承認されました。',
    en: 'The platform operator reviewed and approved this issuing organisation on {date}.',
  },
  vettingApprovedUndated: {
    ja: 'この発行組織は、プラットフォーム運営者の審査を経て承認されています。',
    en: 'The platform operator reviewed and approved this issuing organisation.',
  },
  vettingNotApproved: {
    ja: 'この発行組織は現在、プラットフォーム運営者に承認されていません。',
    en: 'This issuing organisation is not currently approved by the platform operator.',
  },
  vettingList: { ja: '承認済みの発行組織の一覧', en: 'List of approved issuing organisations' },
  details: { ja: 'バッジの情報', en: 'About this badge' },
  awardedOn: { ja: '授与日', en: 'Awarded on' },
  validFrom: { ja: '有効期間の開始', en: 'Valid from' },
  validUntil: { ja: '有効期限', en: 'Valid until' },
  noExpiry: { ja: '期限なし', en: 'Does not expire' },
  status: { ja: '現在の状態', en: 'Current status' },
  statusActive: { ja: '有効', en: 'Active' },
  statusRevoked: { ja: '失効（取り消し済み）', en: 'Revoked' },
  statusSuspended: { ja: '一時停止中', en: 'Suspended' },
  statusExpired: { ja: '有効期限切れ', en: 'Expired' },
  statusNotYetValid: { ja: 'まだ有効ではありません', en: 'Not yet valid' },
  statusActiveDetail: {
    ja: '発行者はこのバッジを取り消しておらず、有効期間内です。',
    en: 'The issuer has not withdrawn this badge, and it is within its validity period.',
  },
  statusRevokedDetail: {
    ja: '発行者はこのバッジを取り消しました。',
    en: 'The issuer has revoked this badge.',
  },
  statusSuspendedDetail: {
    ja: '発行者はこのバッジを一時的に停止しています。',
    en: 'The issuer has suspended this badge for the time being.',
  },
  statusExpiredDetail: { ja: '{date} に有効期限が切れました。', en: 'It expired on {date}.' },
  statusNotYetValidDetail: { ja: '{date} から有効になります。', en: 'It becomes valid on {date}.' },
  reason: { ja: '理由', en: 'Reason' },
  revokedOn: { ja: '取り消し日', en: 'Revoked on' },
  replacedBy: {
    ja: 'このバッジは再発行され、新しいバッジに置き換えられました。',
    en: 'This badge has been re-issued and replaced by a new one.',
  },
  replacedByLink: { ja: '新しいバッジを見る', en: 'See the new badge' },
  replaces: {
    ja: 'このバッジは以前のバッジを置き換えるものです。',
    en: 'This badge replaces an earlier one.',
  },
  replacesLink: { ja: '以前のバッジ', en: 'The earlier badge' },
  verification: { ja: '検証結果', en: 'Verification' },
  verificationIntro: {
    ja: 'このページを開いた時点で、バッジの電子署名・発行者の鍵・失効状況などをその場で検証しました。',
    en: 'This badge was verified when this page was opened: its signature, the issuer’s key, its revocation status and more.',
  },
  verifiedAt: { ja: '検証日時', en: 'Verified at' },
  verifyAgain: { ja: 'もう一度検証する', en: 'Verify again' },
  verdict: { ja: '判定', en: 'Verdict' },
  check: { ja: '検査項目', en: 'Check' },
  outcome: { ja: '結果', en: 'Result' },
  detail: { ja: '詳細', en: 'Details' },
  verificationFailed: {
    ja: '検証を実行できませんでした。しばらくしてから再度お試しください。',
    en: 'The verification could not be run. Please try again later.',
  },
  downloads: { ja: 'ダウンロード', en: 'Downloads' },
  downloadsIntro: {
    ja: '他のサービスやウォレットに取り込むための形式です。',
    en: 'For importing this badge into other services and wallets.',
  },
  sendToWallet: {
    ja: 'ウォレットアプリや他のサービスに送る',
    en: 'Send to a wallet app or another host',
  },
  downloadOb3Image: {
    ja: 'バッジ画像 {format}（Open Badges 3.0 の資格情報を埋め込み済み）',
    en: 'Badge image, {format} (with the Open Badges 3.0 credential baked in)',
  },
  downloadJson: { ja: 'Open Badges 3.0 資格情報（JSON）', en: 'Open Badges 3.0 credential (JSON)' },
  downloadJwt: {
    ja: 'Open Badges 3.0 資格情報（VC-JWT）',
    en: 'Open Badges 3.0 credential (VC-JWT)',
  },
  downloadOb2Hosted: {
    ja: 'Open Badges 2.0 アサーション（ホスト型 URL）',
    en: 'Open Badges 2.0 assertion (hosted URL)',
  },
  downloadOb2Signed: {
    ja: 'Open Badges 2.0 署名付きアサーション（JWS）',
    en: 'Open Badges 2.0 signed assertion (JWS)',
  },
  downloadOb2Image: {
    ja: 'バッジ画像 {format}（Open Badges 2.0 の署名付きアサーションを埋め込み済み）',
    en: 'Badge image, {format} (with the Open Badges 2.0 signed assertion baked in)',
  },
  confirm: { ja: '受領者の確認', en: 'Confirm the recipient' },
  confirmIntro: {
    ja: 'このバッジの受領者のメールアドレスを入力すると、バッジに記録された受領者と一致するかを確認できます。メールアドレスはハッシュ値で照合され、保存されません。',
    en: 'Enter the e-mail address of the person you believe received this badge to check it against the recipient recorded in the badge. The address is compared by its hash and is not stored.',
  },
  emailLabel: { ja: 'メールアドレス', en: 'E-mail address' },
  confirmButton: { ja: '確認する', en: 'Check' },
  confirmMatch: {
    ja: '一致しました。このバッジは {email} 宛てに発行されています。',
    en: 'It matches: this badge was issued to {email}.',
  },
  confirmNoMatch: {
    ja: '一致しません。このバッジは {email} 宛てには発行されていません。',
    en: 'No match: this badge was not issued to {email}.',
  },
  notFoundTitle: { ja: 'バッジが見つかりません', en: 'Badge not found' },
  notFoundBody: {
    ja: 'このアドレスのバッジはありません。URL をもう一度ご確認ください。',
    en: 'There is no badge at this address. Please check the URL.',
  },
} as const satisfies Record<string, Text>;

export type TextKey = keyof typeof TEXTS;

/** `label: ` in the page's language (a full-width colon in Japanese). */
export const labelled = (label: string, language: Language): string =>
  language === 'ja' ? `${label}：` : `${label}: `;

/** One language of a text, `{name}` placeholders filled (unescaped). */
export const fillText = (
  key: TextKey,
  language: Language,
  params: Readonly<Record<string, string>> = {},
): string =>
  TEXTS[key][language].replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => params[name] ?? whole);

export const CHECK_LABELS: Readonly<Record<CheckName, Text>> = {
  parse: { ja: '読み取り', en: 'Reading the credential' },
  context: { ja: 'JSON-LD コンテキスト', en: 'JSON-LD context' },
  jsonld: { ja: 'JSON-LD の用語', en: 'JSON-LD terms' },
  schema: { ja: 'データ形式（スキーマ）', en: 'Data format (schema)' },
  proof: { ja: '電子署名', en: 'Signature' },
  issuer: { ja: '発行者の鍵', en: 'Issuer key' },
  refresh: { ja: '更新サービス', en: 'Refresh service' },
  validity: { ja: '有効期間', en: 'Validity period' },
  status: { ja: '失効・一時停止', en: 'Revocation and suspension' },
  recipient: { ja: '受領者', en: 'Recipient' },
  endorsements: { ja: '推薦（エンドースメント）', en: 'Endorsements' },
};

export const OUTCOME_LABELS: Readonly<Record<CheckOutcome, Text>> = {
  passed: { ja: '合格', en: 'Passed' },
  failed: { ja: '不合格', en: 'Failed' },
  skipped: { ja: '対象外', en: 'Skipped' },
  error: { ja: '確認できず', en: 'Could not check' },
};

export const VERDICT_LABELS: Readonly<Record<VerificationStatus, Text>> = {
  valid: { ja: '有効なバッジです', en: 'Valid badge' },
  invalid: { ja: '無効です（改ざんまたは不正なバッジ）', en: 'Invalid (tampered with or forged)' },
  revoked: { ja: '発行者により取り消されています', en: 'Revoked by the issuer' },
  suspended: { ja: '発行者により一時停止されています', en: 'Suspended by the issuer' },
  expired: { ja: '有効期限が切れています', en: 'Expired' },
  'not-yet-valid': { ja: 'まだ有効期間が始まっていません', en: 'Not yet valid' },
  indeterminate: {
    ja: '一部を確認できませんでした（改ざんは見つかっていません）',
    en: 'Could not be fully checked (no tampering found)',
  },
  unreadable: { ja: '読み取れませんでした', en: 'Could not be read' },
};

export const STATUS_LABELS: Readonly<Record<AwardLiveStatus['kind'], Text>> = {
  active: TEXTS.statusActive,
  revoked: TEXTS.statusRevoked,
  suspended: TEXTS.statusSuspended,
  expired: TEXTS.statusExpired,
  'not-yet-valid': TEXTS.statusNotYetValid,
};
