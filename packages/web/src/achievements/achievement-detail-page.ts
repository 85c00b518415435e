/**
 * `GET /console/{org}/achievements/{id}`: one badge: its image (and the upload form), every
 * field, version and status, links to its public pages, to award it (one person, bulk) and to its
 * awards, and the archive / unarchive form for those who may change it.
 */
import type { ConsoleContext } from '../kit/console.js';
import { renderConsole } from '../kit/console.js';
import { formatDate } from '../kit/dates.js';
import { csrfInput, renderErrorSummary, renderNotice, type FieldErrors } from '../kit/forms.js';
import { html, type HtmlValue, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import type {
  AchievementView,
  Department,
  IssuerProfile,
  LocalizedText,
} from './achievement-api-types.js';
import { localPath, pickText } from './achievement-api-types.js';
import { renderImageUpload } from './achievement-image-form.js';
import { mayWrite } from './achievement-loaders.js';
import { statusPill } from './achievement-list-page.js';
import { achievementTypeLabel } from './achievement-type-labels.js';
import { achievementsText as t, type AchievementsTextKey } from './achievements-texts.js';

export interface DetailOptions {
  readonly achievement: AchievementView;
  readonly issuers: readonly IssuerProfile[];
  readonly departments: readonly Department[];
  readonly notice?: string | undefined;
  /** Top-of-page errors (archive refused…). */
  readonly errors?: FieldErrors;
  readonly imageError?: string | undefined;
}

const validityText = (l: Language, a: AchievementView): string => {
  const v = a.validity;
  if (v === undefined) return t(l, 'noExpiry');
  const parts = [
    v.years !== undefined && v.years > 0 && t(l, 'periodYears', { n: v.years }),
    v.months !== undefined && v.months > 0 && t(l, 'periodMonths', { n: v.months }),
    v.days !== undefined && v.days > 0 && t(l, 'periodDays', { n: v.days }),
  ].filter((p): p is string => typeof p === 'string');
  return t(l, 'validityValue', { period: parts.join(l === 'ja' ? ' ' : ', ') });
};

/** Both editions of a text, each marked with its language. */
const bilingual = (text: LocalizedText | undefined, block = false): HtmlValue => {
  if (text === undefined) return undefined;
  const cls = block ? 'pre' : '';
  return html`<span class="${cls}" lang="ja">${text.ja}</span
    >${text.en !== undefined && html`<br /><span class="${cls}" lang="en">${text.en}</span>`}`;
};

const fact = (l: Language, key: AchievementsTextKey, value: HtmlValue): SafeHtml | '' =>
  value === undefined || value === ''
    ? ''
    : html`<dt>${t(l, key)}</dt>
        <dd>${value}</dd>`;

const renderFacts = (context: ConsoleContext, options: DetailOptions): SafeHtml => {
  const { page } = context;
  const l = page.language;
  const a = options.achievement;
  const issuer = options.issuers.find((i) => i.id === a.issuerProfileId);
  const department = options.departments.find((d) => d.id === a.departmentId);
  const date = (iso: string) => formatDate(iso, l, page.calendar);
  return html`<dl class="facts" data-testid="achievement-facts">
    ${fact(l, 'factStatus', statusPill(l, a.status))}
    ${fact(l, 'factVersion', html`<span data-testid="achievement-version">${a.version}</span>`)}
    ${fact(l, 'name.ja', html`<span lang="ja">${a.name.ja}</span>`)}
    ${fact(l, 'name.en', a.name.en === undefined ? undefined : html`<span lang="en">${a.name.en}</span>`)}
    ${fact(l, 'description.ja', html`<span class="pre" lang="ja">${a.description.ja}</span>`)}
    ${fact(l, 'description.en', a.description.en === undefined ? undefined : html`<span class="pre" lang="en">${a.description.en}</span>`)}
    ${fact(l, 'achievementType', a.achievementType === undefined ? t(l, 'notSet') : achievementTypeLabel(a.achievementType, l))}
    ${fact(l, 'sectionCriteria', bilingual(a.criteria.narrative, true))}
    ${fact(l, 'criteria.url', a.criteria.url === undefined ? undefined : html`<a href="${a.criteria.url}" rel="noopener noreferrer">${a.criteria.url}</a>`)}
    ${fact(l, 'issuerProfileId', issuer === undefined ? a.issuerProfileId : pickText(issuer.name, l))}
    ${fact(l, 'departmentId', department?.name ?? (a.departmentId === null ? t(l, 'organisationWide') : a.departmentId))}
    ${fact(l, 'tags', a.tags.join(l === 'ja' ? '、' : ', '))}
    ${fact(
      l,
      'skills',
      a.skills.length === 0
        ? undefined
        : html`<ul class="plain">
            ${a.skills.map((s) => html`<li>${s.url === undefined ? s.name : html`<a href="${s.url}" rel="noopener noreferrer">${s.name}</a>`}${(s.framework ?? s.code) !== undefined && html` <span class="muted">(${[s.framework, s.code].filter(Boolean).join(' ')})</span>`}</li>`)}
          </ul>`,
    )}
    ${fact(
      l,
      'alignments',
      a.alignments.length === 0
        ? undefined
        : html`<ul class="plain">
            ${a.alignments.map((al) => html`<li><a href="${al.targetUrl}" rel="noopener noreferrer">${al.targetName}</a>${(al.targetFramework ?? al.targetCode) !== undefined && html` <span class="muted">(${[al.targetFramework, al.targetCode].filter(Boolean).join(' ')})</span>`}</li>`)}
          </ul>`,
    )}
    ${fact(l, 'creditsAvailable', a.creditsAvailable)} ${fact(l, 'fieldOfStudy', a.fieldOfStudy)}
    ${fact(l, 'specialization', a.specialization)} ${fact(l, 'humanCode', a.humanCode)}
    ${fact(l, 'factValidity', validityText(l, a))}
    ${fact(l, 'sectionEvidence', bilingual(a.evidenceRequirement, true))}
    ${fact(l, 'factCreated', date(a.createdAt))} ${fact(l, 'factUpdated', date(a.updatedAt))}
    ${fact(l, 'factArchived', a.archivedAt === null ? undefined : date(a.archivedAt))}
  </dl>`;
};

const renderLinks = (context: ConsoleContext, a: AchievementView, writer: boolean): SafeHtml => {
  const l = context.page.language;
  const item = `${context.base}/achievements/${a.id}`;
  const publicPath = `/achievements/${a.id}`;
  return html`<div class="actions" data-testid="achievement-actions">
      ${writer && a.status === 'active' && html`<a class="button" href="${item}/edit" data-testid="edit-achievement">${t(l, 'edit')}</a>`}
      ${
        writer &&
        a.status === 'active' &&
        html`<a class="button secondary" href="${item}/award" data-testid="award-one"
            >${t(l, 'awardOne')}</a
          >
          <a class="button secondary" href="${item}/bulk" data-testid="award-bulk"
            >${t(l, 'awardBulk')}</a
          >`
      }
      <a href="${context.base}/awards?achievementId=${a.id}" data-testid="achievement-awards"
        >${t(l, 'awardsOfBadge')}</a
      >
    </div>
    <ul class="links">
      <li><a href="${publicPath}" data-testid="public-page">${t(l, 'publicPage')}</a></li>
      ${a.name.en !== undefined && html`<li><a href="${publicPath}?lang=en" hreflang="en" data-testid="public-page-en">${t(l, 'publicPageEn')}</a></li>`}
      <li><a href="${localPath(a.urls.badgeClass)}">${t(l, 'badgeClass')}</a></li>
    </ul>`;
};

const renderArchive = (context: ConsoleContext, a: AchievementView): SafeHtml => {
  const l = context.page.language;
  const archived = a.status === 'archived';
  return html`<section class="card" aria-labelledby="archive-heading">
    <h2 id="archive-heading">${t(l, 'archiveTitle')}</h2>
    <p>${t(l, archived ? 'unarchiveBody' : 'archiveBody')}</p>
    <form
      method="post"
      action="${context.base}/achievements/${a.id}/${archived ? 'unarchive' : 'archive'}"
      class="inline"
    >
      ${csrfInput(context.session)}
      <button
        type="submit"
        class="${archived ? 'secondary' : 'danger'}"
        data-testid="${archived ? 'unarchive-achievement' : 'archive-achievement'}"
      >
        ${t(l, archived ? 'unarchive' : 'archive')}
      </button>
    </form>
  </section>`;
};

export const renderDetail = (context: ConsoleContext, options: DetailOptions): SafeHtml => {
  const l = context.page.language;
  const a = options.achievement;
  const writer = mayWrite(context, a);
  const title = pickText(a.name, l);
  const body = html`<nav class="breadcrumb" aria-label="${t(l, 'detailLead')}">
      <ol>
        <li><a href="${context.base}/achievements">${t(l, 'listTitle')}</a></li>
        <li aria-current="page">${title}</li>
      </ol>
    </nav>
    <h1 data-testid="achievement-title">${title}</h1>
    ${renderNotice(options.notice)} ${renderErrorSummary(l, options.errors ?? {})}
    ${renderLinks(context, a, writer)}
    ${
      writer && a.status === 'active'
        ? renderImageUpload(context, a, 'detail', options.imageError)
        : html`<img
            class="badge-image"
            src="${localPath(a.urls.image)}"
            alt="${t(l, 'imageAlt', { name: title })}"
            width="128"
            height="128"
            data-testid="achievement-image"
          />`
    }
    <section class="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">${t(l, 'detailLead')}</h2>
      ${renderFacts(context, options)}
    </section>
    ${writer && renderArchive(context, a)}`;
  return renderConsole(context, {
    active: 'achievements',
    title,
    body,
    styles: ['achievements.css'],
  });
};
