/** The texts of the award pages shared by all of them, the award form and the list (ja/en). */
import { defineTexts } from '../kit/texts.js';

export const awardsText = defineTexts({
  // Statuses (pills carry words, never colour alone).
  status_active: { ja: '有効', en: 'Valid' },
  status_suspended: { ja: '一時停止中', en: 'Suspended' },
  status_revoked: { ja: '失効', en: 'Revoked' },
  status_expired: { ja: '有効期限切れ', en: 'Expired' },
  noName: { ja: '（氏名なし）', en: '(no name)' },
  unknownBadge: { ja: '（不明なバッジ）', en: '(unknown badge)' },

  // Award one person.
  awardTitle: { ja: 'バッジを授与する', en: 'Award this badge' },
  awardLead: {
    ja: '1 人の受領者にこのバッジを授与します。複数人への授与には一括授与をご利用ください。',
    en: 'Award this badge to one person. To award many people at once, use a bulk award.',
  },
  badgeToAward: { ja: '授与するバッジ', en: 'Badge to award' },
  recipientLegend: { ja: '受領者', en: 'Recipient' },
  email: { ja: 'メールアドレス', en: 'E-mail address' },
  emailHint: {
    ja: 'バッジはこのアドレスに結び付けられ、通知メールもここに届きます。',
    en: 'The badge is tied to this address, and the notification e-mail goes here.',
  },
  name: { ja: '氏名', en: 'Name' },
  nameHint: {
    ja: '姓・名の順に、バッジに表示したい表記で入力してください（旧字体などもそのまま保存されます）。',
    en: 'Family name first, exactly as it should appear on the badge (characters are kept as typed).',
  },
  nameKana: { ja: 'フリガナ', en: 'Name in kana (furigana)' },
  nameRomaji: { ja: '氏名（ローマ字）', en: 'Name in Latin letters' },
  nameRomajiHint: { ja: '例: YAMADA Hanako', en: 'For example: YAMADA Hanako' },
  externalId: { ja: '学籍番号・社員番号など', en: 'Student or staff number' },
  externalIdHint: {
    ja: '任意。文字列としてそのまま保存されます（先頭の 0 も残ります）。',
    en: 'Optional. Kept as text (leading zeros stay).',
  },
  did: { ja: 'DID（任意）', en: 'DID (optional)' },
  didHint: {
    ja: '受領者の DID が分かる場合に入力すると、VC-JWT 形式でも発行されます。例: did:web:example.jp',
    en: "When you know the recipient's DID, the badge is also issued as a VC-JWT. For example: did:web:example.jp",
  },
  datesLegend: { ja: '日付', en: 'Dates' },
  awardedDate: { ja: '授与日（任意）', en: 'Award date (optional)' },
  awardedDateHint: { ja: '空欄なら今日です。', en: 'Today when left empty.' },
  validUntil: { ja: '有効期限（任意）', en: 'Valid until (optional)' },
  validUntilHint: {
    ja: '空欄ならバッジの有効期間の設定に従います。',
    en: "When left empty, the badge's validity setting applies.",
  },
  evidenceLegend: { ja: 'エビデンス（任意）', en: 'Evidence (optional)' },
  evidenceUrl: { ja: 'エビデンスの URL', en: 'Evidence URL' },
  evidenceNarrative: { ja: 'エビデンスの説明', en: 'Evidence description' },
  optionsLegend: { ja: '発行の設定', en: 'Options' },
  suspendable: { ja: '一時停止できるようにする', en: 'Allow suspending this badge' },
  suspendableHint: {
    ja: '一時停止用のステータスを付けて発行します（失効とは別に、後から一時停止・再開できます）。',
    en: 'Issue it with a suspension status, so it can be suspended and reinstated later.',
  },
  notify: { ja: '受領者に通知メールを送る', en: 'E-mail the recipient' },
  locale: { ja: '通知メールの言語', en: 'Language of the e-mail' },
  localeJa: { ja: '日本語', en: 'Japanese' },
  localeEn: { ja: '英語', en: 'English' },
  issue: { ja: 'バッジを授与する', en: 'Award the badge' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  archived: {
    ja: 'このバッジはアーカイブされているため授与できません。授与するにはアーカイブを解除してください。',
    en: 'This badge is archived and cannot be awarded. Unarchive it to award it.',
  },
  cannotIssue: {
    ja: 'このバッジを授与する権限がありません。組織管理者または担当部署の発行担当者にご依頼ください。',
    en: 'You may not award this badge. Please ask an organisation admin or an issuer of its department.',
  },
  keyReused: {
    ja: 'このフォームはすでに別の内容で送信済みです。内容をご確認のうえ、もう一度送信してください。',
    en: 'This form was already sent with other details. Please check them and send it again.',
  },

  // The list.
  listTitle: { ja: '授与一覧', en: 'Awards' },
  filtersTitle: { ja: '絞り込み', en: 'Filters' },
  q: { ja: '氏名・メールアドレス', en: 'Name or e-mail' },
  achievement: { ja: 'バッジ', en: 'Badge' },
  allAchievements: { ja: 'すべてのバッジ', en: 'All badges' },
  status: { ja: '状態', en: 'Status' },
  allStatuses: { ja: 'すべての状態', en: 'All statuses' },
  issuedFrom: { ja: '授与日（から）', en: 'Awarded from' },
  issuedTo: { ja: '授与日（まで）', en: 'Awarded until' },
  badDate: {
    ja: '日付は YYYY-MM-DD の形式で入力してください。',
    en: 'Enter the date as YYYY-MM-DD.',
  },
  applyFilters: { ja: '絞り込む', en: 'Filter' },
  clearFilters: { ja: '条件をクリア', en: 'Clear filters' },
  recipient: { ja: '受領者', en: 'Recipient' },
  issuedOn: { ja: '授与日', en: 'Awarded on' },
  none: { ja: '該当する授与はありません。', en: 'No awards match.' },
  noneYet: {
    ja: 'まだ授与がありません。バッジの一覧からバッジを選んで授与してください。',
    en: 'Nothing has been awarded yet. Choose a badge in the badge list to award it.',
  },
  goAchievements: { ja: 'バッジの一覧へ', en: 'Go to the badges' },
  pages: { ja: 'ページ送り', en: 'Pages' },
  next: { ja: '次のページ', en: 'Next page' },
  first: { ja: '最初のページ', en: 'First page' },
  shown: { ja: '{count} 件を表示', en: '{count} shown' },
  listFailed: {
    ja: '授与一覧を読み込めませんでした: {message}',
    en: 'The awards could not be loaded: {message}',
  },
});
