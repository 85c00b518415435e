/** Every text of the verify page, in Japanese and English. */
import { defineTexts } from '../kit/texts.js';

export const verifyText = defineTexts({
  title: { ja: 'バッジを検証', en: 'Verify a badge' },
  lead: {
    ja: 'オープンバッジ（2.0・3.0）が本物か、今も有効かを確かめます。バッジ画像、証明書のデータ、バッジの URL のいずれかで検証できます。どの発行機関のバッジでも検証でき、ログインは不要です。',
    en: 'Check whether an Open Badge (2.0 or 3.0) is genuine and still valid, from its image, its data or its address. Badges from any issuer can be checked; no sign-in needed.',
  },
  ogDescription: {
    ja: 'オープンバッジ 2.0 / 3.0 の真正性と有効性を、画像・データ・URL から確認できます。',
    en: 'Check that an Open Badge 2.0 / 3.0 is genuine and valid, from its image, data or URL.',
  },
  privacy: {
    ja: 'アップロードした内容は検証にのみ使い、保存しません。',
    en: 'What you send is used for the check only and is not stored.',
  },
  fileTitle: { ja: 'ファイルで検証', en: 'Verify a file' },
  fileLabel: { ja: 'バッジのファイル', en: 'Badge file' },
  fileHint: {
    ja: 'バッジ画像（PNG・SVG）、または証明書のファイル（JSON・JWT）を選んでください。5 MB まで。',
    en: 'A badge image (PNG or SVG) or a credential file (JSON or JWT), up to 5 MB.',
  },
  dropHere: {
    ja: 'ここにファイルをドロップすることもできます',
    en: 'You can also drop the file here',
  },
  submitFile: { ja: 'ファイルを検証', en: 'Verify the file' },
  textTitle: { ja: 'データを貼り付けて検証', en: 'Verify pasted data' },
  textLabel: { ja: '証明書のデータ（JSON または JWT）', en: 'Credential data (JSON or JWT)' },
  textHint: {
    ja: 'バッジの JSON、または「eyJ」で始まる JWT をそのまま貼り付けてください。',
    en: 'Paste the badge JSON, or the JWT that starts with “eyJ”, as it is.',
  },
  submitText: { ja: 'データを検証', en: 'Verify the data' },
  urlTitle: { ja: 'URL で検証', en: 'Verify from a URL' },
  urlLabel: { ja: 'バッジの URL', en: 'Badge URL' },
  urlHint: {
    ja: 'https:// で始まる、バッジまたは証明書の公開 URL。',
    en: 'The public address of the badge or credential, starting with https://.',
  },
  submitUrl: { ja: 'URL を検証', en: 'Verify the URL' },
  again: { ja: '別のバッジを検証する', en: 'Verify another badge' },

  // Bad input.
  fileMissing: { ja: 'ファイルを選んでください。', en: 'Choose a file.' },
  fileNotBadge: {
    ja: 'このファイルはバッジ画像（PNG・SVG）でも、証明書のデータ（JSON・JWT）でもありません。',
    en: 'This file is neither a badge image (PNG or SVG) nor credential data (JSON or JWT).',
  },
  fileTooLarge: {
    ja: 'ファイルが大きすぎます。バッジのファイルは通常 5 MB よりずっと小さいものです。',
    en: 'The file is too large; a badge file is normally far smaller than 5 MB.',
  },
  textMissing: {
    ja: '証明書のデータを貼り付けてください。',
    en: 'Paste the credential data.',
  },
  urlMissing: { ja: 'バッジの URL を入力してください。', en: 'Enter the badge URL.' },
  urlInvalid: {
    ja: 'https:// または http:// で始まる URL を入力してください。',
    en: 'Enter an address that starts with https:// or http://.',
  },
  nothingSent: {
    ja: 'ファイル、データ、URL のいずれかを指定してください。',
    en: 'Give a file, pasted data or a URL.',
  },

  // The result.
  resultTitle: { ja: '検証結果', en: 'Verification result' },
  verifiedAt: { ja: '{time} に検証しました。', en: 'Checked on {time}.' },
  summaryTitle: { ja: '証明書の内容', en: 'What the credential says' },
  summaryUntrusted: {
    ja: '以下は証明書に書かれている内容です。検証に合格していないため、信頼できません。',
    en: 'Below is what the credential claims. It did not pass verification, so it cannot be trusted.',
  },
  badgeName: { ja: 'バッジ名', en: 'Badge' },
  issuer: { ja: '発行者', en: 'Issuer' },
  recipient: { ja: '受領者', en: 'Recipient' },
  recipientHashed: {
    ja: 'メールアドレス（ハッシュ化されているため公開されていません）',
    en: 'An e-mail address (hashed, so not shown)',
  },
  recipientUnknown: {
    ja: '証明書に記載されていません',
    en: 'Not stated in the credential',
  },
  issuedOn: { ja: '発行日', en: 'Issued on' },
  validFrom: { ja: '有効期間の開始', en: 'Valid from' },
  expires: { ja: '有効期限', en: 'Expires' },
  noExpiry: { ja: 'なし', en: 'None' },
  format: { ja: '形式', en: 'Format' },
  credentialId: { ja: '証明書の ID', en: 'Credential ID' },
  checksTitle: { ja: '確認した項目', en: 'What was checked' },
  checksLead: {
    ja: '検証では次の項目を順に確認しました。',
    en: 'The verification went through these checks in turn.',
  },
  whatItMeans: { ja: 'この確認の意味', en: 'What this checks' },
});

