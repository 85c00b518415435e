/**
 * The public HTML list of approved issuing organisations, in Japanese and English, so that a
 * verifier can see that an issuer was vetted and since when. Self-contained: one inline style
 * allowed by its hash, no script, nothing loaded from elsewhere; every value is escaped.
 */
import { createHash } from 'node:crypto';
import type { OrganisationType } from '../db/tables.js';
import type { PublicOrganisation } from './organisation-schemas.js';

const STYLE = `
body { font: 15px/1.6 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", sans-serif;
  margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 4rem; color: #1d2330; }
h1 { margin-bottom: .25rem; } .en { color: #5b6475; }
table { border-collapse: collapse; width: 100%; margin-top: 1.5rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e5e8ee; vertical-align: top; }
th { font-weight: 600; } td .en { display: block; font-size: 13px; }
`;

export const ORGANISATIONS_PAGE_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

const TYPE_LABELS: Readonly<Record<OrganisationType, readonly [string, string]>> = {
  university: ['大学', 'University'],
  school: ['学校', 'School'],
  company: ['企業', 'Company'],
  association: ['団体', 'Association'],
  government: ['行政機関', 'Government'],
};

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);

/** The calendar date in Japan (YYYY-MM-DD) of an ISO 8601 instant. */
const formatJapanDate = (iso: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

const renderRow = (organisation: PublicOrganisation): string => {
  const [typeJa, typeEn] = TYPE_LABELS[organisation.type];
  return `<tr>
<td lang="ja">${escapeHtml(organisation.legalName)}</td>
<td lang="en">${escapeHtml(organisation.nameEn)}</td>
<td>${escapeHtml(organisation.domain)}</td>
<td>${escapeHtml(typeJa)}<span class="en">${escapeHtml(typeEn)}</span></td>
<td><time datetime="${escapeHtml(organisation.approvedAt)}">${escapeHtml(formatJapanDate(organisation.approvedAt))}</time></td>
</tr>`;
};

export const renderOrganisationsPage = (organisations: readonly PublicOrganisation[]): string => {
  const body =
    organisations.length === 0
      ? `<p>承認済みの発行組織はまだありません。<span class="en">No organisation has been approved yet.</span></p>`
      : `<table>
<thead><tr>
<th>組織名<span class="en">Legal name</span></th>
<th>英語名<span class="en">Name in English</span></th>
<th>ドメイン<span class="en">Domain</span></th>
<th>種別<span class="en">Type</span></th>
<th>承認日（日本時間）<span class="en">Approved since (JST)</span></th>
</tr></thead>
<tbody>
${organisations.map(renderRow).join('\n')}
</tbody>
</table>`;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>承認済みの発行組織 / Approved issuing organisations</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>承認済みの発行組織</h1>
<p class="en">Approved issuing organisations</p>
<p>以下の組織は、このプラットフォームの運営者による審査を経て、バッジの発行を認められています。<br>
<span class="en">The platform operator has reviewed these organisations and admitted them as badge issuers.</span></p>
${body}
</main>
</body>
</html>
`;
};
