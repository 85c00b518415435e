/**
 * The e-mails of further addresses and account deletion, in Japanese and English: the link that
 * confirms an address added to an account (sent to that address), and the short notice that an
 * account and its wallet were deleted (sent to the account's address, after the fact). Each
 * returns the content `renderMail` lays out; names are used exactly as stored.
 */
import type { MailLocale } from '../mail/mail-locale.js';
import type { MailContent } from '../mail/render-mail.js';

const greet = (locale: MailLocale, displayName: string): string =>
  locale === 'ja' ? `${displayName} 様` : `Hello ${displayName},`;

export const addEmailMail = (
  locale: MailLocale,
  { displayName, email, link }: { displayName: string; email: string; link: string },
): MailContent =>
  locale === 'ja'
    ? {
        subject: '【Akashi】追加のメールアドレスの確認',
        greeting: greet(locale, displayName),
        paragraphs: [
          `Akashi のアカウントに、このメールアドレス（${email}）を追加する手続きが行われました。48 時間以内に次のリンクを開いて、確認を完了してください。`,
          '確認が済むと、このアドレス宛てに授与されたバッジが、あなたのウォレットに自動的に追加されます。',
        ],
        action: { label: 'メールアドレスを確認する', url: link },
        closing: [
          'リンクを開く際は、追加の手続きをしたアカウントでサインインしてください。',
          'お心当たりがない場合は、このメールを破棄してください。確認されないかぎり、アドレスは追加されません。',
        ],
      }
    : {
        subject: 'Confirm the address added to your Akashi account',
        greeting: greet(locale, displayName),
        paragraphs: [
          `This address (${email}) was added to an Akashi account. To confirm it, open this link within 48 hours:`,
          'Once it is confirmed, the badges awarded to this address appear in your wallet automatically.',
        ],
        action: { label: 'Confirm this address', url: link },
        closing: [
          'Open the link while signed in to the account you added the address to.',
          'If this was not you, ignore this message: the address is not added until it is confirmed.',
        ],
      };

export const accountDeletedMail = (
  locale: MailLocale,
  { displayName }: { displayName: string },
): MailContent =>
  locale === 'ja'
    ? {
        subject: '【Akashi】アカウントを削除しました',
        greeting: greet(locale, displayName),
        paragraphs: [
          'ご依頼により、Akashi のアカウントと、ウォレットのバッジ・コレクション・公開プロフィール・共有リンクなど、アカウントに属するすべてのデータを削除しました。',
          '発行者が管理するバッジの授与記録は、発行者のもとに残ります。バッジのページや検証はこれまでどおり利用できます。',
        ],
        closing: ['お心当たりがない場合は、発行者またはこのサービスの運営者にご連絡ください。'],
      }
    : {
        subject: 'Your Akashi account has been deleted',
        greeting: greet(locale, displayName),
        paragraphs: [
          'As you asked, your Akashi account has been deleted with everything that belonged to it: the badges in your wallet, collections, public profile and share links.',
          "The issuers' own records of the badges they awarded stay with them; badge pages and verification keep working.",
        ],
        closing: ['If this was not you, contact the issuer or the operator of this service.'],
      };