/** The verdict's headline, lead sentence and pill. */
export const verdictText = defineTexts({
  'valid-headline': { ja: 'この証明書は有効です', en: 'This credential is valid' },
  'valid-lead': {
    ja: '発行者の電子署名が確認でき、内容は発行時のままです。失効・一時停止・期限切れもありません。',
    en: "The issuer's signature checks out and the content is as issued. It is not revoked, suspended or expired.",
  },
  'valid-pill': { ja: '有効', en: 'Valid' },
  'revoked-headline': {
    ja: 'この証明書は失効しています',
    en: 'This credential has been revoked',
  },
  'revoked-lead': {
    ja: '発行者が発行した本物の証明書ですが、発行者によって取り消されました。現在は有効ではありません。',
    en: 'It is a genuine credential, but its issuer has revoked it: it is no longer valid.',
  },
  'revoked-pill': { ja: '失効', en: 'Revoked' },
  'suspended-headline': {
    ja: 'この証明書は一時停止されています',
    en: 'This credential is suspended',
  },
  'suspended-lead': {
    ja: '本物の証明書ですが、発行者が一時的に効力を停止しています。停止が解除されれば再び有効になります。',
    en: 'It is a genuine credential, but its issuer has suspended it for now. It becomes valid again if the suspension is lifted.',
  },
  'suspended-pill': { ja: '一時停止', en: 'Suspended' },
  'expired-headline': {
    ja: 'この証明書は有効期限が切れています',
    en: 'This credential has expired',
  },
  'expired-lead': {
    ja: '本物の証明書ですが、有効期限を過ぎています。',
    en: 'It is a genuine credential, but its validity period has ended.',
  },
  'expired-pill': { ja: '期限切れ', en: 'Expired' },
  'not-yet-valid-headline': {
    ja: 'この証明書はまだ有効になっていません',
    en: 'This credential is not valid yet',
  },
  'not-yet-valid-lead': {
    ja: '本物の証明書ですが、有効期間がまだ始まっていません。',
    en: 'It is a genuine credential, but its validity period has not started yet.',
  },
  'not-yet-valid-pill': { ja: '有効期間前', en: 'Not yet valid' },
  'tampered-headline': {
    ja: 'この証明書は改ざんされています',
    en: 'This credential has been tampered with',
  },
  'tampered-lead': {
    ja: '内容が発行者の電子署名と一致しません。発行後に書き換えられたか、発行者以外が作成したものです。この証明書は信頼しないでください。',
    en: "Its content does not match the issuer's signature: it was changed after it was issued, or made by someone other than the issuer. Do not rely on it.",
  },
  'tampered-pill': { ja: '改ざん', en: 'Tampered' },
  'issuer-unreachable-headline': {
    ja: '発行者の情報を取得できませんでした',
    en: 'The issuer could not be reached',
  },
  'issuer-unreachable-lead': {
    ja: '確認に必要な情報（バッジの公開先、発行者の鍵、失効リストなど）を取得できなかったため、有効かどうかを判断できません。時間をおいて再度お試しください。',
    en: "Something needed for the check (the badge's address, the issuer's key, the status list) could not be fetched, so whether it is valid cannot be told. Try again later.",
  },
  'issuer-unreachable-pill': { ja: '確認できず', en: 'Unconfirmed' },
  'unreadable-headline': {
    ja: '証明書として読み取れませんでした',
    en: 'This could not be read as a credential',
  },
  'unreadable-lead': {
    ja: 'バッジ画像、JSON、JWT のいずれとしても読み取れませんでした。',
    en: 'It could not be read as a badge image, JSON or a JWT.',
  },
  'unreadable-pill': { ja: '読み取り不可', en: 'Unreadable' },
  'invalid-headline': {
    ja: 'この証明書は有効ではありません',
    en: 'This credential is not valid',
  },
  'invalid-lead': {
    ja: '規格に沿っていないか、有効な電子署名がないため、正しい証明書として確認できませんでした。',
    en: 'It does not follow the standard or has no valid signature, so it cannot be confirmed as a genuine credential.',
  },
  'invalid-pill': { ja: '無効', en: 'Not valid' },
});

