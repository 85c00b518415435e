/** Texts shared by the organisation console's pages (notices, confirmations, read-only notes). */
import { defineTexts } from '../kit/texts.js';

export const orgText = defineTexts({
  // `?done=` notices after a change.
  'done-saved': { ja: '保存しました。', en: 'Saved.' },
  'done-created': { ja: '作成しました。', en: 'Created.' },
  'done-renamed': { ja: '名前を変更しました。', en: 'Renamed.' },
  'done-deleted': { ja: '削除しました。', en: 'Deleted.' },
  'done-added': { ja: 'メンバーを追加しました。', en: 'The member was added.' },
  'done-changed': { ja: '役割を変更しました。', en: 'The role was changed.' },
  'done-removed': { ja: 'メンバーを外しました。', en: 'The member was removed.' },
  'done-revoked': { ja: 'API キーを無効にしました。', en: 'The API key was revoked.' },
  'done-rotated': { ja: '鍵を更新しました。', en: 'The keys were rotated.' },
  'done-archived': { ja: 'アーカイブしました。', en: 'Archived.' },
  confirmMissing: {
    ja: '確認のチェックボックスにチェックを入れてから、もう一度お試しください。',
    en: 'Please tick the confirmation box and try again.',
  },
  adminOnly: {
    ja: 'このページは組織管理者だけが使えます。',
    en: 'Only organisation admins can use this page.',
  },
  readOnly: {
    ja: '閲覧のみです。変更は組織管理者が行います。',
    en: 'Read only: organisation admins make changes.',
  },
  refused: { ja: '操作できませんでした', en: 'The change was not made' },
  none: { ja: 'なし', en: 'None' },
  never: { ja: '未使用', en: 'Never' },
  actions: { ja: '操作', en: 'Actions' },
  save: { ja: '保存する', en: 'Save' },
  'type-university': { ja: '大学', en: 'University' },
  'type-school': { ja: '学校', en: 'School' },
  'type-company': { ja: '企業', en: 'Company' },
  'type-association': { ja: '団体・協会', en: 'Association' },
  'type-government': { ja: '自治体・官公庁', en: 'Government' },
  'status-pending': { ja: '審査中', en: 'Pending' },
  'status-approved': { ja: '承認済み', en: 'Approved' },
  'status-rejected': { ja: '却下', en: 'Rejected' },
});

export type OrgTextKey = Parameters<typeof orgText>[1];
