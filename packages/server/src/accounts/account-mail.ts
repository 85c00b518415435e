/**
 * How the account commands send e-mail: in the recipient's language, laid out by `renderMail`,
 * queued on the app's mailer (in the background, see `mail/mailer.ts`), with links to the web
 * app's pages (`PUBLIC_URL/verify-email?token=…`).
 */
import type { AppContext } from '../http/app-context.js';
import { mailerFor, type MailLog } from '../mail/mailer.js';
import { toMailLocale, type MailLocale } from '../mail/mail-locale.js';
import { renderMail, type MailContent } from '../mail/render-mail.js';

export interface MailRecipient {
  readonly email: string;
  readonly display_name: string;
  readonly locale: string;
}

/** The web app's pages that e-mails link to. */
export type AccountPage =
  | '/verify-email'
  | '/reset-password'
  | '/setup'
  | '/sign-in'
  /** Confirms a further address of an account (`wallet-claims/account-emails.ts`). */
  | '/account/emails/verify';

export interface AccountMail {
  /** Queues one e-mail to `recipient`, written by `content` in the recipient's language. */
  readonly queue: (
    recipient: MailRecipient,
    content: (locale: MailLocale) => MailContent,
    link?: string,
  ) => void;
  /** `PUBLIC_URL<page>?token=<token>` (without `token` when none is given). */
  readonly link: (page: AccountPage, token?: string) => string;
}

export const accountPageLink = (publicUrl: string, page: AccountPage, token?: string): string =>
  `${publicUrl}${page}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

export const accountMailFor = (context: AppContext, log: MailLog): AccountMail => ({
  queue: (recipient, content, link) => {
    const locale = toMailLocale(recipient.locale);
    const rendered = renderMail(content(locale), locale, context.config.publicUrl);
    mailerFor(context.config, context.clock).queue(
      { to: recipient.email, ...rendered, ...(link === undefined ? {} : { link }) },
      log,
    );
  },
  link: (page, token) => accountPageLink(context.config.publicUrl, page, token),
});
