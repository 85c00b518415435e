/** Texts of `/console/{org}/departments`. */
import { defineTexts } from '../kit/texts.js';

export const departmentsText = defineTexts({
  title: { ja: '部署', en: 'Departments' },
  lead: {
    ja: '発行担当者は、割り当てられた部署のバッジだけを発行・失効できます。',
    en: 'Issuers issue and revoke badges only for the departments they are given.',
  },
  list: { ja: '部署の一覧', en: 'All departments' },
  name: { ja: '部署名', en: 'Name' },
  createdAt: { ja: '作成日', en: 'Created' },
  none: { ja: '部署はまだありません。', en: 'There are no departments yet.' },
  create: { ja: '部署を作成', en: 'Create a department' },
  createButton: { ja: '部署を作成する', en: 'Create the department' },
  newName: { ja: '新しい名前', en: 'New name' },
  rename: { ja: '名前を変更する', en: 'Rename' },
  delete: { ja: '削除する', en: 'Delete' },
  deleteConfirm: {
    ja: '「{name}」を削除します。この部署の発行担当者は、この部署での権限を失います。',
    en: 'Delete “{name}”. Its issuers lose their rights in it.',
  },
});
