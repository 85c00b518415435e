/** Texts of the account's e-mail address pages (`/account/emails`), in Japanese and English. */
import { defineTexts } from '../kit/texts.js';

export const emailsText = defineTexts({
  title: { ja: 'メールアドレス', en: 'E-mail addresses' },
  lead: {
    ja: '確認済みのメールアドレス宛てに発行されたバッジは、自動的にウォレットに追加されます。学校や職場など、バッジを受け取ったことのあるアドレスを追加してください。',
    en: 'Badges awarded to any of your confirmed addresses are added to your wallet automatically. Add every address you have received badges at, such as a school or work address.',
  },
  primaryTitle: { ja: 'ログイン用のアドレス', en: 'Sign-in address' },
  primaryNote: {
    ja: 'ログインに使うアドレスです。ここでは変更・削除できません。',
    en: 'The address you sign in with. It cannot be changed or removed here.',
  },
  othersTitle: { ja: '追加したアドレス', en: 'Other addresses' },
  none: { ja: '追加したアドレスはまだありません。', en: 'No other addresses yet.' },
  verified: { ja: '確認済み', en: 'Confirmed' },
  pending: { ja: '確認待ち', en: 'Awaiting confirmation' },
  pendingHint: {
    ja: '確認メールのリンクを開くと、このアドレス宛てのバッジがウォレットに追加されます。',
    en: 'Open the link in the confirmation e-mail to bring this address’s badges into your wallet.',
  },
  addedOn: { ja: '{date} に追加', en: 'Added {date}' },
  remove: { ja: '削除', en: 'Remove' },
  removeLabel: { ja: '{email} を削除', en: 'Remove {email}' },
  addTitle: { ja: 'アドレスを追加', en: 'Add an address' },
  addLabel: { ja: '追加するメールアドレス', en: 'E-mail address to add' },
  addHint: {
    ja: '確認のためのリンクをこのアドレスにお送りします。リンクを開くまで、アドレスは追加されません。',
    en: 'We will send a confirmation link to this address. It is added only once you open the link.',
  },
  addButton: { ja: '確認メールを送信', en: 'Send the confirmation e-mail' },
  doneSent: {
    ja: '確認メールを送信しました。メールのリンクを開いて、追加を完了してください（届かない場合は迷惑メールフォルダもご確認ください）。',
    en: 'The confirmation e-mail has been sent. Open the link in it to finish adding the address (if it does not arrive, please check your spam folder).',
  },
  doneRemoved: {
    ja: 'アドレスを削除しました。ウォレットのバッジはそのまま残ります。',
    en: 'The address has been removed. The badges in your wallet stay there.',
  },
  doneVerified: {
    ja: 'アドレスを確認しました。',
    en: 'The address has been confirmed.',
  },
  doneVerifiedAdded: {
    ja: 'アドレスを確認しました。バッジ {count} 個をウォレットに追加しました。',
    en: 'The address has been confirmed. {count} badges were added to your wallet.',
  },
  doneVerifiedAddedOne: {
    ja: 'アドレスを確認しました。バッジ 1 個をウォレットに追加しました。',
    en: 'The address has been confirmed. 1 badge was added to your wallet.',
  },
  doneVerifiedNone: {
    ja: 'アドレスを確認しました。このアドレス宛てで新しく追加されたバッジはありません。今後このアドレス宛てに発行されたバッジは、自動的にウォレットに追加されます。',
    en: 'The address has been confirmed. No new badges were found for it; badges awarded to it from now on will appear in your wallet automatically.',
  },
  openWallet: { ja: 'ウォレットを開く', en: 'Open the wallet' },
  // Removing
  removeTitle: { ja: 'アドレスの削除', en: 'Remove the address' },
  removeQuestion: { ja: '{email} を削除しますか？', en: 'Remove {email}?' },
  removeExplain: {
    ja: 'すでにウォレットにあるバッジは残ります。削除後にこのアドレス宛てに発行されたバッジは、自動では追加されなくなります。',
    en: 'Badges already in your wallet stay there. Badges awarded to this address afterwards will no longer be added automatically.',
  },
  removeConfirm: { ja: '削除する', en: 'Remove it' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  removeGoneTitle: { ja: 'アドレスが見つかりません', en: 'Address not found' },
  removeGoneBody: {
    ja: 'このアドレスはすでに削除されているか、存在しません。',
    en: 'This address has already been removed, or does not exist.',
  },
  // Confirming
  verifyTitle: { ja: 'メールアドレスの確認', en: 'Confirm the e-mail address' },
  verifyLead: {
    ja: '下のボタンを押すと、アドレスの確認が完了し、このアドレス宛てのバッジがウォレットに追加されます。',
    en: 'Press the button to confirm the address; the badges awarded to it are then added to your wallet.',
  },
  verifyButton: { ja: 'アドレスを確認する', en: 'Confirm the address' },
  verifyNoToken: {
    ja: '確認用のリンクが正しくありません。メールのリンクをもう一度開くか、アドレスを追加し直してください。',
    en: 'The confirmation link is not complete. Open the link in the e-mail again, or add the address again.',
  },
  backToEmails: { ja: 'メールアドレスの一覧へ', en: 'Back to the e-mail addresses' },
  backToAccount: { ja: 'アカウント設定に戻る', en: 'Back to account settings' },
  // Links from the account page
  accountLinkEmails: {
    ja: 'メールアドレスの追加と管理',
    en: 'Add and manage e-mail addresses',
  },
  accountLinkDelete: { ja: 'アカウントの削除', en: 'Delete the account' },
  accountLinkConnectedApps: {
    ja: '連携中のアプリケーション',
    en: 'Connected applications',
  },
});
