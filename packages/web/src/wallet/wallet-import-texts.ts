/** Texts of the import page (`/wallet/import`), in Japanese and English. */
import { defineTexts } from '../kit/texts.js';

export const importText = defineTexts({
  title: { ja: 'バッジを追加', en: 'Add a badge' },
  lead: {
    ja: 'ほかのサービスや機関から受け取ったバッジを、ウォレットに取り込めます。取り込む前に必ず検証し、結果とともに保存します。',
    en: 'Bring in a badge you received from another service or institution. It is verified first and kept with its verification report.',
  },
  fileTitle: { ja: 'ファイルから', en: 'From a file' },
  fileLabel: { ja: 'バッジのファイル', en: 'Badge file' },
  fileHint: {
    ja: 'バッジ画像（PNG / SVG）、証明書 PDF、または JSON・JWT のファイル（5 MB まで）',
    en: 'A badge image (PNG / SVG), a certificate PDF, or a JSON / JWT file (at most 5 MB)',
  },
  fileSubmit: { ja: 'ファイルを取り込む', en: 'Import the file' },
  textTitle: { ja: 'JSON / JWT を貼り付けて', en: 'Paste JSON or a JWT' },
  textLabel: { ja: 'バッジの JSON または JWT', en: 'The badge’s JSON or JWT' },
  textHint: {
    ja: 'Open Badges 3.0 の資格情報、2.0 のアサーション、または VC-JWT をそのまま貼り付けてください。',
    en: 'An Open Badges 3.0 credential, a 2.0 assertion, or a VC-JWT, exactly as you received it.',
  },
  textSubmit: { ja: '貼り付けた内容を取り込む', en: 'Import what I pasted' },
  urlTitle: { ja: 'URL から', en: 'From a URL' },
  urlLabel: { ja: 'バッジの URL', en: 'Badge URL' },
  urlHint: {
    ja: 'Open Badges 2.0 のアサーション URL など、バッジの資格情報がある https:// のアドレス',
    en: 'An https:// address that serves the credential, such as an Open Badges 2.0 assertion URL',
  },
  urlSubmit: { ja: 'URL から取り込む', en: 'Import from the URL' },
  fileMissing: { ja: 'ファイルを選んでください。', en: 'Choose a file.' },
  textMissing: { ja: 'JSON または JWT を貼り付けてください。', en: 'Paste the JSON or the JWT.' },
  urlMissing: { ja: 'URL を入力してください。', en: 'Enter the URL.' },
  urlInvalid: {
    ja: 'https:// または http:// で始まる URL を入力してください。',
    en: 'Enter a URL that starts with https:// or http://.',
  },
  nothingSent: {
    ja: 'ファイル・貼り付け・URL のいずれかで、バッジを指定してください。',
    en: 'Give a badge: a file, pasted text or a URL.',
  },
  fileNotBadge: {
    ja: 'このファイルはバッジとして読み取れません。PNG・SVG・PDF・JSON・JWT のいずれかを選んでください。',
    en: 'This file cannot be read as a badge. Choose a PNG, SVG, PDF, JSON or JWT file.',
  },
  fileTooLarge: {
    ja: 'ファイルが大きすぎます。取り込めるのは 5 MB までです。',
    en: 'The file is too large: at most 5 MB can be imported.',
  },
  unverifiedTitle: {
    ja: 'このバッジは検証に合格しませんでした',
    en: 'This badge did not pass verification',
  },
  unverifiedLead: {
    ja: '検証の結果と、合格しなかった項目を下に示します。偽造や改ざんの可能性もあるため、発行元にご確認ください。',
    en: 'The verdict and the checks that did not pass are below. It may be forged or altered: please check with the issuer.',
  },
  keepTitle: { ja: 'それでも保存しますか', en: 'Keep it anyway?' },
  keepLead: {
    ja: '保存すると、ウォレットでは「未検証」と明示され、理由も表示されます。公開すると、閲覧者にも未検証であることが表示されます。',
    en: 'If you keep it, the wallet marks it “Unverified” and shows why. If you make it public, viewers see that it is unverified too.',
  },
  keepButton: {
    ja: '未検証として保存する',
    en: 'Keep it, marked as unverified',
  },
  keepChooseAgain: {
    ja: 'ファイルが大きいため、もう一度同じファイルを選んでから保存してください。',
    en: 'The file is large: please choose the same file again to keep it.',
  },
  cancel: { ja: '保存しない', en: 'Don’t keep it' },
  privacy: {
    ja: '取り込んだバッジは非公開で保存されます。公開するかどうかは、後からバッジごとに選べます。',
    en: 'Imported badges are kept private. You choose later, badge by badge, whether to make one public.',
  },
});
