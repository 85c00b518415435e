/** Texts of the signed-out pages: sign-in, second factor, sign-up, e-mail check, password reset, set-up. */
import { defineTexts } from '../kit/texts.js';

export const signInText = defineTexts({
  // Sign-in
  signInTitle: { ja: 'ログイン', en: 'Sign in' },
  signInLead: {
    ja: 'メールアドレスとパスワードでログインしてください。',
    en: 'Sign in with your e-mail address and password.',
  },
  email: { ja: 'メールアドレス', en: 'E-mail address' },
  password: { ja: 'パスワード', en: 'Password' },
  signInButton: { ja: 'ログイン', en: 'Sign in' },
  passkeySignIn: { ja: 'パスキーでログイン', en: 'Sign in with a passkey' },
  passkeyFailed: {
    ja: 'パスキーで確認できませんでした。もう一度お試しいただくか、ほかの方法をお使いください。',
    en: 'The passkey could not be used. Please try again or use another way.',
  },
  forgotLink: { ja: 'パスワードをお忘れの方', en: 'Forgotten your password?' },
  noAccount: { ja: 'アカウントをお持ちでない方は', en: 'No account yet?' },
  signUpLink: { ja: '新規登録', en: 'Sign up' },
  // Second factor
  secondFactorTitle: { ja: '2 段階認証', en: 'Two-step verification' },
  secondFactorLead: {
    ja: '認証アプリに表示されている 6 桁のコード、またはリカバリーコードを入力してください。',
    en: 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  },
  code: { ja: '確認コード', en: 'Code' },
  codeHint: {
    ja: '例: 123456（リカバリーコードは xxxx-xxxx-xxxx-xxxx の形式です）',
    en: 'For example 123456 (a recovery code looks like xxxx-xxxx-xxxx-xxxx)',
  },
  verifyButton: { ja: '確認してログイン', en: 'Verify and sign in' },
  passkeySecondFactor: { ja: 'パスキーで確認', en: 'Use a passkey' },
  cancelSignIn: { ja: 'ログインをやめる', en: 'Cancel signing in' },
  // Sign-up
  signUpTitle: { ja: '新規登録', en: 'Create an account' },
  signUpLead: {
    ja: '登録後、確認用のメールをお送りします。メール内のリンクを開くと登録が完了します。',
    en: 'After you sign up we send you an e-mail; open its link to finish.',
  },
  displayName: { ja: '表示名', en: 'Display name' },
  displayNameHint: {
    ja: 'バッジや画面に表示されるお名前です（漢字・かな・ローマ字のいずれでも可）。',
    en: 'The name shown on badges and pages, written as you like (kanji, kana or Latin).',
  },
  passwordHint: {
    ja: '10 文字以上。長めのフレーズがおすすめです。',
    en: 'At least 10 characters; a long phrase works well.',
  },
  signUpButton: { ja: '登録する', en: 'Sign up' },
  haveAccount: { ja: 'すでにアカウントをお持ちの方は', en: 'Already have an account?' },
  signUpDoneTitle: { ja: '確認メールをお送りしました', en: 'Check your e-mail' },
  signUpDoneBody: {
    ja: 'ご入力のメールアドレスに確認用のリンクをお送りしました。メールを開き、リンクから登録を完了してください。届かない場合は迷惑メールフォルダもご確認ください。',
    en: 'We have sent a confirmation link to the address you gave. Open the e-mail and follow the link to finish. If it does not arrive, please check your spam folder.',
  },
  signUpDoneNext: {
    ja: 'メールアドレスを確認したら、こちらからログインすると、元のページに戻ります。',
    en: 'Once your address is confirmed, sign in here to go back to where you were.',
  },
  // Verify e-mail
  verifyTitle: { ja: 'メールアドレスの確認', en: 'Confirm your e-mail address' },
  verifyLead: {
    ja: '下のボタンを押すと、メールアドレスの確認が完了します。',
    en: 'Press the button below to confirm your e-mail address.',
  },
  verifyConfirm: { ja: 'メールアドレスを確認する', en: 'Confirm my e-mail address' },
  verifyDoneTitle: { ja: 'メールアドレスを確認しました', en: 'Your e-mail address is confirmed' },
  verifyDoneBody: {
    ja: 'ありがとうございます。ログインしてご利用ください。',
    en: 'Thank you. You can now sign in.',
  },
  linkProblemTitle: { ja: 'リンクを使用できません', en: 'This link cannot be used' },
  goSignIn: { ja: 'ログインへ進む', en: 'Go to sign in' },
  missingToken: {
    ja: 'リンクが不完全です。メールのリンクをそのまま開いてください。',
    en: 'The link is incomplete. Please open the link from the e-mail as it is.',
  },
  // Forgot / reset password
  forgotTitle: { ja: 'パスワードの再設定', en: 'Reset your password' },
  forgotLead: {
    ja: 'ご登録のメールアドレスを入力してください。パスワード再設定用のリンクをお送りします。',
    en: 'Enter the e-mail address of your account and we will send you a link to set a new password.',
  },
  forgotButton: { ja: '再設定用のリンクを送る', en: 'Send the reset link' },
  forgotSentTitle: { ja: 'メールをご確認ください', en: 'Check your e-mail' },
  forgotSentBody: {
    ja: 'ご入力のメールアドレスのアカウントがある場合、パスワード再設定用のリンクをお送りしました。リンクの有効期限にご注意ください。',
    en: 'If an account exists for that address, a link to set a new password is on its way. The link expires after a while.',
  },
  resetTitle: { ja: '新しいパスワードの設定', en: 'Set a new password' },
  newPassword: { ja: '新しいパスワード', en: 'New password' },
  resetButton: { ja: 'パスワードを設定する', en: 'Set the password' },
  resetDoneTitle: { ja: 'パスワードを設定しました', en: 'Your password has been set' },
  resetDoneBody: {
    ja: '新しいパスワードでログインしてください。',
    en: 'Please sign in with your new password.',
  },
  askNewLink: { ja: '新しいリンクを請求する', en: 'Ask for a new link' },
  // Set-up
  setupTitle: { ja: '運営者アカウントの作成', en: 'Create the operator account' },
  setupLead: {
    ja: 'このプラットフォームの最初の運営者アカウントを作成します。このリンクは一度だけ使えます。',
    en: 'Create the first operator account of this platform. The link works only once.',
  },
  setupButton: { ja: '運営者アカウントを作成する', en: 'Create the operator account' },
  setupInvalidTitle: {
    ja: 'セットアップ用リンクは使用済みか期限切れです',
    en: 'This set-up link has been used or has expired',
  },
  setupInvalidBody: {
    ja: 'サーバーを再起動すると新しいリンクが表示されます。または akashi admin create-operator コマンドで運営者を作成してください。',
    en: 'Restart the server to print a new link, or create the operator with akashi admin create-operator.',
  },
});
