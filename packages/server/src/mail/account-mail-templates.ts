/**
 * The account e-mails, in Japanese and English: e-mail verification, password reset, a sign-up
 * attempt on an address that already has an account, a second factor added or removed, and the
 * operator's test message. Each returns the content `renderMail` lays out.
 */
import { formatMailDate, type MailLocale } from './mail-locale.js';
import type { MailContent } from './render-mail.js';

export type SecondFactorKind = 'totp' | 'passkey' | 'recovery-codes';

const greet = (locale: MailLocale, displayName: string): string =>
  locale === 'ja' ? `${displayName} 様` : `Hello ${displayName},`;

const IF_NOT_YOU: Readonly<Record<MailLocale, string>> = {
  ja: 'お心当たりがない場合は、すぐにパスワードを再設定し、管理者にご連絡ください。',
  en: 'If this was not you, reset your password at once and tell your administrator.',
};

const describeFactor = (kind: SecondFactorKind, locale: MailLocale, name?: string): string => {
  switch (kind) {
    case 'totp':
      return locale === 'ja' ? '認証アプリ（TOTP）' : 'an authenticator app (TOTP)';
    case 'passkey':
      return locale === 'ja' ? `パスキー「${name ?? ''}」` : `the passkey "${name ?? ''}"`;
    case 'recovery-codes':
      return locale === 'ja' ? '新しいリカバリーコード' : 'a new set of recovery codes';
  }
};

export const verifyEmailMail = (
  locale: MailLocale,
  { displayName, link }: { displayName: string; link: string },
): MailContent =>
  locale === 'ja'
    ? {
        subject: '【Akashi】メールアドレスの確認',
        greeting: greet(locale, displayName),
        paragraphs: [
          'Akashi のアカウント登録を完了するため、48 時間以内に次のリンクを開いてメールアドレスを確認してください。',
        ],
        action: { label: 'メールアドレスを確認する', url: link },
        closing: [
          'お心当たりがない場合は、このメールを破棄してください。確認されないかぎりアカウントは使えません。',
        ],
      }
    : {
        subject: 'Confirm your e-mail address for Akashi',
        greeting: greet(locale, displayName),
        paragraphs: [
          'To finish creating your Akashi account, confirm your e-mail address by opening this link within 48 hours:',
        ],
        action: { label: 'Confirm my e-mail address', url: link },
        closing: [
          'If you did not create an account, ignore this message: the account cannot be used until the address is confirmed.',
        ],
      };

export const resetPasswordMail = (
  locale: MailLocale,
  { displayName, link }: { displayName: string; link: string },
): MailContent =>
  locale === 'ja'
    ? {
        subject: '【Akashi】パスワードの再設定',
        greeting: greet(locale, displayName),
        paragraphs: [
          'Akashi アカウントのパスワード再設定が申請されました。1 時間以内に次のリンクを開き、新しいパスワードを設定してください。',
        ],
        action: { label: 'パスワードを再設定する', url: link },
        closing: [
          'リンクは一度だけ使えます。再設定すると、すべての端末でサインアウトされます。',
          'お心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。',
        ],
      }
    : {
        subject: 'Reset your Akashi password',
        greeting: greet(locale, displayName),
        paragraphs: [
          'Someone, hopefully you, asked to reset the password of your Akashi account. Open this link within 1 hour to choose a new password:',
        ],
        action: { label: 'Choose a new password', url: link },
        closing: [
          'The link works once. Resetting your password signs you out everywhere.',
          'If you did not ask for this, ignore this message: your password stays as it is.',
        ],
      };

export const signUpExistingMail = (
  locale: MailLocale,
  { displayName, link }: { displayName: string; link: string },
): MailContent =>
  locale === 'ja'
    ? {
        subject: '【Akashi】アカウント登録の試みがありました',
        greeting: greet(locale, displayName),
        paragraphs: [
          'このメールアドレスで Akashi のアカウント登録が試みられましたが、すでにアカウントがあるため、新しいアカウントは作成していません。',
          'ご本人の場合は、これまでのアカウントでサインインしてください。パスワードをお忘れの場合は、次のページから再設定できます。',
        ],
        action: { label: 'パスワードの再設定', url: link },
        closing: ['お心当たりがない場合は、このメールを破棄してください。'],
      }
    : {
        subject: 'Someone tried to create an Akashi account with your address',
        greeting: greet(locale, displayName),
        paragraphs: [
          'Someone tried to create an Akashi account with this e-mail address. An account with it already exists, so no new account was created.',
          'If it was you, sign in with your existing account. If you have forgotten your password, you can reset it here:',
        ],
        action: { label: 'Reset my password', url: link },
        closing: ['If it was not you, ignore this message.'],
      };

export interface SecondFactorChange {
  readonly displayName: string;
  readonly kind: SecondFactorKind;
  /** The passkey's name, for a passkey. */
  readonly name?: string;
  readonly at: Date;
}

/** The texts that differ between a second factor added and one removed. */
const SECOND_FACTOR_CHANGE = {
  added: {
    subject: {
      ja: '【Akashi】2 段階認証の設定が追加されました',
      en: 'Two-factor authentication was set up on your Akashi account',
    },
    paragraph: {
      ja: (when: string, factor: string) =>
        `${when}、Akashi アカウントの 2 段階認証に${factor}が設定されました。`,
      en: (when: string, factor: string) =>
        `On ${when}, ${factor} was set up for two-factor authentication on your Akashi account.`,
    },
  },
  removed: {
    subject: {
      ja: '【Akashi】2 段階認証の設定が削除されました',
      en: 'A second factor was removed from your Akashi account',
    },
    paragraph: {
      ja: (when: string, factor: string) =>
        `${when}、Akashi アカウントの 2 段階認証から${factor}が削除されました。`,
      en: (when: string, factor: string) =>
        `On ${when}, ${factor} was removed from the two-factor authentication of your Akashi account.`,
    },
  },
} as const;

const secondFactorChangeMail =
  (change: keyof typeof SECOND_FACTOR_CHANGE) =>
  (locale: MailLocale, { displayName, kind, name, at }: SecondFactorChange): MailContent => {
    const texts = SECOND_FACTOR_CHANGE[change];
    const factor = describeFactor(kind, locale, name);
    const when = formatMailDate(at, locale);
    return {
      subject: texts.subject[locale],
      greeting: greet(locale, displayName),
      paragraphs: [texts.paragraph[locale](when, factor)],
      closing: [IF_NOT_YOU[locale]],
    };
  };

export const secondFactorAddedMail = secondFactorChangeMail('added');

export const secondFactorRemovedMail = secondFactorChangeMail('removed');

export const testMail = (
  locale: MailLocale,
  { displayName }: { displayName: string },
): MailContent =>
  locale === 'ja'
    ? {
        subject: '【Akashi】テストメール',
        greeting: greet(locale, displayName),
        paragraphs: ['Akashi からのテストメールです。メールの送信は正常に動作しています。'],
      }
    : {
        subject: 'Akashi test message',
        greeting: greet(locale, displayName),
        paragraphs: ['This is a test message from Akashi: sending e-mail works.'],
      };
