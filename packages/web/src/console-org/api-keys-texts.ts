/** Texts of `/console/{org}/api-keys`. */
import { defineTexts } from '../kit/texts.js';

export const apiKeysText = defineTexts({
  title: { ja: 'API キー', en: 'API keys' },
  lead: {
    ja: '学習管理システム（LMS）などから API を使うための鍵です。鍵はこの組織の中で、選んだ権限（スコープ）の操作だけができます。',
    en: 'Keys for calling the API from other systems such as a learning management system. A key acts only in this organisation and only within the scopes it holds.',
  },
  list: { ja: 'API キーの一覧', en: 'All API keys' },
  none: { ja: 'API キーはまだありません。', en: 'There are no API keys yet.' },
  name: { ja: '名前', en: 'Name' },
  nameHint: {
    ja: '用途がわかる名前（例: LMS 連携）',
    en: 'What it is for, e.g. “LMS integration”',
  },
  prefix: { ja: 'キーの先頭', en: 'Key prefix' },
  scopes: { ja: 'スコープ（権限）', en: 'Scopes' },
  createdAt: { ja: '作成日', en: 'Created' },
  lastUsedAt: { ja: '最終使用', en: 'Last used' },
  status: { ja: '状態', en: 'Status' },
  active: { ja: '有効', en: 'Active' },
  revokedOn: { ja: '無効（{date}）', en: 'Revoked ({date})' },
  revoke: { ja: '無効にする', en: 'Revoke' },
  revokeConfirm: {
    ja: '「{name}」を無効にします。このキーを使う連携はすぐに使えなくなり、元に戻せません。',
    en: 'Revoke “{name}”. Systems using this key stop working at once; this cannot be undone.',
  },
  create: { ja: 'API キーを作成', en: 'Create an API key' },
  createButton: { ja: 'API キーを作成する', en: 'Create the API key' },
  createdTitle: { ja: 'API キーを作成しました', en: 'The API key was created' },
  secretLabel: { ja: 'API キー', en: 'API key' },
  secretWarning: {
    ja: 'このキーが表示されるのは今回だけです。今すぐコピーして安全な場所に保管してください。このページを離れると二度と表示できません。紛失した場合は、このキーを無効にして新しく作成してください。',
    en: 'This is the only time the key is shown. Copy it now and keep it somewhere safe: it cannot be shown again once you leave this page. If it is lost, revoke it and create a new one.',
  },
  secretUsage: {
    ja: 'リクエストの Authorization ヘッダーに「Bearer」に続けて指定します。',
    en: 'Send it in the Authorization header after “Bearer”.',
  },
  copy: { ja: 'コピーする', en: 'Copy' },
  copied: { ja: 'コピーしました', en: 'Copied' },
  backToList: { ja: 'API キーの一覧へ', en: 'Back to the API keys' },
});
