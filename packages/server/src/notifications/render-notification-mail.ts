/**
 * The layout of a notification e-mail, as plain text and as HTML from one description: a
 * greeting, paragraphs, a table of details (badge, issuer, date…), one or more links, closing
 * paragraphs and a footer in both languages (the recipient may not read the one chosen). Like
 * `mail/render-mail.ts`, which has room for one link only: every value is HTML-escaped, names are
 * used exactly as stored (never normalised), and only http(s) URLs become links.
 */
import type { RenderedMail } from '../mail/render-mail.js';
import type { NotificationLocale } from './notification-tables.js';

export interface NotificationMailContent {
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  readonly details: readonly { readonly label: string; readonly value: string }[];
  readonly links: readonly {
    readonly intro: string;
    readonly label: string;
    readonly url: string;
  }[];
  readonly closing: readonly string[];
}

const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A header must be one line: control characters (CR, LF…) become spaces. */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const oneLine = (value: string): string => value.replace(/[\x00-\x1f\x7f]+/g, ' ');

const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url) && URL.canParse(url);

const FOOTER: Readonly<Record<NotificationLocale, (publicUrl: string) => string>> = {
  ja: (publicUrl) =>
    `このメールは Akashi（${publicUrl}）から、バッジの発行者が登録したアドレスに自動送信されています。返信はできません。`,
  en: (publicUrl) =>
    `This message was sent automatically by Akashi at ${publicUrl} to the address the badge's issuer registered. Replies are not read.`,
};

const footerLines = (locale: NotificationLocale, publicUrl: string): string[] =>
  locale === 'ja'
    ? [FOOTER.ja(publicUrl), FOOTER.en(publicUrl)]
    : [FOOTER.en(publicUrl), FOOTER.ja(publicUrl)];

export const renderNotificationMail = (
  content: NotificationMailContent,
  locale: NotificationLocale,
  publicUrl: string,
): RenderedMail => {
  const footer = footerLines(locale, publicUrl);
  const separator = locale === 'ja' ? '：' : ': ';
  const text = [
    content.greeting,
    ...content.paragraphs,
    content.details.map(({ label, value }) => `${label}${separator}${value}`).join('\n'),
    ...content.links.map(({ intro, url }) => `${intro}\n${url}`),
    ...content.closing,
    '--',
    footer.join('\n'),
  ]
    .filter((block) => block !== '')
    .join('\n\n');

  const paragraph = (value: string) => `<p>${escapeHtml(value)}</p>`;
  const details =
    content.details.length === 0
      ? []
      : [
          '<table style="border-collapse:collapse;margin:12px 0">',
          ...content.details.map(
            ({ label, value }) =>
              `<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top;white-space:nowrap">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
          ),
          '</table>',
        ];
  const links = content.links.flatMap(({ intro, label, url }) => [
    paragraph(intro),
    isWebUrl(url)
      ? `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a></p>`
      : '',
    `<p style="font-size:12px;color:#555555;word-break:break-all">${escapeHtml(url)}</p>`,
  ]);
  const subject = oneLine(content.subject);
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.6;color:#111111">',
    paragraph(content.greeting),
    ...content.paragraphs.map(paragraph),
    ...details,
    ...links.filter((line) => line !== ''),
    ...content.closing.map(paragraph),
    `<hr>${footer.map((line, index) => `<p style="font-size:12px;color:#555555" lang="${index === 0 ? locale : locale === 'ja' ? 'en' : 'ja'}">${escapeHtml(line)}</p>`).join('')}`,
    '</body></html>',
  ].join('\n');
  return { subject, text: `${text}\n`, html: `${html}\n` };
};
