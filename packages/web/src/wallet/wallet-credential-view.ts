/**
 * The part of a badge's page that shows what the credential carries: the facts (issuer, dates —
 * with the 和暦 when chosen — how it came in, standard, id), description, criteria (narrative as
 * plain text in paragraphs, never markup), alignments, evidence, results, endorsements, and who
 * the badge is for (a hashed identity is said to be hashed, never shown).
 */
import { formatDate } from '../kit/dates.js';
import { html, type HtmlValue, type SafeHtml } from '../kit/html.js';
import type { Page } from '../kit/page.js';
import { credentialFacts, type CredentialFacts } from './wallet-credential-facts.js';
import { detailText as t } from './wallet-detail-texts.js';
import type { WalletCredentialView } from './wallet-types.js';

/** Text people wrote, as paragraphs (blank lines) with its line breaks kept by the style sheet. */
export const renderProse = (text: string): SafeHtml =>
  html`${text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => html`<p class="prose">${paragraph}</p>`)}`;

const externalLink = (url: string, label: string): SafeHtml =>
  html`<a href="${url}" rel="nofollow noopener noreferrer">${label}</a>`;

const fact = (label: string, value: HtmlValue): SafeHtml | '' =>
  value === undefined || value === '' || value === null
    ? ''
    : html`<dt>${label}</dt>
        <dd>${value}</dd>`;

const block = (id: string, title: string, content: HtmlValue): SafeHtml =>
  html`<section class="wallet-block" aria-labelledby="${id}" data-testid="${id}">
    <h3 id="${id}">${title}</h3>
    ${content}
  </section>`;

const renderFacts = (page: Page, item: WalletCredentialView, facts: CredentialFacts) => {
  const l = page.language;
  const date = (iso: string | null) =>
    iso === null ? undefined : formatDate(iso, l, page.calendar);
  const issuer =
    item.issuerName === null
      ? undefined
      : facts.issuerUrl === undefined
        ? item.issuerName
        : externalLink(facts.issuerUrl, item.issuerName);
  const origin =
    item.origin === 'award'
      ? t(l, 'origin_award')
      : t(l, 'origin_import', { format: item.format.toUpperCase() });
  return html`<dl class="facts" data-testid="wallet-facts">
    ${fact(t(l, 'issuer'), issuer)} ${fact(t(l, 'issuedOn'), date(item.issuedAt))}
    ${item.validFrom !== item.issuedAt && fact(t(l, 'validFrom'), date(item.validFrom))}
    ${fact(t(l, 'validUntil'), date(item.validUntil) ?? t(l, 'noExpiry'))}
    ${fact(t(l, 'addedOn'), date(item.addedAt))} ${fact(t(l, 'origin'), origin)}
    ${fact(t(l, 'version'), `Open Badges ${item.obVersion === 2 ? '2.0' : '3.0'}`)}
    ${facts.credentialId !== undefined && fact(t(l, 'credentialId'), html`<code>${facts.credentialId}</code>`)}
    ${facts.tags.length > 0 && fact(t(l, 'tags'), facts.tags.join('、'))}
  </dl>`;
};

const renderCriteria = (page: Page, facts: CredentialFacts): SafeHtml | '' => {
  const { narrative, url } = facts.criteria;
  if (narrative === undefined && url === undefined) return '';
  const l = page.language;
  return block(
    'wallet-criteria',
    t(l, 'criteria'),
    html`${narrative !== undefined && renderProse(narrative)}
    ${url !== undefined && html`<p>${externalLink(url, t(l, 'criteriaLink'))}</p>`}`,
  );
};

const renderAlignments = (page: Page, facts: CredentialFacts): SafeHtml | '' =>
  facts.alignments.length === 0
    ? ''
    : block(
        'wallet-alignments',
        t(page.language, 'alignments'),
        html`<ul>
          ${facts.alignments.map((a) => {
            const name = a.name ?? a.code ?? a.url ?? '';
            return html`<li>
              ${a.url === undefined ? name : externalLink(a.url, name)}
              ${a.framework !== undefined && html` <span class="muted">(${a.framework}${a.code !== undefined && a.code !== name ? ` ${a.code}` : ''})</span>`}
              ${a.description !== undefined && html`<br /><span class="hint">${a.description}</span>`}
            </li>`;
          })}
        </ul>`,
      );

const renderEvidence = (page: Page, facts: CredentialFacts): SafeHtml | '' =>
  facts.evidence.length === 0
    ? ''
    : block(
        'wallet-evidence',
        t(page.language, 'evidence'),
        html`<ul>
          ${facts.evidence.map(
            (e) =>
              html`<li>
                ${e.name !== undefined && html`<strong>${e.name}</strong>`}
                ${e.description !== undefined && html`<p>${e.description}</p>`}
                ${e.narrative !== undefined && renderProse(e.narrative)}
                ${e.url !== undefined && html`<p>${externalLink(e.url, t(page.language, 'evidenceLink'))}</p>`}
              </li>`,
          )}
        </ul>`,
      );

const renderResults = (page: Page, facts: CredentialFacts): SafeHtml | '' =>
  facts.results.length === 0
    ? ''
    : block(
        'wallet-results',
        t(page.language, 'results'),
        html`<ul>
          ${facts.results.map(
            (r) =>
              html`<li>
                ${r.description ?? ''}${r.value !== undefined && html`: <strong>${r.value}</strong>`}
                ${r.status !== undefined && html` <span class="muted">(${r.status})</span>`}
              </li>`,
          )}
        </ul>`,
      );

const renderEndorsements = (page: Page, facts: CredentialFacts): SafeHtml | '' =>
  facts.endorsements.length === 0
    ? ''
    : block(
        'wallet-endorsements',
        t(page.language, 'endorsements'),
        html`<ul>
          ${facts.endorsements.map(
            (e) =>
              html`<li>
                ${e.issuer !== undefined && html`<strong>${t(page.language, 'endorsedBy', { name: e.issuer })}</strong>`}
                ${e.comment !== undefined && renderProse(e.comment)}
              </li>`,
          )}
        </ul>`,
      );

const renderSubject = (page: Page, facts: CredentialFacts): SafeHtml | '' => {
  const l = page.language;
  if (facts.identities.length === 0) return '';
  return block(
    'wallet-subject',
    t(l, 'subjectTitle'),
    html`<ul>
      ${facts.identities.map((identity) => {
        const type = identity.type ?? t(l, 'identityDefault');
        return html`<li>
          ${
            identity.hashed || identity.value === undefined
              ? t(l, 'subjectHashed', { type })
              : t(l, 'subjectPlain', { type, value: identity.value })
          }
        </li>`;
      })}
    </ul>`,
  );
};

/** The "about this badge" section of a badge's page. */
export const renderCredentialContent = (page: Page, item: WalletCredentialView): SafeHtml => {
  const l = page.language;
  const facts = credentialFacts(item.credential, item.obVersion, item.report, l);
  const description = item.description ?? facts.description;
  return html`<section class="wallet-about" aria-labelledby="about-title">
    <h2 id="about-title">${t(l, 'aboutTitle')}</h2>
    ${renderFacts(page, item, facts)}
    ${
      description !== undefined &&
      block('wallet-description', t(l, 'description'), renderProse(description))
    }
    ${renderCriteria(page, facts)} ${renderAlignments(page, facts)} ${renderEvidence(page, facts)}
    ${renderResults(page, facts)} ${renderEndorsements(page, facts)} ${renderSubject(page, facts)}
  </section>`;
};
