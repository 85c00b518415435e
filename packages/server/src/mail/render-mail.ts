/**
 * The layout every e-mail shares, as plain text and as HTML from one description: a greeting,
 * paragraphs, at most one action link, closing paragraphs and a footer naming the instance.
 * Every value is HTML-escaped in the HTML part; names are used exactly as stored (never
 * normalised: see JAPAN.md on names).
 */
import type { MailLocale } from './mail-locale.js';

export interface MailContent {
  readonly subject: string;
  /** `山田 花子 様` / `Hello 山田 花子,` */
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  readonly action?: { readonly label: string; readonly url: string };
  readonly closing?: readonly string[];
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const FOOTER: Readonly<Record<MailLocale, (publicUrl: string) => string>> = {
  ja: (publicUrl) =>
    `このメールは Akashi（${publicUrl}）から自動送信されています。返信はできません。`,
  en: (publicUrl) =>
    `This message was sent automatically by Akashi at ${publicUrl}. Replies are not read.`,
};

export const renderMail = (
  content: MailContent,
  locale: MailLocale,
  publicUrl: string,
): RenderedMail => {
  const footer = FOOTER[locale](publicUrl);
  const closing = content.closing ?? [];
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...(content.action === undefined ? [] : [content.action.url]),
    ...closing,
    '--',
    footer,
  ].join('\n\n');
  const paragraph = (value: string) => `<p>${escapeHtml(value)}</p>`;
  const action =
    content.action === undefined
      ? []
      : [
          `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`,
          `<p style="font-size:12px;color:#555555;word-break:break-all">${escapeHtml(content.action.url)}</p>`,
        ];
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.6;color:#111111">',
    paragraph(content.greeting),
    ...content.paragraphs.map(paragraph),
    ...action,
    ...closing.map(paragraph),
    `<hr><p style="font-size:12px;color:#555555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: content.subject, text: `${text}\n`, html: `${html}\n` };
};
