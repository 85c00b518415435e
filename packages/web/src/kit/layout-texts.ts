import { defineTexts } from './texts.js';

export const layoutText = defineTexts({
  siteName: { ja: 'Akashi 証', en: 'Akashi 証' },
  skipToContent: { ja: '本文へ移動', en: 'Skip to content' },
  mainNav: { ja: 'メインメニュー', en: 'Main menu' },
  verify: { ja: 'バッジを検証', en: 'Verify a badge' },
  organisations: { ja: '発行機関', en: 'Issuers' },
  wallet: { ja: 'ウォレット', en: 'Wallet' },
  console: { ja: '発行者コンソール', en: 'Issuer console' },
  operator: { ja: '運営コンソール', en: 'Operator console' },
  account: { ja: 'アカウント', en: 'Account' },
  signIn: { ja: 'ログイン', en: 'Sign in' },
  signUp: { ja: '新規登録', en: 'Sign up' },
  signOut: { ja: 'ログアウト', en: 'Sign out' },
  otherLanguage: { ja: 'English', en: '日本語' },
  switchLanguage: { ja: 'Switch to English', en: '日本語に切り替え' },
  calendarWareki: { ja: '和暦を併記する', en: 'Show Japanese era dates' },
  calendarGregorian: { ja: '西暦のみで表示する', en: 'Gregorian dates only' },
  footer: {
    ja: 'Akashi — オープンバッジ 2.0 / 3.0 の発行・検証プラットフォーム（オープンソース）',
    en: 'Akashi — an open-source Open Badges 2.0 / 3.0 platform',
  },
  apiDocs: { ja: 'API リファレンス', en: 'API reference' },
  errorsTitle: { ja: '入力内容を確認してください', en: 'Please check the form' },
  breadcrumb: { ja: 'パンくずリスト', en: 'Breadcrumb' },
});
