/** Texts of `/console`: choosing an organisation, or how to get one. */
import { defineTexts } from '../kit/texts.js';

export const chooserText = defineTexts({
  title: { ja: '発行コンソール', en: 'Issuer console' },
  choose: {
    ja: '管理する組織を選んでください。',
    en: 'Choose the organisation to work in.',
  },
  organisations: { ja: '所属している組織', en: 'Your organisations' },
  role: { ja: 'あなたの役割: {role}', en: 'Your role: {role}' },
  noneTitle: {
    ja: 'まだ組織に所属していません',
    en: 'You are not a member of an organisation yet',
  },
  noneBody: {
    ja: 'バッジを発行するには、組織の一員になる必要があります。組織の管理者にこのアカウントのメールアドレス（{email}）を伝えてメンバーに追加してもらうか、新しい組織として発行者の申請をしてください。',
    en: 'To issue badges you need to belong to an organisation. Ask its administrator to add this account ({email}) as a member, or apply for your organisation to become an issuer.',
  },
  pending: {
    ja: '申請済みの場合は、運営者が審査して承認すると、あなたがその組織の管理者になり、ここに表示されます。審査の結果はメールでお知らせします。',
    en: 'If you have applied, the organisation appears here once the operator approves it; you become its administrator. The decision is sent to you by e-mail.',
  },
  apply: { ja: '発行者として申請する', en: 'Apply to become an issuer' },
  operator: { ja: '運営者コンソールへ', en: 'Go to the operator console' },
  failed: {
    ja: '組織の一覧を読み込めませんでした。時間をおいてもう一度お試しください。',
    en: 'Your organisations could not be loaded. Please try again later.',
  },
});
