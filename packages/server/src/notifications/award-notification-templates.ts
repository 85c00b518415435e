/**
 * The notification e-mails to badge recipients, in Japanese and English: a badge awarded
 * (「バッジが授与されました」), re-issued, and revoked (with the issuer's reason). The recipient's
 * name and every other value appear exactly as stored; the badge page link is always there, the
 * wallet's claim link (`wallet-claims/claim-token.ts`) whenever the notification has one (every
 * award e-mail, not a revocation), followed by the link that sends the badge to a wallet app
 * (`/wallet/deliver/{awardId}?token=…`, the same claim token: ADR 0011).
 */
import type { RenderedMail } from '../mail/render-mail.js';
import { formatAwardDate } from './format-award-date.js';
import { nameIn, type NotificationParams } from './notification-params.js';
import type { NotificationKind, NotificationLocale } from './notification-tables.js';
import {
  renderNotificationMail,
  type NotificationMailContent,
} from './render-notification-mail.js';

export interface AwardNotificationMail {
  readonly kind: NotificationKind;
  readonly locale: NotificationLocale;
  readonly recipientName: string | null;
  readonly params: NotificationParams;
}

const greet = (locale: NotificationLocale, name: string | null): string => {
  if (locale === 'ja') return name === null || name === '' ? 'バッジの受領者様' : `${name} 様`;
  return name === null || name === '' ? 'Hello,' : `Hello ${name},`;
};

interface Texts {
  readonly subject: (badge: string) => string;
  readonly lead: (issuer: string, badge: string) => string;
  readonly closing: readonly string[];
}

const TEXTS: Readonly<Record<NotificationKind, Readonly<Record<NotificationLocale, Texts>>>> = {
  'award-issued': {
    ja: {
      subject: (badge) => `バッジが授与されました：${badge}`,
      lead: (issuer, badge) => `${issuer}から、バッジ「${badge}」が授与されました。`,
      closing: [
        'バッジのページでは、どなたでもこのバッジが本物であることを確認できます。受領者の個人情報は、ご本人が公開しないかぎり表示されません。',
        'お心当たりがない場合は、発行者にお問い合わせください。',
      ],
    },
    en: {
      subject: (badge) => `You have received a badge: ${badge}`,
      lead: (issuer, badge) => `${issuer} has awarded you the badge “${badge}”.`,
      closing: [
        'Anyone can check on the badge page that this badge is genuine. Your personal details are not shown there unless you choose to make them public.',
        'If you do not know why you received this, please contact the issuer.',
      ],
    },
  },
  'award-reissued': {
    ja: {
      subject: (badge) => `バッジが再発行されました：${badge}`,
      lead: (issuer, badge) =>
        `${issuer}が、バッジ「${badge}」を再発行しました。新しいバッジが以前のものに代わります。授与日は変わりません。`,
      closing: [
        '以前のバッジを保存している場合は、新しいバッジに差し替えてください。',
        'お心当たりがない場合は、発行者にお問い合わせください。',
      ],
    },
    en: {
      subject: (badge) => `Your badge has been re-issued: ${badge}`,
      lead: (issuer, badge) =>
        `${issuer} has re-issued your badge “${badge}”. The new badge replaces the previous one; the award date stays the same.`,
      closing: [
        'If you keep a copy of the previous badge, replace it with the new one.',
        'If you do not know why you received this, please contact the issuer.',
      ],
    },
  },
  'award-revoked': {
    ja: {
      subject: (badge) => `バッジが取り消されました：${badge}`,
      lead: (issuer, badge) =>
        `${issuer}が、バッジ「${badge}」を取り消しました。このバッジは今後、検証で「取り消し済み」と表示されます。`,
      closing: ['ご不明な点は、発行者にお問い合わせください。'],
    },
    en: {
      subject: (badge) => `Your badge has been revoked: ${badge}`,
      lead: (issuer, badge) =>
        `${issuer} has revoked your badge “${badge}”. From now on, verifying it shows that it was revoked.`,
      closing: ['If you have any questions, please contact the issuer.'],
    },
  },
};

