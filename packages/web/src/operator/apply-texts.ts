/** Texts of the application form (`/apply`) and the applicant's status page (`/apply/{id}`). */
import { defineTexts } from '../kit/texts.js';

export const applyText = defineTexts({
  title: { ja: '発行機関としての利用申請', en: 'Apply to issue badges' },
  lead: {
    ja: '大学・学校・企業・団体・行政機関としてバッジを発行するには、プラットフォーム運営者の審査が必要です。承認されると、申請したあなたが組織の管理者になります。',
    en: 'Organisations issue badges once the platform operator has reviewed them. When your application is approved, you become the organisation’s admin.',
  },
  legalNameHint: {
    ja: '登記上の名称など正式な名称を入力してください。入力したとおりに表示されます。',
    en: 'The official name, usually in Japanese. It is shown exactly as you type it.',
  },
  nameEnHint: { ja: '例: Akashi University', en: 'e.g. Akashi University' },
  domainHint: {
    ja: '組織のウェブサイトのドメインです（例: example.ac.jp）。日本語ドメインは xn-- で始まる形式で入力してください。',
    en: 'Your web site’s domain, e.g. example.ac.jp. Enter an internationalised domain in its xn-- form.',
  },
  contactEmailHint: {
    ja: '審査についての連絡先です。',
    en: 'Where the operator can reach you about the application.',
  },
  justificationHint: {
    ja: 'バッジを発行する目的や対象者などをお書きください。',
    en: 'What the badges are for and who will receive them.',
  },
  submit: { ja: '申請を送信する', en: 'Submit the application' },
  statusTitle: { ja: '申請の状況', en: 'Your application' },
  doneApplied: {
    ja: '申請を受け付けました。審査の結果はこのページでご確認いただけます。',
    en: 'Your application has been received. Check this page for the decision.',
  },
  pendingBody: {
    ja: 'プラットフォーム運営者が審査しています。結果が出るまでお待ちください。',
    en: 'The platform operator is reviewing it. Please wait for the decision.',
  },
  approvedBody: {
    ja: '{date}に承認されました。あなたはこの組織の管理者です。',
    en: 'Approved on {date}. You are the organisation’s admin.',
  },
  rejectedBody: {
    ja: '{date}に却下されました。理由は次のとおりです。',
    en: 'Rejected on {date}, for this reason:',
  },
  openConsole: { ja: '発行者コンソールを開く', en: 'Open the issuer console' },
  applyAgain: { ja: '内容を改めて申請する', en: 'Apply again' },
  details: { ja: '申請内容', en: 'What you sent' },
});
