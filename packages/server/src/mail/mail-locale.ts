/**
 * The languages e-mails are written in, chosen by the user's `locale` (Japanese unless the user
 * chose English), and how dates appear in them: Japan time, which is where the platform's users
 * are.
 */
export type MailLocale = 'ja' | 'en';

export const toMailLocale = (locale: string | null | undefined): MailLocale =>
  locale === 'en' ? 'en' : 'ja';

export const formatMailDate = (date: Date, locale: MailLocale): string => {
  const formatted = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(date);
  return locale === 'ja' ? `${formatted}（日本時間）` : `${formatted} (Japan time)`;
};
