/** Texts of `/console/{org}/settings`: the organisation's facts and settings. */
import { defineTexts } from '../kit/texts.js';

export const settingsText = defineTexts({
  title: { ja: '組織と発行者', en: 'Organisation and issuers' },
  organisation: { ja: '組織の情報', en: 'The organisation' },
  legalName: { ja: '正式名称', en: 'Legal name' },
  nameEn: { ja: '英語名', en: 'Name in English' },
  domain: { ja: 'ドメイン', en: 'Domain' },
  type: { ja: '種別', en: 'Type' },
  contactEmail: { ja: '連絡先メールアドレス', en: 'Contact e-mail address' },
  status: { ja: '審査状況', en: 'Status' },
  approvedAt: { ja: '承認日', en: 'Approved on' },
  notApproved: { ja: '未承認', en: 'Not approved' },
  require2fa: { ja: '二段階認証の必須化', en: 'Second factor required' },
  on: { ja: '必須', en: 'Required' },
  off: { ja: '任意', en: 'Optional' },
  vettedNote: {
    ja: '名称・ドメイン・種別は審査済みの内容のため、ここでは変更できません。変更が必要な場合は運営者にご連絡ください。',
    en: 'The names, domain and type were vetted and cannot be changed here; contact the operator to change them.',
  },
  settings: { ja: '設定', en: 'Settings' },
  require2faLabel: {
    ja: 'スタッフ全員に二段階認証（認証アプリまたはパスキー）を求める',
    en: 'Require a second factor (authenticator app or passkey) from every staff member',
  },
  require2faHint: {
    ja: '有効にすると、二段階認証を済ませていないセッションでは発行や設定の変更ができなくなります。先にご自身のアカウントで二段階認証を設定してください。',
    en: 'Once on, sessions that did not pass a second factor can neither issue nor change settings. Set up your own second factor first.',
  },
  saveSettings: { ja: '設定を保存する', en: 'Save the settings' },
  linkedinOrganizationId: { ja: 'LinkedIn 企業ページ ID', en: 'LinkedIn company page id' },
  linkedinOrganizationIdHint: {
    ja: 'LinkedIn の企業ページを管理者として開いたときのアドレス（linkedin.com/company/12345678/admin/）に含まれる数字です。設定すると、学習者がバッジを LinkedIn のプロフィールに追加するときに、組織の LinkedIn ページとロゴが表示されます。空欄の場合は組織名が文字として送られます。',
    en: "The number in the address of your LinkedIn company page when you open it as an admin (linkedin.com/company/12345678/admin/). With it, badges that learners add to their LinkedIn profile show your organisation's LinkedIn page and logo; left empty, the organisation's name is sent as text.",
  },
  notSet: { ja: '未設定', en: 'Not set' },
});