const LABELS = {
  ja: {
    badge: 'バッジ',
    issuer: '発行者',
    awarded: '授与日',
    revoked: '取消日',
    reason: '取消の理由',
    view: 'バッジを見る',
    viewIntro: 'バッジのページ：',
    claim: 'ウォレットに受け取る',
    claimIntro:
      'Akashi のウォレットに受け取ると、ほかのバッジと一緒に保管し、公開・共有（LinkedIn など）やダウンロードができるようになります。次のリンクを開き、サインイン（アカウントをお持ちでない方は登録）してください：',
    deliver: 'ウォレットアプリに送る',
    deliverIntro:
      'スマートフォンのウォレットアプリ（Learner Credential Wallet など）で受け取ることもできます。次のリンクを開くと QR コードが表示されます：',
  },
  en: {
    badge: 'Badge',
    issuer: 'Issuer',
    awarded: 'Awarded on',
    revoked: 'Revoked on',
    reason: 'Reason',
    view: 'View the badge',
    viewIntro: 'The badge page:',
    claim: 'Claim it in your wallet',
    claimIntro:
      'Claim the badge into your Akashi wallet to keep it with your other badges, share it (on LinkedIn, for example) and download it. Open this link and sign in, or create an account if you have none:',
    deliver: 'Send it to a wallet app',
    deliverIntro:
      'You can also take it into a wallet app on your phone (such as the Learner Credential Wallet). This link shows the QR codes:',
  },
} as const;

/** The deliver link of a claim link: `/wallet/claim/{id}?token=…` → `/wallet/deliver/{id}?token=…`. */
export const deliverUrlOf = (claimUrl: string): string | undefined => {
  try {
    const url = new URL(claimUrl);
    const match = /^(.*)\/wallet\/claim\/([^/]+)$/.exec(url.pathname);
    if (match === null) return undefined;
    url.pathname = `${match[1] ?? ''}/wallet/deliver/${match[2] ?? ''}`;
    return url.toString();
  } catch {
    return undefined;
  }
};

/** What `mail` says, before layout. */
export const awardNotificationContent = (mail: AwardNotificationMail): NotificationMailContent => {
  const { kind, locale, params } = mail;
  const texts = TEXTS[kind][locale];
  const labels = LABELS[locale];
  const badge = nameIn(params.badgeName, locale);
  const issuer = nameIn(params.issuerName, locale);
  const revoked = kind === 'award-revoked';
  const details = [
    { label: labels.badge, value: badge },
    { label: labels.issuer, value: issuer },
    { label: labels.awarded, value: formatAwardDate(params.awardedAt, locale) },
    ...(revoked && params.revokedAt !== null
      ? [{ label: labels.revoked, value: formatAwardDate(params.revokedAt, locale) }]
      : []),
    ...(revoked && params.revocationReason !== null && params.revocationReason !== ''
      ? [{ label: labels.reason, value: params.revocationReason }]
      : []),
  ];
  const claimUrl =
    !revoked && params.claimUrl !== null && params.claimUrl !== '' ? params.claimUrl : undefined;
  const deliverUrl = claimUrl === undefined ? undefined : deliverUrlOf(claimUrl);
  const links = [
    { intro: labels.viewIntro, label: labels.view, url: params.badgeUrl },
    ...(claimUrl === undefined
      ? []
      : [{ intro: labels.claimIntro, label: labels.claim, url: claimUrl }]),
    ...(deliverUrl === undefined
      ? []
      : [{ intro: labels.deliverIntro, label: labels.deliver, url: deliverUrl }]),
  ];
  return {
    subject: texts.subject(badge),
    greeting: greet(locale, mail.recipientName),
    paragraphs: [texts.lead(issuer, badge)],
    details,
    links,
    closing: texts.closing,
  };
};

/** The e-mail for `mail`: subject, plain text and HTML. */
export const renderAwardNotification = (
  mail: AwardNotificationMail,
  publicUrl: string,
): RenderedMail => renderNotificationMail(awardNotificationContent(mail), mail.locale, publicUrl);
