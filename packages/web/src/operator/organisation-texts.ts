/** Texts shared by the application, review and organisation-list pages: field names, types, states. */
import { defineTexts } from '../kit/texts.js';

export const organisationText = defineTexts({
  legalName: { ja: '組織の正式名称', en: 'Legal name' },
  nameEn: { ja: '英語名', en: 'Name in English' },
  domain: { ja: 'ドメイン', en: 'Domain' },
  contactEmail: { ja: '連絡先メールアドレス', en: 'Contact e-mail address' },
  type: { ja: '組織の種別', en: 'Type of organisation' },
  justification: { ja: '申請の理由', en: 'Reason for applying' },
  applicant: { ja: '申請者', en: 'Applicant' },
  applicantUnknown: { ja: '（アカウント削除済み）', en: '(account deleted)' },
  submittedAt: { ja: '申請日', en: 'Submitted' },
  decidedAt: { ja: '審査日', en: 'Decided' },
  approvedAt: { ja: '承認日', en: 'Approved on' },
  status: { ja: '状態', en: 'Status' },
  decisionNote: { ja: '承認時のメモ', en: 'Note on approval' },
  decisionReason: { ja: '却下の理由', en: 'Reason for rejection' },
  university: { ja: '大学', en: 'University' },
  school: { ja: '学校', en: 'School' },
  company: { ja: '企業', en: 'Company' },
  association: { ja: '団体', en: 'Association' },
  government: { ja: '行政機関', en: 'Government' },
  pending: { ja: '審査待ち', en: 'Pending' },
  approved: { ja: '承認済み', en: 'Approved' },
  rejected: { ja: '却下', en: 'Rejected' },
  required: { ja: '入力してください。', en: 'Please fill this in.' },
});
