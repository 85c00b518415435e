/**
 * The public HTML page of an achievement, for people who follow its URL: image, name,
 * description, criteria (Markdown rendered safely), evidence requirement, type, credits,
 * alignments and skills, tags, issuer, and links to the machine-readable documents. Texts come
 * from the edition shown (Japanese, or English when asked for and present); labels follow the
 * page language. Self-contained: one inline style allowed by its hash, images from this origin
 * only, no script; every value escaped.
 */
import { createHash } from 'node:crypto';
import { assetHref } from '@akashi/web';
import { escapeHtml } from '../organisations/render-organisations-page.js';
import { achievementUrls, type Achievement } from './achievement.js';
import {
  collectAlignments,
  collectTags,
  pickText,
  type AchievementLanguage,
} from './build-ob3-achievement.js';
import { renderMarkdown } from './render-markdown.js';

const STYLE = `
body { font: 15px/1.7 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP Variable", "Noto Sans JP", sans-serif;
  margin: 0 auto; max-width: 48rem; padding: 1rem 1.5rem 4rem; color: #1d2330; }
header { display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
header img { width: 160px; height: 160px; object-fit: contain; }
h1 { margin: 0; } h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid #e5e8ee; }
.note { color: #5b6475; } .archived { background: #fff4e5; padding: .5rem .75rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
.tags span { display: inline-block; background: #eef1f6; border-radius: 1rem; padding: 0 .6rem; margin: 0 .3rem .3rem 0; }
`;

export const ACHIEVEMENT_PAGE_CONTENT_SECURITY_POLICY = `default-src 'none'; img-src 'self'; style-src 'self' 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

const LABELS = {
  ja: {
    archived: 'このアチーブメントはアーカイブされています（授与済みのバッジは引き続き有効です）。',
    criteria: '取得基準',
    criteriaPage: '基準の詳細ページ',
    evidence: '提出が必要な証拠',
    details: '詳細',
    type: '種別',
    credits: '単位数',
    field: '分野',
    specialization: '専門',
    code: 'コード',
    validity: '有効期間',
    validityNone: '期限なし',
    alignments: '対応する基準・スキル',
    tags: 'タグ',
    issuer: '発行者',
    documents: 'データ',
    ob3: 'Open Badges 3.0 (JSON-LD)',
    ob2: 'Open Badges 2.0 BadgeClass',
    other: 'English version',
    period: (y: number, m: number, d: number) =>
      `授与から${[y ? `${String(y)}年` : '', m ? `${String(m)}か月` : '', d ? `${String(d)}日` : ''].join('')}`,
  },
  en: {
    archived: 'This achievement is archived (badges already awarded remain valid).',
    criteria: 'Criteria',
    criteriaPage: 'Criteria page',
    evidence: 'Evidence required',
    details: 'Details',
    type: 'Type',
    credits: 'Credits',
    field: 'Field of study',
    specialization: 'Specialization',
    code: 'Code',
    validity: 'Valid for',
    validityNone: 'Does not expire',
    alignments: 'Alignments and skills',
    tags: 'Tags',
    issuer: 'Issuer',
    documents: 'Data',
    ob3: 'Open Badges 3.0 (JSON-LD)',
    ob2: 'Open Badges 2.0 BadgeClass',
    other: '日本語版',
    period: (y: number, m: number, d: number) =>
      [
        y ? `${String(y)} year(s)` : '',
        m ? `${String(m)} month(s)` : '',
        d ? `${String(d)} day(s)` : '',
      ]
        .filter((part) => part !== '')
        .join(', ') + ' from the award',
  },
} as const;

export interface AchievementPageInput {
  readonly achievement: Achievement;
  readonly publicUrl: string;
  /** The edition whose texts are shown. */
  readonly edition: AchievementLanguage;
  /** The language of the labels. */
  readonly language: AchievementLanguage;
  readonly issuerName: string | undefined;
}

const row = (label: string, value: string | undefined): string =>
  value === undefined ? '' : `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;

const paragraphs = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((line) => escapeHtml(line))
    .join('<br>\n');

