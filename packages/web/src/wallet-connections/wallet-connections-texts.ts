/** Texts of the connections pages (`/wallet/connections[/callback]`), in Japanese and English. */
import { defineTexts } from '../kit/texts.js';

export const connectionText = defineTexts({
  title: { ja: '他のホストとの接続', en: 'Connections to other hosts' },
  lead: {
    ja: 'Open Badges 3.0 に対応した他のサービス（ホスト）とウォレットを接続すると、そこにあるバッジを取り込んだり、ウォレットのバッジを送ったりできます。接続するとホストの画面に移動するので、そこで許可してください。',
    en: 'Connect your wallet to another service (host) that supports Open Badges 3.0 to import the badges it holds for you, or to send badges from your wallet there. Connecting takes you to the host, where you approve the access.',
  },
  none: { ja: '接続はまだありません。', en: 'No connections yet.' },
  connectTitle: { ja: 'ホストに接続する', en: 'Connect a host' },
  baseUrl: { ja: 'ホストのアドレス', en: "The host's address" },
  baseUrlHint: {
    ja: '例: https://badges.example.org（/ims/ob/v3p0 の前までの部分）',
    en: 'For example https://badges.example.org (the part before /ims/ob/v3p0)',
  },
  connect: { ja: '接続する', en: 'Connect' },
  state_pending: { ja: '許可待ち', en: 'Waiting for approval' },
  state_connected: { ja: '接続済み', en: 'Connected' },
  state_failed: { ja: '接続できませんでした', en: 'Not connected' },
  state_disconnected: { ja: '切断済み', en: 'Disconnected' },
  stateLabel: { ja: '状態', en: 'State' },
  scopesLabel: { ja: '許可された操作', en: 'Allowed' },
  scope_read: { ja: 'バッジの読み取り', en: 'read badges' },
  scope_upsert: { ja: 'バッジの追加', en: 'add badges' },
  scope_profile: { ja: 'プロフィールの読み取り', en: 'read the profile' },
  scope_profileUpdate: { ja: 'プロフィールの更新', en: 'update the profile' },
  scope_offline: { ja: '継続的なアクセス', en: 'ongoing access' },
  since: { ja: '開始: {date}', en: 'Started {date}' },
  lastImport: { ja: '最後の取り込み: {date}', en: 'Last import: {date}' },
  neverImported: { ja: 'まだ取り込んでいません', en: 'Nothing imported yet' },
  lastError: { ja: '理由: {reason}', en: 'Reason: {reason}' },
  import: { ja: 'バッジを取り込む', en: 'Import badges' },
  importNamed: { ja: '{host} からバッジを取り込む', en: 'Import badges from {host}' },
  pushLabel: { ja: '送るバッジ', en: 'Badge to send' },
  push: { ja: 'このホストに送る', en: 'Send to this host' },
  pushNone: {
    ja: '送れるバッジ（Open Badges 3.0）がウォレットにありません。',
    en: 'Your wallet has no Open Badges 3.0 badge to send.',
  },
  pushNoScope: {
    ja: 'このホストはバッジの追加を許可していません。',
    en: 'This host did not allow adding badges.',
  },
  disconnect: { ja: '接続を解除', en: 'Disconnect' },
  disconnectNamed: { ja: '{host} との接続を解除', en: 'Disconnect from {host}' },
  disconnectHint: {
    ja: '接続を解除しても、取り込んだバッジはウォレットに残ります。',
    en: 'Disconnecting keeps the badges you imported in your wallet.',
  },
  reconnectHint: {
    ja: 'もう一度接続するには、下のフォームにアドレスを入力してください。',
    en: 'To try again, enter the address in the form below.',
  },
  resultTitle: { ja: '取り込みの結果', en: 'Import result' },
  resultCounts: {
    ja: '新しく追加: {imported} 件、既にあったもの: {merged} 件、取り込まなかったもの: {skipped} 件',
    en: 'Added: {imported}, already in your wallet: {merged}, not imported: {skipped}',
  },
  skippedTitle: { ja: '取り込まなかったバッジ', en: 'Badges not imported' },
  skipped_unverified: {
    ja: '「{name}」: 検証できませんでした（{verdict}）',
    en: '“{name}”: did not verify ({verdict})',
  },
  skipped_unreadable: {
    ja: '「{name}」: バッジとして読み取れませんでした',
    en: '“{name}”: could not be read as a badge',
  },
  unnamed: { ja: '名前のないバッジ', en: 'unnamed badge' },
  profileFrom: { ja: 'ホスト上のプロフィール: {name}', en: 'Your profile on the host: {name}' },
  stopped_busy: {
    ja: 'ホストが混み合っているため、途中で取り込みを止めました。{seconds} 秒ほど待ってから、もう一度お試しください。',
    en: 'The host is busy, so the import stopped part way. Try again in about {seconds} seconds.',
  },
  stopped_busyNoTime: {
    ja: 'ホストが混み合っているため、途中で取り込みを止めました。しばらくしてから、もう一度お試しください。',
    en: 'The host is busy, so the import stopped part way. Try again later.',
  },
  'stopped_page-limit': {
    ja: '一度に読めるのは 50 ページまでのため、途中で止めました。',
    en: 'The import stopped after 50 pages, the most read at once.',
  },
  'stopped_credential-limit': {
    ja: '一度に取り込めるのは 5,000 件までのため、途中で止めました。',
    en: 'The import stopped after 5,000 badges, the most read at once.',
  },
  'stopped_other-origin': {
    ja: '次のページが別のサーバーを指していたため、安全のため取り込みを止めました。',
    en: 'The next page pointed to another server, so the import stopped there for safety.',
  },
  pushed_201: {
    ja: 'バッジ「{name}」を {host} に送りました（新規に保存されました）。',
    en: 'The badge “{name}” was sent to {host} (stored as new).',
  },
  pushed_200: {
    ja: 'バッジ「{name}」を {host} に送りました（既存のものが更新されたか、そのまま保持されました）。',
    en: 'The badge “{name}” was sent to {host} (it replaced or matched the copy there).',
  },
  failedAction: { ja: 'うまくいきませんでした: {message}', en: 'That did not work: {message}' },
  done_connected: { ja: 'ホストに接続しました。', en: 'The host is connected.' },
  done_failed: {
    ja: 'ホストに接続できませんでした。理由は一覧に表示しています。',
    en: 'The host could not be connected. The reason is shown in the list.',
  },
  done_disconnected: { ja: '接続を解除しました。', en: 'The connection was removed.' },
});

export const CONNECTION_DONE = ['connected', 'failed', 'disconnected'] as const;
