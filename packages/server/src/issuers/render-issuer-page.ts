/**
 * The HTML pages of an issuer for browsers: the profile (names in Japanese and English, web
 * site, e-mail, whether the platform operator approved the organisation and when, its
 * identifier and keys), and a plain view of its JSON documents (DID document, JWKS, keys).
 * Self-contained: one inline style allowed by its hash, no script; every value is escaped.
 */
import { createHash } from 'node:crypto';
import { assetHref } from '@akashi/web';
import type { OrganisationStatus } from '../db/tables.js';
import type { Language } from '../http/pick-language.js';
import { escapeHtml } from '../organisations/render-organisations-page.js';
import type { IssuerWithKeys } from './issuer-documents.js';
import { issuerUrls } from './issuer-urls.js';

const STYLE = `
body { font: 15px/1.6 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP Variable", "Noto Sans JP", sans-serif;
  margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 4rem; color: #1d2330; }
h1 { margin-bottom: .25rem; } .sub { color: #5b6475; margin-top: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e5e8ee; vertical-align: top; }
code, pre { font: 13px/1.5 ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; background: #f5f6f8; padding: 1rem; }
.approved { color: #1b7a3a; font-weight: 600; } .not-approved { color: #b3261e; font-weight: 600; }
`;

export const ISSUER_PAGE_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'self' 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'; img-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

export interface IssuerOrganisationView {
  readonly legalName: string;
  readonly nameEn: string;
  readonly status: OrganisationStatus;
  readonly decidedAt: string | null;
}

const LABELS = {
  ja: {
    title: '発行者',
    organisation: '組織',
    vetting: '審査',
    approved: (date: string) => `プラットフォーム運営者が承認済み（${date}）`,
    notApproved: 'プラットフォーム運営者の承認を受けていません',
    website: 'ウェブサイト',
    email: 'メール',
    description: '説明',
    identifier: '識別子',
    archived: 'アーカイブ済み（新しいバッジは発行しません）',
    documents: '公開文書',
    keys: '公開鍵',
    algorithm: 'アルゴリズム',
    kid: '鍵 ID',
    status: '状態',
    since: '使用開始',
    until: '使用終了',
    current: '使用中',
    retired: '使用終了（以前のバッジの検証に使われます）',
  },
  en: {
    title: 'Issuer',
    organisation: 'Organisation',
    vetting: 'Vetting',
    approved: (date: string) => `Approved by the platform operator (${date})`,
    notApproved: 'Not approved by the platform operator',
    website: 'Web site',
    email: 'E-mail',
    description: 'Description',
    identifier: 'Identifier',
    archived: 'Archived (issues no new badges)',
    documents: 'Public documents',
    keys: 'Public keys',
    algorithm: 'Algorithm',
    kid: 'Key id',
    status: 'Status',
    since: 'Since',
    until: 'Until',
    current: 'current',
    retired: 'retired (verifies earlier badges)',
  },
} as const;

/** The calendar date in Japan (YYYY-MM-DD) of an ISO 8601 instant. */
const japanDate = (iso: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

const page = (lang: Language, title: string, body: string): string => `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assetHref('fonts.css')}">
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;

const link = (url: string): string => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;

export const renderIssuerPage = (
  issuer: IssuerWithKeys,
  organisation: IssuerOrganisationView,
  publicUrl: string,
  lang: Language,
): string => {
  const { profile, keys } = issuer;
  const t = LABELS[lang];
  const other: Language = lang === 'ja' ? 'en' : 'ja';
  const urls = issuerUrls(publicUrl, profile.id);
  const vetting =
    organisation.status === 'approved'
      ? `<span class="approved">${escapeHtml(t.approved(organisation.decidedAt === null ? '—' : japanDate(organisation.decidedAt)))}</span>`
      : `<span class="not-approved">${escapeHtml(t.notApproved)}</span>`;
  const description = profile.description[lang] || profile.description[other];
  const rows = keys
    .map(
      (key) => `<tr>
<td>${escapeHtml(key.algorithm === 'ed25519' ? 'Ed25519' : 'RSA-2048')}</td>
<td><a href="${escapeHtml(urls.key(key.kid))}"><code>${escapeHtml(key.kid)}</code></a></td>
<td>${escapeHtml(key.status === 'current' ? t.current : t.retired)}</td>
<td>${escapeHtml(japanDate(key.activatedAt))}</td>
<td>${escapeHtml(key.retiredAt === undefined ? '' : japanDate(key.retiredAt))}</td>
</tr>`,
    )
    .join('\n');
  const image =
    profile.imageId === null
      ? ''
      : `<img src="${escapeHtml(`${publicUrl}/images/${profile.imageId}`)}" alt="" width="96" height="96">\n`;
  const body = `${image}<h1 lang="${lang}">${escapeHtml(profile.name[lang])}</h1>
<p class="sub" lang="${other}">${escapeHtml(profile.name[other])}</p>
${profile.archivedAt === null ? '' : `<p>${escapeHtml(t.archived)}</p>`}
<dl>
<dt>${escapeHtml(t.organisation)}</dt><dd>${escapeHtml(lang === 'ja' ? organisation.legalName : organisation.nameEn)}</dd>
<dt>${escapeHtml(t.vetting)}</dt><dd>${vetting}</dd>
<dt>${escapeHtml(t.website)}</dt><dd>${link(profile.url)}</dd>
<dt>${escapeHtml(t.email)}</dt><dd>${escapeHtml(profile.email)}</dd>
${description === '' ? '' : `<dt>${escapeHtml(t.description)}</dt><dd>${escapeHtml(description)}</dd>`}
<dt>${escapeHtml(t.identifier)}</dt><dd><code>${escapeHtml(profile.identifier)}</code></dd>
<dt>${escapeHtml(t.documents)}</dt><dd>${link(urls.didDocument)}<br>${link(urls.jwks)}</dd>
</dl>
<h2>${escapeHtml(t.keys)}</h2>
<table>
<thead><tr><th>${escapeHtml(t.algorithm)}</th><th>${escapeHtml(t.kid)}</th><th>${escapeHtml(t.status)}</th><th>${escapeHtml(t.since)}</th><th>${escapeHtml(t.until)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page(lang, `${profile.name[lang]} — ${t.title}`, body);
};

/** A JSON document shown to a browser, with a link back to the issuer's page. */
export const renderJsonDocumentPage = (
  title: string,
  document: unknown,
  profileUrl: string,
  lang: Language,
): string =>
  page(
    lang,
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${link(profileUrl)}</p>
<pre>${escapeHtml(JSON.stringify(document, null, 2))}</pre>`,
  );
