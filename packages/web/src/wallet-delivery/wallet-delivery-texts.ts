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
  whoTitle: { ja: '送ることができる方', en: 'Who can send this badge' },
  who: {
    ja: 'このページからバッジを送れるのは、バッジを受け取った方だけです。バッジ授与メールの「ウォレットアプリに送る」リンクから開くか、このバッジをウォレットに保持しているアカウントでサインインしてください。',
    en: 'Only the person who received this badge can send it from this page: open it from the "Send it to a wallet app" link in the award e-mail, or sign in with the account whose wallet holds the badge.',
  },
  signIn: { ja: 'サインインする', en: 'Sign in' },
  hostTitle: { ja: 'あなたの Open Badges ホストに送る', en: 'Send to your Open Badges host' },
  hostLead: {
    ja: 'Open Badges 3.0 に対応した別のサービス（バッジのバックパックや他大学のウォレットなど）をお使いの場合は、そのアドレスを入力してください。そのサービスでサインインして送信を許可すると、バッジが追加されます。',
    en: 'If you use another service that supports Open Badges 3.0 (a badge backpack, another institution’s wallet…), enter its address. Sign in there and allow the transfer: the badge is added to it.',
  },
  hostBaseUrl: { ja: 'ホストのアドレス', en: "The host's address" },
  hostBaseUrlHint: {
    ja: '例: https://badges.example.org（/ims/ob/v3p0 の前まで）',
    en: 'For example https://badges.example.org (the part before /ims/ob/v3p0)',
  },
  hostStatus: {
    ja: 'バッジはそのままの内容で送られます。発行者が取り消しや一時停止をした場合は、送信先でもその状態が表示されます。',
    en: 'The badge is sent as it is: if the issuer revokes or suspends it, the host shows that too.',
  },
  hostSubmit: { ja: 'ホストに送る', en: 'Send to the host' },
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
