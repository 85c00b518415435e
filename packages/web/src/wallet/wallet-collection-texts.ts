/** Texts of the collections pages (`/wallet/collections[/{id}]`), in Japanese and English. */
import { defineTexts } from '../kit/texts.js';

export const collectionText = defineTexts({
  title: { ja: 'コレクション', en: 'Collections' },
  lead: {
    ja: 'バッジを名前付きのグループにまとめ、好きな順に並べられます。コレクションはすべて、あなたが公開するまで非公開です。',
    en: 'Group badges under a name, in the order you choose. Every collection is private until you make it public.',
  },
  publicMeans: {
    ja: '公開したコレクションは、その中のバッジすべてとともに公開プロフィールに表示されます（個々のバッジが非公開でも表示されます）。',
    en: 'A public collection shows all its badges on your public profile — even badges that are private on their own.',
  },
  none: { ja: 'コレクションはまだありません。', en: 'No collections yet.' },
  createTitle: { ja: '新しいコレクション', en: 'New collection' },
  name: { ja: '名前', en: 'Name' },
  description: { ja: '説明（任意）', en: 'Description (optional)' },
  visibility: { ja: '公開設定', en: 'Visibility' },
  create: { ja: '作成する', en: 'Create' },
  badgeCount: { ja: 'バッジ {count} 件', en: '{count} badges' },
  moveUp: { ja: '上へ', en: 'Move up' },
  moveDown: { ja: '下へ', en: 'Move down' },
  moveUpNamed: { ja: '「{name}」を上へ移動', en: 'Move “{name}” up' },
  moveDownNamed: { ja: '「{name}」を下へ移動', en: 'Move “{name}” down' },
  makePublic: { ja: '公開する', en: 'Make public' },
  makePrivate: { ja: '非公開にする', en: 'Make private' },
  delete: { ja: 'コレクションを削除', en: 'Delete collection' },
  deleteHint: {
    ja: 'コレクションを削除しても、中のバッジはウォレットに残ります。',
    en: 'Deleting a collection keeps its badges in your wallet.',
  },
  editTitle: { ja: 'コレクションの設定', en: 'Collection settings' },
  save: { ja: '保存する', en: 'Save' },
  badgesTitle: { ja: 'このコレクションのバッジ', en: 'Badges in this collection' },
  badgesNone: {
    ja: 'まだバッジがありません。下の一覧から追加してください。',
    en: 'No badges yet: add some from the list below.',
  },
  remove: { ja: 'コレクションから外す', en: 'Remove from collection' },
  removeNamed: {
    ja: '「{name}」をコレクションから外す',
    en: 'Remove “{name}” from the collection',
  },
  addTitle: { ja: 'ウォレットから追加', en: 'Add from your wallet' },
  addNone: {
    ja: '追加できるバッジはありません（すべて追加済みです）。',
    en: 'No other badges to add: all are in this collection.',
  },
  addButton: { ja: '選んだバッジを追加', en: 'Add the chosen badges' },
  addNothing: { ja: '追加するバッジを選んでください。', en: 'Choose the badges to add.' },
  back: { ja: 'コレクション一覧へ', en: 'All collections' },
  done_created: { ja: 'コレクションを作成しました。', en: 'The collection was created.' },
  done_saved: { ja: '保存しました。', en: 'Saved.' },
  done_moved: { ja: '並び順を変更しました。', en: 'The order was changed.' },
  done_deleted: { ja: 'コレクションを削除しました。', en: 'The collection was deleted.' },
  done_added: { ja: 'バッジを追加しました。', en: 'The badges were added.' },
  done_removed: { ja: 'バッジを外しました。', en: 'The badge was removed.' },
  done_public: { ja: 'コレクションを公開しました。', en: 'The collection is now public.' },
  done_private: { ja: 'コレクションを非公開にしました。', en: 'The collection is now private.' },
});

export const COLLECTION_DONE = [
  'created',
  'saved',
  'moved',
  'deleted',
  'added',
  'removed',
  'public',
  'private',
] as const;
