/** Every text of the wallet's public pages (shared badges, public profiles), in Japanese and English. */
import { defineTexts } from '../kit/texts.js';

export const publicText = defineTexts({
  // The shared badge
  badgeImageAlt: { ja: '{name} のバッジ画像', en: 'Badge image of {name}' },
  noImage: { ja: '画像なし', en: 'No image' },
  unnamedBadge: { ja: '名称のないバッジ', en: 'Untitled badge' },
  issuer: { ja: '発行者', en: 'Issuer' },
  heldBy: { ja: '保持者', en: 'Held by' },
  issuedOn: { ja: '発行日', en: 'Issued on' },
  validFrom: { ja: '有効期間の開始', en: 'Valid from' },
  validUntil: { ja: '有効期限', en: 'Expires on' },
  noExpiry: { ja: '期限なし', en: 'Does not expire' },
  standard: { ja: '形式', en: 'Standard' },
  status: { ja: '状態', en: 'Status' },
  details: { ja: 'バッジの内容', en: 'About this badge' },
  description: { ja: '説明', en: 'Description' },
  criteria: { ja: '取得基準', en: 'Criteria' },
  criteriaPage: { ja: '取得基準のページ', en: 'The criteria page' },
  alignments: { ja: '関連する基準・スキル', en: 'Alignments' },
  framework: { ja: '枠組み', en: 'Framework' },
  code: { ja: 'コード', en: 'Code' },
  evidence: { ja: '根拠資料', en: 'Evidence' },
  evidenceLink: { ja: '資料を開く', en: 'Open the evidence' },
  evidenceUntitled: { ja: '根拠資料', en: 'Evidence' },
  results: { ja: '成績・結果', en: 'Results' },
  result: { ja: '結果', en: 'Result' },
  resultStatus: { ja: '判定', en: 'Status' },
  externalNote: {
    ja: '外部のサイトへのリンクです。',
    en: 'Links go to other sites.',
  },
  verificationTitle: { ja: '検証結果', en: 'Verification' },
  verificationLead: {
    ja: 'このページを開くたびに、バッジを改めて検証しています。各項目の結果は次のとおりです。',
    en: 'The badge is verified again each time this page is opened. Each check and its outcome:',
  },
  checksSummary: {
    ja: '確認した項目（{count} 件）を見る',
    en: 'Show what was checked ({count} checks)',
  },
  verifiedAt: { ja: '{time}に検証しました', en: 'Verified {time}' },
  verifyElsewhere: {
    ja: 'ほかの検証ツールでも確認できます：',
    en: 'You can also check it with any verifier:',
  },
  verifyPage: { ja: 'バッジを検証するページ', en: 'the verify page' },
  // Status words (never colour alone)
  'status-valid': { ja: '有効', en: 'Valid' },
  'status-expired': { ja: '期限切れ', en: 'Expired' },
  'status-revoked': { ja: '失効', en: 'Revoked' },
  'status-suspended': { ja: '一時停止', en: 'Suspended' },
  'status-unverified': { ja: '未確認', en: 'Not verified' },
  // Sharing
  shareTitle: { ja: '共有', en: 'Share' },
  qrTitle: { ja: 'QR コード', en: 'QR code' },
  qrAlt: {
    ja: 'このページのアドレスを表す QR コード',
    en: 'QR code of this page’s address',
  },
  qrDownload: { ja: 'QR コードをダウンロード（SVG）', en: 'Download the QR code (SVG)' },
  linkedinTitle: { ja: 'LinkedIn に追加', en: 'Add to LinkedIn' },
  linkedinButton: { ja: 'LinkedIn のプロフィールに追加', en: 'Add to my LinkedIn profile' },
  linkedinLead: {
    ja: 'LinkedIn の「資格・認定」の入力画面が開きます（LinkedIn へのログインが必要です）。項目が自動で入力されない場合は、下の内容をコピーして貼り付けてください。',
    en: 'This opens LinkedIn’s “Licenses & certifications” form (you need to be signed in to LinkedIn). If the fields are not filled in for you, copy them from below.',
  },
  copyTitle: { ja: 'LinkedIn に入力する内容', en: 'What to enter on LinkedIn' },
  copyHint: {
    ja: '各欄を選択してコピーできます。',
    en: 'Select a field to copy it.',
  },
  fieldName: { ja: '名前', en: 'Name' },
  fieldOrganization: { ja: '発行組織', en: 'Issuing organization' },
  fieldIssueDate: { ja: '発行年月', en: 'Issue date' },
  fieldExpirationDate: { ja: '有効期限', en: 'Expiration date' },
  fieldCertUrl: { ja: '資格証明書の URL', en: 'Credential URL' },
  fieldCertId: { ja: '資格証明書 ID', en: 'Credential ID' },
  fieldOrganizationId: { ja: 'LinkedIn 企業ページ ID', en: 'LinkedIn company page id' },
  monthYear: { ja: '{year}年{month}月', en: '{monthName} {year}' },
  pageAddress: { ja: 'このページのアドレス', en: 'This page’s address' },
  // Not found
  linkGoneTitle: {
    ja: 'このバッジは共有されていません',
    en: 'This badge is no longer shared',
  },
  linkGoneBody: {
    ja: '共有リンクが取り消されたか、アドレスが正しくありません。バッジの保持者に新しいリンクをお尋ねください。',
    en: 'The share link has been withdrawn, or the address is not right. Please ask the badge holder for a new link.',
  },
  profileGoneTitle: { ja: 'プロフィールが見つかりません', en: 'Profile not found' },
  profileGoneBody: {
    ja: 'このプロフィールは公開されていないか、アドレスが正しくありません。',
    en: 'This profile is not public, or the address is not right.',
  },
  profileBadgeGoneTitle: {
    ja: 'このバッジは公開されていません',
    en: 'This badge is not public',
  },
  profileBadgeGoneBody: {
    ja: 'バッジが非公開になったか、アドレスが正しくありません。',
    en: 'The badge is no longer public, or the address is not right.',
  },
  home: { ja: 'トップページへ', en: 'Go to the home page' },
  // The profile
  profileBadges: { ja: '公開しているバッジ', en: 'Badges' },
  profileCollections: { ja: 'コレクション', en: 'Collections' },
  profileEmpty: {
    ja: '公開しているバッジはまだありません。',
    en: 'No badges are public yet.',
  },
  collectionEmpty: {
    ja: 'このコレクションにはバッジがありません。',
    en: 'This collection holds no badges.',
  },
  badgeCount: { ja: 'バッジ {count} 個', en: '{count} badges' },
  badgeCountOne: { ja: 'バッジ 1 個', en: '1 badge' },
  profileOgDescription: {
    ja: '{name} さんのオープンバッジ（{count} 個）',
    en: 'Open Badges of {name} ({count})',
  },
  backToProfile: { ja: '{name} さんのプロフィールへ', en: 'Back to {name}’s profile' },
  breadcrumbProfile: { ja: 'プロフィール', en: 'Profile' },
});