export const renderAchievementPage = ({
  achievement: a,
  publicUrl,
  edition,
  language,
  issuerName,
}: AchievementPageInput): string => {
  const t = LABELS[language];
  const urls = achievementUrls(a, publicUrl);
  const name = pickText(a.name, edition);
  const imagePath = new URL(urls.image).pathname;
  const { years = 0, months = 0, days = 0 } = a.validity ?? {};
  const alignments = collectAlignments(a);
  const tags = collectTags(a);
  const otherEdition =
    urls.achievementEn === null ? undefined : edition === 'ja' ? `?lang=en` : `?lang=ja`;
  const criteria = [
    a.criteria.narrative === undefined
      ? ''
      : renderMarkdown(pickText(a.criteria.narrative, edition)),
    a.criteria.url === undefined
      ? ''
      : `<p><a href="${escapeHtml(a.criteria.url)}" rel="nofollow noopener noreferrer">${escapeHtml(t.criteriaPage)}</a></p>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)}</title>
<link rel="stylesheet" href="${assetHref('fonts.css')}">
<style>${STYLE}</style>
</head>
<body>
<main lang="${edition}">
${a.status === 'archived' ? `<p class="archived" lang="${language}">${escapeHtml(t.archived)}</p>` : ''}
<header>
<img src="${escapeHtml(imagePath)}" alt="">
<div><h1>${escapeHtml(name)}</h1>
${issuerName === undefined ? '' : `<p class="note">${escapeHtml(t.issuer)}: <a href="/issuers/${escapeHtml(a.issuerProfileId)}">${escapeHtml(issuerName)}</a></p>`}</div>
</header>
<p>${paragraphs(pickText(a.description, edition))}</p>
<h2 lang="${language}">${escapeHtml(t.criteria)}</h2>
${criteria}
${a.evidenceRequirement === undefined ? '' : `<h2 lang="${language}">${escapeHtml(t.evidence)}</h2>\n${renderMarkdown(pickText(a.evidenceRequirement, edition))}`}
<h2 lang="${language}">${escapeHtml(t.details)}</h2>
<dl>
${row(t.type, a.achievementType)}
${row(t.credits, a.creditsAvailable === undefined ? undefined : String(a.creditsAvailable))}
${row(t.field, a.fieldOfStudy)}
${row(t.specialization, a.specialization)}
${row(t.code, a.humanCode)}
${row(t.validity, a.validity === undefined ? t.validityNone : t.period(years, months, days))}
</dl>
${
  alignments.length === 0
    ? ''
    : `<h2 lang="${language}">${escapeHtml(t.alignments)}</h2>\n<ul>\n${alignments
        .map(
          (alignment) =>
            `<li><a href="${escapeHtml(alignment.targetUrl)}" rel="nofollow noopener noreferrer">${escapeHtml(alignment.targetName)}</a>${
              alignment.targetFramework === undefined
                ? ''
                : ` <span class="note">(${escapeHtml(alignment.targetFramework)}${alignment.targetCode === undefined ? '' : ` ${escapeHtml(alignment.targetCode)}`})</span>`
            }</li>`,
        )
        .join('\n')}\n</ul>`
}
${tags.length === 0 ? '' : `<h2 lang="${language}">${escapeHtml(t.tags)}</h2>\n<p class="tags">${tags.map((tag) => `<span>${escapeHtml(tag)}</span>`).join('')}</p>`}
<h2 lang="${language}">${escapeHtml(t.documents)}</h2>
<ul lang="${language}">
<li><a href="${escapeHtml(new URL(urls.achievement).pathname)}${edition === 'en' ? '?lang=en' : ''}" type="application/ld+json">${escapeHtml(t.ob3)}</a></li>
<li><a href="${escapeHtml(new URL(urls.badgeClass).pathname)}" type="application/ld+json">${escapeHtml(t.ob2)}</a></li>
${otherEdition === undefined ? '' : `<li><a href="${escapeHtml(otherEdition)}">${escapeHtml(t.other)}</a></li>`}
</ul>
</main>
</body>
</html>
`;
};
