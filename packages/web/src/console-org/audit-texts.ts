/** Texts of `/console/{org}/audit`: the organisation's audit log. */
import { defineTexts } from '../kit/texts.js';

export const auditText = defineTexts({
  title: { ja: '監査ログ', en: 'Audit log' },
  lead: {
    ja: 'この組織で行われた操作の記録です（新しい順）。記録は変更・削除できません。',
    en: 'What was done in this organisation, newest first. Records cannot be changed or removed.',
  },
  filters: { ja: '絞り込み', en: 'Filters' },
  action: { ja: '操作', en: 'Action' },
  actionHint: {
    ja: '例: award.issue、または「award.」で始まるものすべて',
    en: 'e.g. award.issue, or “award.” for every action under it',
  },
  actor: { ja: '実行者の ID', en: 'Actor id' },
  actorHint: { ja: 'ユーザー ID または API キー ID', en: 'A user id or an API key id' },
  from: { ja: '開始日', en: 'From' },
  to: { ja: '終了日（この日を含む）', en: 'To (inclusive)' },
  targetType: { ja: '対象の種類', en: 'Target type' },
  targetId: { ja: '対象の ID', en: 'Target id' },
  apply: { ja: '絞り込む', en: 'Filter' },
  clear: { ja: '条件をクリア', en: 'Clear the filters' },
  export: { ja: 'CSV で書き出す', en: 'Export as CSV' },
  exportHint: {
    ja: '今の絞り込み条件で書き出します（Excel で開けます）。書き出しも記録されます。',
    en: 'Exports with the current filters (opens in Excel). The export itself is recorded.',
  },
  none: { ja: '該当する記録はありません。', en: 'No events match.' },
  occurredAt: { ja: '日時', en: 'When' },
  who: { ja: '実行者', en: 'Who' },
  target: { ja: '対象', en: 'Target' },
  ip: { ja: 'IP アドレス', en: 'IP address' },
  details: { ja: '詳細', en: 'Details' },
  anonymous: { ja: '（サインインなし）', en: '(not signed in)' },
  deletedUser: { ja: '（削除されたアカウント）', en: '(deleted account)' },
  apiKey: { ja: 'API キー', en: 'API key' },
  next: { ja: '次のページ', en: 'Next page' },
  first: { ja: '最初のページ', en: 'First page' },
  pagination: { ja: 'ページ送り', en: 'Pages' },
});
