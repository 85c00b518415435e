/** Every text of the console overview (totals, charts, range form), in Japanese and English. */
import { defineTexts } from '../kit/texts.js';

export const analyticsText = defineTexts({
  title: { ja: '概要・分析', en: 'Overview' },
  lead: {
    ja: '{organisation} のバッジの授与と検証の状況です。',
    en: 'How the badges of {organisation} are awarded and verified.',
  },
  quickLinks: { ja: 'よく使う操作', en: 'Quick links' },
  createBadge: { ja: 'バッジを作成', en: 'Create a badge' },
  awardBadge: { ja: 'バッジを授与（バッジを選ぶ）', en: 'Award a badge (choose the badge)' },
  bulkAward: { ja: '一括授与（CSV）', en: 'Bulk award (CSV)' },
  awardList: { ja: '授与一覧', en: 'Awards list' },

  totalsTitle: { ja: '現在の授与状況（全期間）', en: 'Awards to date' },
  totalAwards: { ja: '授与の合計', en: 'Awards in total' },
  totalActive: { ja: '有効', en: 'Valid' },
  totalSuspended: { ja: '一時停止中', en: 'Suspended' },
  totalRevoked: { ja: '失効', en: 'Revoked' },
  totalVerifications: { ja: '期間中の検証回数', en: 'Verifications in the period' },
  countUnit: { ja: '{count} 件', en: '{count}' },
  timesUnit: { ja: '{count} 回', en: '{count}' },

  rangeTitle: { ja: '集計期間', en: 'Period' },
  rangeNow: { ja: '{from}〜{to}', en: '{from} to {to}' },
  from: { ja: '開始月', en: 'From (month)' },
  to: { ja: '終了月', en: 'To (month)' },
  monthHint: { ja: '例: 2025-04', en: 'e.g. 2025-04' },
  show: { ja: 'この期間で表示', en: 'Show this period' },
  presets: { ja: 'よく使う期間', en: 'Common periods' },
  last12: { ja: '直近12か月', en: 'Last 12 months' },
  fiscalYear: { ja: '{year}年度（4月〜翌3月）', en: 'Fiscal year {year} (April to March)' },

  perMonthTitle: { ja: '月別の授与数', en: 'Awards per month' },
  issued: { ja: '授与', en: 'Awarded' },
  revoked: { ja: '失効', en: 'Revoked' },
  month: { ja: '月', en: 'Month' },
  total: { ja: '合計', en: 'Total' },
  perMonthLabel: {
    ja: '月別の授与数の棒グラフ（{from}〜{to}）',
    en: 'Bar chart of awards per month ({from} to {to})',
  },
  perMonthPoint: {
    ja: '{month}: 授与 {issued} 件、失効 {revoked} 件',
    en: '{month}: {issued} awarded, {revoked} revoked',
  },

  perBadgeTitle: { ja: 'バッジ別の授与数（期間中）', en: 'Awards per badge (in the period)' },
  badge: { ja: 'バッジ', en: 'Badge' },
  awards: { ja: '授与数', en: 'Awards' },
  perBadgeLabel: {
    ja: 'バッジ別の授与数の横棒グラフ（{from}〜{to}）',
    en: 'Horizontal bar chart of awards per badge ({from} to {to})',
  },
  perBadgePoint: { ja: '{name}: {count} 件', en: '{name}: {count}' },
  perBadgeMore: {
    ja: 'グラフには上位 {shown} 件を表示しています。すべてのバッジは下の表でご覧ください。',
    en: 'The chart shows the top {shown}; the table below lists every badge.',
  },
  perBadgeNone: {
    ja: 'この期間に授与されたバッジはありません。',
    en: 'No badges were awarded in this period.',
  },

  verificationsTitle: { ja: '月別の検証回数', en: 'Verifications per month' },
  verifications: { ja: '検証回数', en: 'Verifications' },
  verificationsLabel: {
    ja: '月別の検証回数の棒グラフ（{from}〜{to}）',
    en: 'Bar chart of verifications per month ({from} to {to})',
  },
  verificationsPoint: { ja: '{month}: {count} 回', en: '{month}: {count}' },
  verificationsHint: {
    ja: '公開バッジページの表示、検証ページ、VC-API（POST /credentials/verify）で、この組織のバッジが検証された回数です。',
    en: "How many times this organisation's badges were verified: on their public pages, on the verify page and through the VC-API (POST /credentials/verify).",
  },
  bySourceTitle: { ja: '検証の経路（期間中）', en: 'Where badges were verified (in the period)' },
  source: { ja: '経路', en: 'Channel' },
  'source-badge-page': { ja: '公開バッジページ', en: 'Public badge page' },
  'source-verify-page': { ja: '検証ページ', en: 'Verify page' },
  'source-vc-api': { ja: 'VC-API', en: 'VC-API' },

  showTable: { ja: '数値を表で見る', en: 'Show the figures as a table' },
  legend: { ja: '凡例', en: 'Legend' },

  emptyTitle: { ja: 'まだバッジを授与していません', en: 'No badges awarded yet' },
  emptyBody: {
    ja: 'バッジを作成して授与すると、ここに授与数や検証回数のグラフが表示されます。',
    en: 'Once badges are created and awarded, their figures and charts appear here.',
  },
  emptyStepCreate: {
    ja: 'バッジ（授与する資格や修了の内容）を作成します。',
    en: 'Create a badge: what it recognises and how it is earned.',
  },
  emptyStepAward: {
    ja: '一人ずつ、または CSV で一括して授与します。',
    en: 'Award it to one person at a time, or to many at once with a CSV file.',
  },
  emptyViewer: {
    ja: '閲覧者の権限では授与できません。授与されると、ここに集計が表示されます。',
    en: 'Viewers cannot award badges; the figures appear here once badges are awarded.',
  },
  rangeError: {
    ja: '集計期間を確認してください。',
    en: 'Please check the period.',
  },
});
