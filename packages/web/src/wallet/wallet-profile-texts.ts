/**
 * Texts of the public profile settings (`/wallet/profile`) and of the claim page
 * (`/wallet/claim/{awardId}`), in Japanese and English.
 */
import { defineTexts } from '../kit/texts.js';

export const profileText = defineTexts({
  title: { ja: '公開プロフィール', en: 'Public profile' },
  lead: {
    ja: '公開プロフィールには、あなたが公開したバッジとコレクションが表示されます。有効にするまで、誰にも公開されません。',
    en: 'Your public profile shows the badges and collections you made public. Nobody can see it until you turn it on.',
  },
  enabled: { ja: '公開プロフィールを有効にする', en: 'Turn on my public profile' },
  enabledHint: {
    ja: 'オフにすると、プロフィールのページは表示されなくなります（共有リンクは引き続き使えます）。',
    en: 'When off, the profile page is not shown (share links keep working).',
  },
  slug: { ja: 'プロフィールの URL', en: 'Profile address' },
  slugHint: {
    ja: '半角英小文字・数字・ハイフン。公開アドレスは {url} になります。',
    en: 'Lower-case letters, digits and hyphens. Your address will be {url}',
  },
  displayName: { ja: '表示名', en: 'Display name' },
  displayNameHint: {
    ja: '入力したとおりに表示されます（漢字・かな・ローマ字のいずれでも）。',
    en: 'Shown exactly as you type it (kanji, kana or romaji).',
  },
  nameKana: { ja: 'ふりがな（任意）', en: 'Name in kana (optional)' },
  nameRomaji: { ja: 'ローマ字表記（任意）', en: 'Name in romaji (optional)' },
  headline: { ja: 'ひとこと紹介（任意）', en: 'Headline (optional)' },
  headlineHint: {
    ja: '例：情報工学専攻・データ分析を学んでいます',
    en: 'For example: Computer science student, learning data analysis',
  },
  save: { ja: '保存する', en: 'Save' },
  saved: { ja: '公開プロフィールを保存しました。', en: 'Your public profile was saved.' },
  statusOn: { ja: '公開中：', en: 'Public at ' },
  statusOff: {
    ja: '現在、公開プロフィールは無効です。',
    en: 'Your public profile is turned off.',
  },
  view: { ja: '公開ページを見る', en: 'View the public page' },
  // The claim page
  claimTitle: { ja: 'バッジをウォレットに追加', en: 'Add the badge to your wallet' },
  claimLead: {
    ja: 'このリンクは、あなたに授与されたオープンバッジをウォレットに追加するためのものです。',
    en: 'This link adds an Open Badge awarded to you to your wallet.',
  },
  claimSignedOut: {
    ja: 'ウォレットはアカウントに付いています。ログインするか、アカウントを作成すると、このページに戻ってバッジを追加できます。',
    en: 'A wallet belongs to an account. Sign in, or create an account, and you come back to this page to add the badge.',
  },
  claimSignIn: { ja: 'ログインして追加', en: 'Sign in to add it' },
  claimSignUp: { ja: 'アカウントを作成', en: 'Create an account' },
  claimSignedIn: {
    ja: '{name} さんのウォレットに追加します。追加したバッジは、あなたが公開するまで非公開です。',
    en: 'It will be added to the wallet of {name}. It stays private until you make it public.',
  },
  claimButton: { ja: 'ウォレットに追加する', en: 'Add to my wallet' },
  claimBadTitle: { ja: 'このリンクは使えません', en: 'This link cannot be used' },
  claimBadToken: {
    ja: 'リンクが正しくないか、途中で切れています。メールのリンクをそのまま開いてください。解決しない場合は、発行元にお問い合わせください。',
    en: 'The link is wrong or was cut short. Open the link in the e-mail exactly as it is; if that does not help, contact the issuer.',
  },
  claimElsewhereTitle: {
    ja: 'このバッジは別のアカウントに追加済みです',
    en: 'This badge is already in another account',
  },
  claimElsewhere: {
    ja: 'このバッジはすでに別のアカウントのウォレットに入っています。ご自身の別のアカウントであれば、そちらでログインしてください。心当たりがない場合は、発行元にお問い合わせください。',
    en: 'This badge is already in another account’s wallet. If that is another account of yours, sign in with it; otherwise, contact the issuer.',
  },
  claimNotFoundTitle: { ja: 'バッジが見つかりません', en: 'Badge not found' },
  claimNotFound: {
    ja: 'このリンクのバッジは見つかりませんでした。取り消されたか、リンクが正しくない可能性があります。',
    en: 'The badge of this link was not found: it may have been withdrawn, or the link is wrong.',
  },
  goWallet: { ja: 'ウォレットを開く', en: 'Open the wallet' },
});
