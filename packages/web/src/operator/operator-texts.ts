/** The operator console's texts: the review queue, one application, organisations, audit log. */
import { defineTexts } from '../kit/texts.js';

export const operatorText = defineTexts({
  menu: { ja: '運営メニュー', en: 'Operator menu' },
  applications: { ja: '審査待ちの申請', en: 'Applications' },
  organisations: { ja: '組織一覧', en: 'Organisations' },
  audit: { ja: '監査ログ', en: 'Audit log' },

  pendingTitle: { ja: '審査待ちの申請', en: 'Applications awaiting review' },
  pendingLead: {
    ja: '発行機関としての利用申請です。内容を確認し、承認または却下してください。',
    en: 'Organisations applying to issue badges. Check each one, then approve or reject it.',
  },
  pendingNone: {
    ja: '審査待ちの申請はありません。',
    en: 'No application is waiting for review.',
  },
  pendingCount: { ja: '{count} 件の申請が審査を待っています。', en: '{count} waiting for review.' },
  reviewLink: { ja: '「{name}」の申請を審査する', en: 'Review the application of {name}' },
  doneApproved: {
    ja: '申請を承認しました。申請者がこの組織の管理者になりました。',
    en: "The application was approved. The applicant is now the organisation's admin.",
  },
  doneRejected: {
    ja: '申請を却下しました。申請者は却下の理由を確認できます。',
    en: 'The application was rejected. The applicant can read the reason.',
  },

  reviewTitle: { ja: '申請の審査', en: 'Review the application' },
  applicationDetails: { ja: '申請内容', en: 'The application' },
  decisionTitle: { ja: '審査結果', en: 'Decision' },
  decidedOn: { ja: '{date}に審査済みです。', en: 'Decided on {date}.' },
  approveHeading: { ja: '承認する', en: 'Approve' },
  approveHelp: {
    ja: '承認すると、この組織は公開の発行機関一覧に載り、申請者が組織管理者になります。既定の発行者プロフィールと署名鍵もあわせて作成されます。',
    en: 'Once approved, the organisation appears on the public list of issuers and the applicant becomes its admin. Its default issuer profile and signing keys are created too.',
  },
  noteLabel: { ja: 'メモ（任意）', en: 'Note (optional)' },
  noteHint: { ja: '監査ログに記録されます。', en: 'Kept in the audit log.' },
  approveButton: { ja: 'この申請を承認する', en: 'Approve this application' },
  rejectHeading: { ja: '却下する', en: 'Reject' },
  rejectHelp: {
    ja: '却下の理由は申請者に表示されます。改善点がわかるように具体的に記入してください。',
    en: 'The applicant can read the reason: say clearly what is missing.',
  },
  reasonLabel: { ja: '却下の理由', en: 'Reason for rejecting' },
  reasonRequired: {
    ja: '却下の理由を入力してください。',
    en: 'Please give the reason for rejecting.',
  },
  rejectButton: { ja: 'この申請を却下する', en: 'Reject this application' },
  backToQueue: { ja: '審査待ちの一覧へ戻る', en: 'Back to the applications' },

  organisationsTitle: { ja: '組織一覧', en: 'Organisations' },
  organisationsLead: {
    ja: '審査を終えた組織です。状態で絞り込めます。',
    en: 'Organisations that have been reviewed. Filter them by status.',
  },
  filter: { ja: '絞り込む', en: 'Filter' },
  organisationCount: { ja: '{count} 件', en: '{count} organisations' },
  noOrganisations: { ja: '該当する組織はありません。', en: 'No organisation matches.' },

  auditTitle: { ja: '監査ログ（全組織）', en: 'Audit log (all organisations)' },
  auditLead: {
    ja: 'プラットフォーム全体の操作記録です。新しいものから表示します。',
    en: 'Everything done on the platform, newest first.',
  },
  filters: { ja: '絞り込み条件', en: 'Filters' },
  action: { ja: '操作', en: 'Action' },
  actionHint: {
    ja: '例: org.approve（「account.」のように末尾をドットにすると前方一致）',
    en: 'e.g. org.approve (end with a dot, like “account.”, for every action under it)',
  },
  actor: { ja: '実行者 ID', en: 'Actor id' },
  organisationId: { ja: '組織 ID', en: 'Organisation id' },
  from: { ja: '開始日', en: 'From' },
  to: { ja: '終了日', en: 'To' },
  toHint: { ja: 'この日を含みます（日本時間）', en: 'Inclusive (Japan time)' },
  targetType: { ja: '対象の種類', en: 'Target type' },
  targetId: { ja: '対象 ID', en: 'Target id' },
  badDate: {
    ja: '日付は YYYY-MM-DD の形式で入力してください。',
    en: 'Enter the date as YYYY-MM-DD.',
  },
  clearFilters: { ja: '条件をクリア', en: 'Clear the filters' },
  exportCsv: { ja: 'この条件で CSV を書き出す', en: 'Export these events as CSV' },
  nextPage: { ja: '次のページ', en: 'Next page' },
  firstPage: { ja: '最初のページ', en: 'First page' },
  noEvents: { ja: '該当する記録はありません。', en: 'No event matches.' },
  occurredAt: { ja: '日時', en: 'When' },
  organisation: { ja: '組織', en: 'Organisation' },
  target: { ja: '対象', en: 'Target' },
  details: { ja: '詳細', en: 'Details' },
  ip: { ja: 'IP アドレス', en: 'IP address' },
  platform: { ja: '（プラットフォーム）', en: '(platform)' },
  anonymous: { ja: '未ログイン', en: 'Not signed in' },
  apiKey: { ja: 'API キー', en: 'API key' },
  deletedUser: { ja: '削除済みのユーザー', en: 'Deleted user' },
});
