/**
 * Texts of the pages that send an award to a wallet app (`/wallet/deliver/{awardId}`,
 * `/i/{exchangeId}`), in Japanese and English.
 */
import { defineTexts } from '../kit/texts.js';

export const deliveryText = defineTexts({
  title: { ja: 'ウォレットアプリに送る', en: 'Send to a wallet app' },
  lead: {
    ja: 'このバッジを、スマートフォンのウォレットアプリ（Learner Credential Wallet など）に送ることができます。アプリがあなたの DID（分散型 ID）を証明すると、その DID に結び付けたバッジの写しが発行されます。',
    en: 'You can send this badge to a wallet app on your phone (such as the Learner Credential Wallet). Once the app proves your DID (decentralised identifier), a copy of the badge bound to that DID is issued to it.',
  },
  optionsTitle: { ja: '使えるアプリ', en: 'Which app to use' },
  optionLcw: {
    ja: 'Learner Credential Wallet（LCW）：QR コードを LCW で読み取るか、スマートフォンでこのページを開いて「LCW で開く」を押してください。',
    en: 'Learner Credential Wallet (LCW): scan the QR code in LCW, or open this page on your phone and tap "Open in Learner Credential Wallet".',
  },
  optionVcApi: {
    ja: 'VC-API に対応したウォレット：招待の QR コードを読み取ってください。',
    en: 'Wallets that speak the VC-API: scan the invitation QR code.',
  },
  optionOid4vci: {
    ja: 'OpenID4VCI に対応したウォレット（walt.id、Sphereon、LearnCard など）：OpenID4VCI の QR コードを読み取ってください。',
    en: 'OpenID4VCI wallets (walt.id, Sphereon, LearnCard…): scan the OpenID4VCI QR code.',
  },
  oneUse: {
    ja: 'QR コードとリンクは 15 分間、1 回だけ使えます。期限が切れたら、もう一度作成してください。',
    en: 'The QR codes and links work once, for 15 minutes. Make new ones if they expire.',
  },
  txCodeLabel: {
    ja: 'OpenID4VCI の受け取りに 6 桁の確認コードを求める',
    en: 'Ask OpenID4VCI wallets for a 6-digit confirmation code',
  },
  create: { ja: 'QR コードを作成する', en: 'Make the QR codes' },
  readyTitle: { ja: 'ウォレットアプリで読み取ってください', en: 'Scan with your wallet app' },
  expires: { ja: '有効期限：{time}', en: 'Valid until {time}' },
  lcwTitle: { ja: 'Learner Credential Wallet', en: 'Learner Credential Wallet' },
  lcwQrAlt: {
    ja: 'Learner Credential Wallet 用の QR コード',
    en: 'QR code for the Learner Credential Wallet',
  },
  openLcw: { ja: 'LCW で開く', en: 'Open in Learner Credential Wallet' },
  vcapiTitle: { ja: 'VC-API 対応ウォレット', en: 'VC-API wallets' },
  vcapiQrAlt: { ja: 'VC-API の招待の QR コード', en: 'QR code of the VC-API invitation' },
  openInvitation: { ja: '招待を LCW で開く', en: 'Open the invitation in LCW' },
  oid4vciTitle: { ja: 'OpenID4VCI 対応ウォレット', en: 'OpenID4VCI wallets' },
  oid4vciQrAlt: { ja: 'OpenID4VCI の受け取り用 QR コード', en: 'QR code of the OpenID4VCI offer' },
  openOid4vci: { ja: 'ウォレットアプリで開く', en: 'Open in a wallet app' },
  txCode: {
    ja: 'アプリに確認コードを求められたら、次の番号を入力してください：',
    en: 'When the app asks for a confirmation code, enter:',
  },
  again: { ja: '新しい QR コードを作成する', en: 'Make new QR codes' },
  back: { ja: 'バッジに戻る', en: 'Back to the badge' },
  interactionTitle: { ja: 'ウォレットアプリで開いてください', en: 'Open this in a wallet app' },
  interactionLead: {
    ja: 'このアドレスはウォレットアプリ向けのものです。Learner Credential Wallet をお使いの場合は、下のボタンから開いてください。',
    en: 'This address is meant for a wallet app. If you use the Learner Credential Wallet, open it with the button below.',
  },
  interactionGone: {
    ja: 'この受け渡しは使用済みか、有効期限が切れています。バッジのページから新しく作成してください。',
    en: 'This exchange has been used or has expired. Make a new one from the badge page.',
  },
});
