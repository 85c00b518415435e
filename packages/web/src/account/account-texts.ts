/** Texts of the signed-in account pages: profile, password, two-step verification, passkeys. */
import { defineTexts } from '../kit/texts.js';

export const accountText = defineTexts({
  // Account
  accountTitle: { ja: 'アカウント設定', en: 'Account settings' },
  profileTitle: { ja: 'プロフィール', en: 'Profile' },
  email: { ja: 'メールアドレス', en: 'E-mail address' },
  emailNote: {
    ja: 'メールアドレスは変更できません。',
    en: 'The e-mail address cannot be changed.',
  },
  displayName: { ja: '表示名', en: 'Display name' },
  locale: { ja: 'メールの言語', en: 'Language of e-mails' },
  localeJa: { ja: '日本語', en: 'Japanese (日本語)' },
  localeEn: { ja: '英語（English）', en: 'English' },
  saveProfile: { ja: 'プロフィールを保存', en: 'Save the profile' },
  passwordTitle: { ja: 'パスワードの変更', en: 'Change the password' },
  currentPassword: { ja: '現在のパスワード', en: 'Current password' },
  newPassword: { ja: '新しいパスワード', en: 'New password' },
  newPasswordHint: {
    ja: '10 文字以上。変更すると、ほかの端末ではログアウトされます。',
    en: 'At least 10 characters. Other devices are signed out when you change it.',
  },
  changePassword: { ja: 'パスワードを変更', en: 'Change the password' },
  securityLink: { ja: '2 段階認証とパスキーの設定', en: 'Two-step verification and passkeys' },
  doneProfile: { ja: 'プロフィールを保存しました。', en: 'The profile has been saved.' },
  donePassword: { ja: 'パスワードを変更しました。', en: 'The password has been changed.' },
  // Security
  securityTitle: { ja: '2 段階認証とパスキー', en: 'Two-step verification and passkeys' },
  backToAccount: { ja: 'アカウント設定に戻る', en: 'Back to account settings' },
  totpTitle: { ja: '認証アプリ', en: 'Authenticator app' },
  totpOn: { ja: '有効', en: 'On' },
  totpOff: { ja: '無効', en: 'Off' },
  status: { ja: '状態', en: 'Status' },
  totpIntro: {
    ja: 'ログイン時に、パスワードに加えて認証アプリ（Google Authenticator、Microsoft Authenticator など）のコードを入力します。',
    en: 'When you sign in, you also enter a code from an authenticator app (Google Authenticator, Microsoft Authenticator and others).',
  },
  totpStart: { ja: '認証アプリを設定する', en: 'Set up an authenticator app' },
  passwordToContinue: { ja: '現在のパスワード', en: 'Current password' },
  totpDisableTitle: { ja: '認証アプリを無効にする', en: 'Turn off the authenticator app' },
  totpDisableHint: {
    ja: '認証アプリのコード、またはリカバリーコードを入力してください。',
    en: 'Enter a code from the app, or a recovery code.',
  },
  code: { ja: '確認コード', en: 'Code' },
  totpDisable: { ja: '無効にする', en: 'Turn off' },
  recoveryTitle: { ja: 'リカバリーコード', en: 'Recovery codes' },
  recoveryLeft: {
    ja: '未使用のリカバリーコード: {count} 個',
    en: 'Unused recovery codes: {count}',
  },
  recoveryRegenerate: { ja: 'リカバリーコードを作り直す', en: 'Make new recovery codes' },
  recoveryRegenerateLead: {
    ja: '新しいリカバリーコードを 10 個作成します。これまでのコードは使えなくなります。',
    en: 'Ten new recovery codes replace the old ones, which stop working.',
  },
  passkeysTitle: { ja: 'パスキー', en: 'Passkeys' },
  passkeysIntro: {
    ja: 'パスキーを使うと、指紋・顔認証・PIN などでログインできます。',
    en: 'With a passkey you sign in with your fingerprint, face or device PIN.',
  },
  noPasskeys: { ja: '登録済みのパスキーはありません。', en: 'You have no passkeys.' },
  passkeyName: { ja: '名前', en: 'Name' },
  passkeyCreated: { ja: '登録日', en: 'Added' },
  passkeyLastUsed: { ja: '最終使用日', en: 'Last used' },
  never: { ja: '未使用', en: 'Never' },
  actions: { ja: '操作', en: 'Actions' },
  passkeyRemove: { ja: '削除', en: 'Remove' },
  passkeyRemoveLabel: { ja: 'パスキー「{name}」を削除', en: 'Remove the passkey “{name}”' },
  passkeyAddTitle: { ja: 'パスキーを追加', en: 'Add a passkey' },
  passkeyNameHint: {
    ja: '見分けやすい名前（例: 仕事用ノート PC）',
    en: 'A name you will recognise (e.g. work laptop)',
  },
  passkeyAdd: { ja: 'パスキーを追加する', en: 'Add the passkey' },
  passkeyUnsupported: {
    ja: 'このブラウザではパスキーを追加できません。パスキーに対応したブラウザで JavaScript を有効にしてお使いください。',
    en: 'This browser cannot add a passkey: use a browser that supports passkeys, with JavaScript on.',
  },
  passkeyFailed: {
    ja: 'パスキーを追加できませんでした。もう一度お試しください。',
    en: 'The passkey could not be added. Please try again.',
  },
  doneTotpOff: { ja: '認証アプリを無効にしました。', en: 'The authenticator app is now off.' },
  donePasskeyRemoved: { ja: 'パスキーを削除しました。', en: 'The passkey has been removed.' },
  donePasskeyAdded: { ja: 'パスキーを追加しました。', en: 'The passkey has been added.' },
  doneTotpOn: {
    ja: '認証アプリを有効にしました。',
    en: 'The authenticator app is now on.',
  },
  // TOTP set-up
  totpSetupTitle: { ja: '認証アプリの設定', en: 'Set up an authenticator app' },
  totpScan: {
    ja: '1. 認証アプリでこの QR コードを読み取ってください。',
    en: '1. Scan this QR code with your authenticator app.',
  },
  totpQrAlt: {
    ja: '認証アプリに登録するための QR コード',
    en: 'QR code to add this account to an authenticator app',
  },
  totpManual: {
    ja: 'QR コードを読み取れない場合は、次のキーを手入力してください。',
    en: 'If you cannot scan the code, type this key into the app instead.',
  },
  totpKey: { ja: 'セットアップキー', en: 'Set-up key' },
  totpEnterCode: {
    ja: '2. アプリに表示された 6 桁のコードを入力してください。',
    en: '2. Enter the 6-digit code the app shows.',
  },
  totpConfirm: { ja: '確認して有効にする', en: 'Verify and turn on' },
  // Recovery codes
  recoveryShownTitle: { ja: 'リカバリーコードを保管してください', en: 'Keep your recovery codes' },
  recoveryWarning: {
    ja: 'このコードが表示されるのは今回だけです。認証アプリやパスキーが使えなくなったとき、各コードを 1 回だけログインに使えます。印刷するかファイルに保存し、他人に見られない安全な場所に保管してください。',
    en: 'These codes are shown only this once. If you lose your authenticator app or passkey, each code lets you sign in once. Print or save them and keep them somewhere safe and private.',
  },
  recoveryDownload: {
    ja: 'テキストファイルとしてダウンロード',
    en: 'Download as a text file',
  },
  recoveryFileHeader: {
    ja: 'Akashi のリカバリーコード（各コードは 1 回だけ使えます）',
    en: 'Akashi recovery codes (each code works once)',
  },
  recoveryContinue: { ja: '保管しました。設定に戻る', en: 'I have kept them: back to settings' },
});
