import { defineTexts } from '../kit/texts.js';

export const homeText = defineTexts({
  title: { ja: 'オープンバッジの発行と検証', en: 'Issue and verify Open Badges' },
  lead: {
    ja: 'Akashi（証）は、大学・認定団体・企業・自治体のためのオープンソースのオープンバッジ基盤です。Open Badges 2.0 と 3.0（W3C 検証可能な資格情報）に対応し、誰でもワンクリックで真正性を確かめられます。',
    en: 'Akashi (証, "proof") is an open-source Open Badges platform for universities, certification bodies, companies and local governments. It speaks Open Badges 2.0 and 3.0 (W3C Verifiable Credentials), and anyone can check a badge with one click.',
  },
  verifyTitle: { ja: 'バッジを検証する', en: 'Verify a badge' },
  verifyBody: {
    ja: 'バッジ画像（PNG / SVG）、JSON、JWT、または URL から、発行元・改ざんの有無・失効状態を確認できます。',
    en: 'Check who issued a badge, whether it was changed, and whether it is still valid — from its image (PNG / SVG), its JSON, a JWT or a URL.',
  },
  issuersTitle: { ja: '発行機関', en: 'Issuing organisations' },
  issuersBody: {
    ja: '審査を経て承認された発行機関の一覧です。',
    en: 'The organisations admitted as issuers after review.',
  },
  issueTitle: { ja: 'バッジを発行する', en: 'Issue badges' },
  issueBody: {
    ja: '組織として利用を申請し、承認されるとバッジの作成・授与・一括発行ができます。',
    en: 'Apply as an organisation; once approved, design badges and award them one by one or in bulk.',
  },
  walletTitle: { ja: 'あなたのバッジ', en: 'Your badges' },
  walletBody: {
    ja: '受け取ったバッジは、ウォレットでまとめて管理・共有できます。',
    en: 'Keep, share and export the badges you have received in your wallet.',
  },
  goWallet: { ja: 'ウォレットを開く', en: 'Open your wallet' },
  apply: { ja: '発行機関として申請', en: 'Apply as an issuer' },
  goConsole: { ja: 'コンソールを開く', en: 'Open the console' },
  preferencesSaved: { ja: '表示設定を保存しました。', en: 'Display settings saved.' },
});