/** Each check: its name and what it means, in plain words. */
export const checkText = defineTexts({
  'parse-name': { ja: '読み取り', en: 'Reading' },
  'parse-means': {
    ja: 'ファイル・データ・URL から証明書を取り出せるかを確認します。',
    en: 'Whether a credential can be taken out of the file, data or address.',
  },
  'context-name': { ja: '文書の種類', en: 'Document type' },
  'context-means': {
    ja: 'オープンバッジの証明書であることが正しく宣言されているかを確認します。',
    en: 'Whether the document correctly declares itself an Open Badges credential.',
  },
  'jsonld-name': { ja: '項目の定義', en: 'Defined fields' },
  'jsonld-means': {
    ja: 'すべての項目が、規格で定義された意味を持っているかを確認します。',
    en: 'Whether every field has a meaning defined by the standards.',
  },
  'schema-name': { ja: 'データ形式', en: 'Data format' },
  'schema-means': {
    ja: '必要な項目がそろい、規格どおりの形式になっているかを確認します。',
    en: 'Whether the required fields are there, in the form the standard sets.',
  },
  'proof-name': { ja: '電子署名', en: 'Digital signature' },
  'proof-means': {
    ja: '発行者の電子署名により、発行後に内容が書き換えられていないかを確認します。',
    en: 'Whether the content is exactly what the issuer signed: any change after issuing breaks the signature.',
  },
  'issuer-name': { ja: '発行者の鍵', en: "Issuer's key" },
  'issuer-means': {
    ja: '署名に使われた鍵が、記載されている発行者のものかを確認します。',
    en: 'Whether the key that signed it belongs to the issuer it names.',
  },
  'refresh-name': { ja: '更新サービス', en: 'Refresh service' },
  'refresh-means': {
    ja: '発行者が新しい版を提供しているかを確認します（参考情報）。',
    en: 'Whether the issuer offers a newer version (for information).',
  },
  'validity-name': { ja: '有効期間', en: 'Validity period' },
  'validity-means': {
    ja: '現在が有効期間の中にあるかを確認します。',
    en: 'Whether now falls within the period in which it is valid.',
  },
  'status-name': { ja: '失効・一時停止', en: 'Revocation and suspension' },
  'status-means': {
    ja: '発行者が取り消し（失効）や一時停止をしていないかを、発行者の公開リストで確認します。',
    en: "Whether the issuer has revoked or suspended it, from the issuer's published list.",
  },
  'recipient-name': { ja: '受領者', en: 'Recipient' },
  'recipient-means': {
    ja: '特定の人に発行されたものかを照合します（照合する相手を指定しない場合は省略します）。',
    en: 'Whether it was issued to a given person (skipped when no one is given).',
  },
  'endorsements-name': { ja: '推薦', en: 'Endorsements' },
  'endorsements-means': {
    ja: '第三者による推薦（エンドースメント）が付いている場合、それらも有効かを確認します。',
    en: 'Whether endorsements by third parties, if any, are valid too.',
  },
  'outcome-passed': { ja: '合格', en: 'Passed' },
  'outcome-failed': { ja: '不合格', en: 'Failed' },
  'outcome-skipped': { ja: '省略', en: 'Skipped' },
  'outcome-error': { ja: '確認できず', en: 'Could not check' },
});
