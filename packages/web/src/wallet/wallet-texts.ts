/**
 * Texts every wallet page shares (the wallet's menu, statuses, visibility, cards) and those of
 * the wallet list (`/wallet`), in Japanese and English.
 */
import { defineTexts } from '../kit/texts.js';

export const walletText = defineTexts({
  title: { ja: 'ウォレット', en: 'Wallet' },
  walletNav: { ja: 'ウォレットのメニュー', en: 'Wallet menu' },
  navBadges: { ja: 'マイバッジ', en: 'My badges' },
  navImport: { ja: 'バッジを追加', en: 'Add a badge' },
  navCollections: { ja: 'コレクション', en: 'Collections' },
  navProfile: { ja: '公開プロフィール', en: 'Public profile' },
  navConnections: { ja: '他のサービスとの連携', en: 'Other hosts' },
  navExport: { ja: 'すべてダウンロード（ZIP）', en: 'Download all (ZIP)' },
  lead: {
    ja: 'あなたが受け取ったオープンバッジ（2.0 / 3.0）をまとめて保管します。バッジはすべて、あなたが公開するまで非公開です。',
    en: 'Every Open Badge (2.0 and 3.0) you have received, in one place. Each badge stays private until you make it public.',
  },
  status_valid: { ja: '有効', en: 'Valid' },
  status_expired: { ja: '期限切れ', en: 'Expired' },
  status_revoked: { ja: '取り消し済み', en: 'Revoked' },
  status_suspended: { ja: '一時停止中', en: 'Suspended' },
  status_unverified: { ja: '未検証', en: 'Unverified' },
  statusLabel: { ja: '状態', en: 'Status' },
  visibility_private: { ja: '非公開', en: 'Private' },
  visibility_public: { ja: '公開', en: 'Public' },
  visibilityLabel: { ja: '公開設定', en: 'Visibility' },
  issuedBy: { ja: '発行者', en: 'Issuer' },
  issuedOn: { ja: '発行日', en: 'Issued' },
  validUntil: { ja: '有効期限', en: 'Valid until' },
  addedOn: { ja: '追加日', en: 'Added' },
  noName: { ja: '（名称なし）', en: '(no name)' },
  unknownIssuer: { ja: '発行者不明', en: 'Unknown issuer' },
  imageAlt: { ja: '{name}のバッジ画像', en: 'Badge image of {name}' },
  noImage: { ja: '画像なし', en: 'No image' },
  imported: { ja: '取り込み', en: 'Imported' },
  award: { ja: 'この基盤で発行', en: 'Issued here' },
  statusChange: {
    ja: '状態が変わりました：{from} → 現在は {to}',
    en: 'Status changed: was {from} → now {to}',
  },
  // The list
  filters: { ja: '絞り込みと並べ替え', en: 'Filter and sort' },
  search: { ja: 'キーワード', en: 'Search' },
  searchHint: { ja: 'バッジ名・発行者名', en: 'Badge or issuer name' },
  anyStatus: { ja: 'すべての状態', en: 'Any status' },
  collection: { ja: 'コレクション', en: 'Collection' },
  anyCollection: { ja: 'すべて', en: 'All' },
  sort: { ja: '並び順', en: 'Sort by' },
  sort_added: { ja: '追加日', en: 'Date added' },
  sort_issued: { ja: '発行日', en: 'Date issued' },
  sort_name: { ja: 'バッジ名', en: 'Badge name' },
  sort_issuer: { ja: '発行者名', en: 'Issuer name' },
  order: { ja: '順序', en: 'Order' },
  order_desc: { ja: '新しい順・降順', en: 'Newest first / Z–A' },
  order_asc: { ja: '古い順・昇順', en: 'Oldest first / A–Z' },
  apply: { ja: '表示する', en: 'Show' },
  clear: { ja: '条件をクリア', en: 'Clear' },
  listTitle: { ja: 'バッジ一覧', en: 'Your badges' },
  noMatch: {
    ja: '条件に合うバッジはありません。条件を変えてお試しください。',
    en: 'No badge matches. Try other filters.',
  },
  nextPage: { ja: '次のページ', en: 'Next page' },
  firstPage: { ja: '最初のページ', en: 'First page' },
  changedBanner: {
    ja: '{count} 件のバッジの状態が変わりました。各カードに変更内容を表示しています。',
    en: '{count} badges changed status. Each card below shows what changed.',
  },
  changedBannerOne: {
    ja: '1 件のバッジの状態が変わりました。カードに変更内容を表示しています。',
    en: '1 badge changed status. Its card below shows what changed.',
  },
  markSeen: { ja: '確認しました', en: 'Mark as seen' },
  emptyTitle: { ja: 'まだバッジがありません', en: 'No badges yet' },
  emptyLead: { ja: 'バッジは次の方法でウォレットに届きます。', en: 'Badges arrive in three ways:' },
  emptyClaim: {
    ja: 'バッジ授与のお知らせメールにある「ウォレットに追加」のリンクを開く。',
    en: 'Open the “add to wallet” link in the e-mail that told you about an award.',
  },
  emptyEmails: {
    ja: 'バッジを受け取ったメールアドレスをアカウントに追加して確認する。そのアドレス宛てのバッジは自動で表示されます。',
    en: 'Add and confirm the e-mail addresses your badges were sent to: badges for them appear here by themselves.',
  },
  emptyEmailsLink: { ja: 'メールアドレスを管理', en: 'Manage e-mail addresses' },
  emptyImport: {
    ja: 'ほかのサービスで受け取ったバッジ（画像・JSON・JWT・URL・PDF）を取り込む。',
    en: 'Import badges you received elsewhere (image, JSON, JWT, URL or PDF).',
  },
  count: { ja: '全 {count} 件', en: '{count} badges in all' },
  // Notices after an action (?done=)
  done_deleted: { ja: 'バッジを削除しました。', en: 'The badge was deleted.' },
  done_seen: { ja: '状態の変化を確認済みにしました。', en: 'Status changes marked as seen.' },
  // Errors
  notFound: { ja: 'バッジが見つかりません', en: 'Badge not found' },
  back: { ja: 'ウォレットに戻る', en: 'Back to the wallet' },
});

export type WalletTextKey = Parameters<typeof walletText>[1];
