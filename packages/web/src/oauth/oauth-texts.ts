/**
 * The texts of the OAuth pages (the consent screen at /oauth/authorize, its error pages, and the
 * list of connected applications at /account/connected-apps), in Japanese and English.
 */
import { defineTexts } from '../kit/texts.js';

export const oauthText = defineTexts({
  // The consent screen.
  consentTitle: { ja: 'アプリケーションとの連携', en: 'Connect an application' },
  consentHeading: {
    ja: '「{name}」があなたの Akashi アカウントへのアクセスを求めています',
    en: '“{name}” wants to access your Akashi account',
  },
  clientHost: { ja: '提供元のサイト', en: 'Provided by' },
  signedInAs: { ja: 'ログイン中のアカウント', en: 'Signed in as' },
  canHeading: {
    ja: '許可すると、このアプリケーションは次のことができます',
    en: 'If you allow it, this application will be able to',
  },
  cannotHeading: {
    ja: '次のことはできません',
    en: 'It will not be able to',
  },
  cannotPassword: {
    ja: 'パスワードを見ること、あなたとしてログインすること',
    en: 'See your password or sign in as you',
  },
  cannotAccount: {
    ja: 'アカウントの設定を変更すること、アカウントを削除すること',
    en: 'Change your account settings or delete your account',
  },
  cannotIssue: {
    ja: '組織の管理画面を使うこと、あなたの名前でバッジを発行すること',
    en: "Use your organisations' consoles or issue badges in your name",
  },
  cannotWrite: {
    ja: 'ウォレットのバッジやプロフィールを追加・変更すること',
    en: 'Add or change the badges or the profile in your wallet',
  },
  documentsHeading: { ja: 'アプリケーションの規約', en: "The application's terms" },
  terms: { ja: '利用規約', en: 'Terms of service' },
  privacy: { ja: 'プライバシーポリシー', en: 'Privacy policy' },
  trustNote: {
    ja: '信頼できる提供元の場合にのみ許可してください。',
    en: 'Allow only if you trust the provider. ',
  },
  withdrawBefore: {
    ja: '許可したアクセスは',
    en: 'You can withdraw the access at any time under ',
  },
  withdrawAfter: { ja: 'からいつでも取り消せます。', en: '.' },
  connectedAppsLink: { ja: '連携中のアプリケーション', en: 'Connected applications' },
  details: { ja: '技術的な詳細', en: 'Technical details' },
  detailsRedirect: { ja: '戻り先のアドレス', en: 'Redirect address' },
  detailsScopes: { ja: '要求されたスコープ', en: 'Requested scopes' },
  detailsClientId: { ja: 'クライアント ID', en: 'Client ID' },
  allow: { ja: '許可する', en: 'Allow' },
  deny: { ja: '拒否する', en: 'Deny' },
  decisionLabel: { ja: 'アクセスを許可するかどうか', en: 'Allow or deny access' },

  // Signed out.
  signedOutTitle: { ja: 'アプリケーションとの連携', en: 'Connect an application' },
  signedOutLead: {
    ja: 'アプリケーションが、あなたの Akashi アカウントのバッジへのアクセスを求めています。',
    en: 'An application is asking to access the badges in your Akashi account.',
  },
  signedOutBody: {
    ja: '続けるにはログインしてください。アカウントをお持ちでない場合は新しく作成できます。ログイン後にこの画面に戻り、許可するかどうかを選べます。',
    en: 'Please sign in to continue, or create an account if you do not have one. You will come back here afterwards and choose whether to allow it.',
  },
  signIn: { ja: 'ログイン', en: 'Sign in' },
  signUp: { ja: 'アカウントを作成', en: 'Create an account' },

  // Requests that cannot go on.
  errorTitle: {
    ja: 'このアプリケーションとは連携できません',
    en: 'This application cannot be connected',
  },
  errorLead: {
    ja: '連携の要求に問題があるため、処理を続けられません。アプリケーションには戻りません。',
    en: 'The request has a problem, so it cannot go on. You will not be sent back to the application.',
  },
  errorAdvice: {
    ja: 'アプリケーションの提供元にお問い合わせください。',
    en: 'Please contact the provider of the application.',
  },
  errorReason: { ja: '理由', en: 'Reason' },
  repeatedParameter: {
    ja: 'パラメーター「{name}」が複数回指定されています。',
    en: 'The parameter “{name}” is given more than once.',
  },
  goHome: { ja: 'トップページへ', en: 'Go to the home page' },
  requestId: { ja: '問い合わせ番号', en: 'Request id' },
  newTab: { ja: '（新しいタブで開きます）', en: '(opens in a new tab)' },

  // Connected applications.
  appsTitle: { ja: '連携中のアプリケーション', en: 'Connected applications' },
  appsLead: {
    ja: 'あなたのアカウントへのアクセスを許可したアプリケーションです。取り消すと、そのアプリケーションはすぐにアクセスできなくなります。',
    en: 'The applications you allowed to access your account. Once you withdraw the access, an application can no longer use it.',
  },
  appsNone: {
    ja: '連携中のアプリケーションはありません。',
    en: 'No application has access to your account.',
  },
  appsScopes: { ja: '許可した内容', en: 'What it can do' },
  appsGrantedAt: { ja: '許可した日', en: 'Allowed on' },
  appsLastIssuedAt: { ja: '最後に接続した日', en: 'Last connected on' },
  appsRevoke: { ja: 'アクセスを取り消す', en: 'Withdraw access' },
  appsRevokeWhich: { ja: '：「{name}」', en: ': “{name}”' },
  appsRevoked: {
    ja: 'アプリケーションのアクセスを取り消しました。',
    en: 'The access of the application was withdrawn.',
  },
  appsBack: { ja: 'アカウント設定に戻る', en: 'Back to your account' },
});

export type OAuthTextKey = Parameters<typeof oauthText>[1];
