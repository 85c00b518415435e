/** Texts of account deletion (`/account/delete`) and the goodbye page, in Japanese and English. */
import { defineTexts } from '../kit/texts.js';

export const deleteText = defineTexts({
  title: { ja: 'アカウントの削除', en: 'Delete the account' },
  lead: {
    ja: 'アカウントを削除すると、元に戻すことはできません。削除する前に、必要なバッジを書き出してください。',
    en: 'Deleting the account cannot be undone. Before you delete it, export the badges you want to keep.',
  },
  exportTitle: { ja: 'まずバッジを書き出す', en: 'First, export your badges' },
  exportBody: {
    ja: 'ウォレットのすべてのバッジを、元の証明書データと一覧表（ZIP ファイル）として保存できます。保存したバッジは、ほかのウォレットに取り込むことができます。',
    en: 'Save every badge in your wallet as its original credential plus an index (a ZIP file). Saved badges can be imported into another wallet.',
  },
  exportLink: { ja: 'ウォレットを書き出す（ZIP）', en: 'Export the wallet (ZIP)' },
  deletedTitle: { ja: '削除されるもの', en: 'What will be deleted' },
  deletedAccount: {
    ja: 'アカウント（表示名、ログイン用のメールアドレス、パスワード）',
    en: 'The account (display name, sign-in address, password)',
  },
  deletedWallet: {
    ja: 'ウォレットのすべてのバッジ（取り込んだバッジを含む）とコレクション',
    en: 'Every badge in the wallet (imported ones too) and the collections',
  },
  deletedProfile: { ja: '公開プロフィール', en: 'The public profile' },
  deletedLinks: {
    ja: 'すべての共有リンク（共有したページは表示されなくなります）',
    en: 'Every share link (the pages you shared stop working)',
  },
  deletedAddresses: { ja: '追加したメールアドレス', en: 'The added e-mail addresses' },
  deletedFactors: {
    ja: 'ログインの手段（パスキー、認証アプリ、リカバリーコード）とログイン中のすべての端末のセッション',
    en: 'The ways to sign in (passkeys, authenticator app, recovery codes) and the sessions on every device',
  },
  deletedMemberships: {
    ja: '発行機関のメンバーとしての登録',
    en: 'Memberships of issuing organisations',
  },
  keptTitle: { ja: '発行者のもとに残るもの', en: 'What stays with the issuers' },
  keptBody: {
    ja: 'あなたに発行されたバッジの発行記録は、発行者（大学・企業など）が管理しているため、発行者のもとに残ります。発行記録の削除は、各発行者にお問い合わせください。公開されているバッジのページも、発行者が取り消すまで残ります。',
    en: 'The records of the badges awarded to you belong to their issuers (universities, companies and others), who keep them. To have those removed, please contact each issuer. A badge’s own public page also stays until the issuer revokes it.',
  },
  confirmTitle: { ja: '削除の確認', en: 'Confirm the deletion' },
  password: { ja: '現在のパスワード', en: 'Current password' },
  passwordHint: {
    ja: 'パスワードを設定していない（パスキーだけでログインしている）場合は空欄のままにしてください。その場合は、このログインでパスキーまたは認証アプリによる確認を済ませている必要があります。',
    en: 'If the account has no password (you sign in with a passkey only), leave this empty: the deletion is then accepted when you confirmed this sign-in with your passkey or authenticator app.',
  },
  confirmCheck: {
    ja: 'アカウントとウォレットのすべてのデータが削除され、元に戻せないことを理解しました',
    en: 'I understand that the account and all the wallet’s data will be deleted and cannot be restored',
  },
  confirmRequired: {
    ja: '削除する場合は、確認のチェックボックスをオンにしてください。',
    en: 'Tick the box to confirm the deletion.',
  },
  submit: { ja: 'アカウントを完全に削除する', en: 'Delete the account for good' },
  cancel: {
    ja: 'キャンセルしてアカウント設定に戻る',
    en: 'Cancel and go back to account settings',
  },
  lastAdminTitle: {
    ja: 'このアカウントはまだ削除できません',
    en: 'This account cannot be deleted yet',
  },
  lastAdminHelp: {
    ja: '発行機関のコンソールで、ほかのメンバーを管理者にしてから、もう一度お試しください。',
    en: 'In the issuer console, make another member an administrator first, then try again.',
  },
  consoleLink: { ja: '発行者コンソールを開く', en: 'Open the issuer console' },
  // Goodbye
  goodbyeTitle: { ja: 'アカウントを削除しました', en: 'The account has been deleted' },
  goodbyeBody: {
    ja: 'アカウントとウォレットのデータをすべて削除し、ログアウトしました。ご利用ありがとうございました。',
    en: 'The account and all the wallet’s data have been deleted, and you have been signed out. Thank you for using Akashi.',
  },
  goodbyeIssuers: {
    ja: '発行者が管理する発行記録は、各発行者のもとに残っています。',
    en: 'The award records kept by issuers remain with each issuer.',
  },
  home: { ja: 'トップページへ', en: 'Go to the home page' },
});
