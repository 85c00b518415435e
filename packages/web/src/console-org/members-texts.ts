/** Texts of `/console/{org}/members`: staff and their roles. */
import { defineTexts } from '../kit/texts.js';

export const membersText = defineTexts({
  title: { ja: 'スタッフと権限', en: 'Staff and roles' },
  lead: {
    ja: '組織管理者はすべての操作ができます。発行担当者は割り当てられた部署のバッジを発行・失効でき、閲覧者は参照だけができます。',
    en: 'Organisation admins can do everything; issuers issue and revoke badges for their departments; viewers only read.',
  },
  list: { ja: 'メンバー', en: 'Members' },
  name: { ja: '名前', en: 'Name' },
  email: { ja: 'メールアドレス', en: 'E-mail address' },
  role: { ja: '役割', en: 'Role' },
  departments: { ja: '部署', en: 'Departments' },
  since: { ja: '追加日', en: 'Member since' },
  you: { ja: '（あなた）', en: ' (you)' },
  none: { ja: 'メンバーはいません。', en: 'There are no members.' },
  change: { ja: '役割を変更', en: 'Change the role' },
  changeButton: { ja: '役割を保存する', en: 'Save the role' },
  remove: { ja: '組織から外す', en: 'Remove from the organisation' },
  removeConfirm: {
    ja: '{name} さんを組織から外します。この組織のコンソールを使えなくなります。',
    en: 'Remove {name} from the organisation. They can no longer use its console.',
  },
  add: { ja: 'メンバーを追加', en: 'Add a member' },
  addLead: {
    ja: 'すでに Akashi のアカウントを持っている人を、メールアドレスで追加します。アカウントがない場合は、先に登録してもらってください。',
    en: 'Add someone who already has an Akashi account, by its e-mail address. Someone without an account must sign up first.',
  },
  addButton: { ja: 'メンバーを追加する', en: 'Add the member' },
  departmentsHint: {
    ja: '発行担当者には部署を一つ以上選んでください。管理者と閲覧者には部署は不要です。',
    en: 'Choose at least one department for an issuer; admins and viewers take none.',
  },
  noDepartments: {
    ja: '部署がまだありません。発行担当者を追加するには、先に部署を作成してください。',
    en: 'There are no departments yet; create one before adding an issuer.',
  },
});
