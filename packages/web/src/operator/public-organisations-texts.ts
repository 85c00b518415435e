/** Texts of the public list of approved issuing organisations (`/organisations`). */
import { defineTexts } from '../kit/texts.js';

export const publicOrganisationsText = defineTexts({
  title: { ja: '承認済みの発行機関', en: 'Approved issuing organisations' },
  lead: {
    ja: '以下の組織は、このプラットフォームの運営者による審査を経て、バッジの発行を認められています。',
    en: 'The platform operator has reviewed these organisations and admitted them as badge issuers.',
  },
  none: {
    ja: '承認済みの発行機関はまだありません。',
    en: 'No organisation has been approved yet.',
  },
  count: { ja: '{count} 件の発行機関', en: '{count} issuing organisations' },
  vetting: { ja: '審査状況', en: 'Vetting' },
  vetted: { ja: '審査済み', en: 'Vetted' },
  since: { ja: '{date}から', en: 'since {date}' },
  applyLead: {
    ja: 'バッジを発行したい組織の方は、利用申請を行ってください。',
    en: 'Want to issue badges for your organisation?',
  },
  apply: { ja: '発行機関として申請する', en: 'Apply as an issuing organisation' },
  json: { ja: 'この一覧の JSON', en: 'This list as JSON' },
});
