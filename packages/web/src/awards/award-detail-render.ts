/**
 * An award's page as drawn: who received which badge, its status (a pill with
 * `data-status`), dates, the public badge page and downloads, the notification log, a note on
 * what the award e-mail lets the recipient do, and the actions the member may take (none for
 * viewers).
 */
import { renderConsole, type ConsoleContext } from '../kit/console.js';
import { formatDate, formatDateTime } from '../kit/dates.js';
import { renderErrorSummary, renderNotice } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { renderActionForms, type ActionFailure } from './award-action-forms.js';
import { awardPageText as t } from './award-page-texts.js';
import {
  achievementName,
  canManageAwards,
  displayStatus,
  localPath,
  recipientName,
  renderAchievementHead,
  renderStatusPill,
} from './award-shared.js';
import type { AchievementSummary, AwardView, NotificationView } from './award-types.js';

export interface AwardPageData {
  readonly award: AwardView;
  readonly achievement: AchievementSummary | undefined;
  /** Undefined when the log could not be read. */
  readonly notifications: readonly NotificationView[] | undefined;
}

const DONE = ['issued', 'revoked', 'suspended', 'reinstated', 'reissued'] as const;
type Done = (typeof DONE)[number];

export const isDone = (value: unknown): value is Done =>
  typeof value === 'string' && (DONE as readonly string[]).includes(value);

const KINDS = ['award-issued', 'award-reissued', 'award-revoked'] as const;

const renderStatus = (context: ConsoleContext, award: AwardView): SafeHtml => {
  const { page, base } = context;
  const l = page.language;
  return html`<section class="card" aria-labelledby="status-heading">
    <h2 id="status-heading">${t(l, 'statusTitle')}</h2>
    <p>${renderStatusPill(displayStatus(award), l, 'award-status')}</p>
    ${
      award.stateReason !== null &&
      html`<p data-testid="award-reason">
        <strong>${t(l, 'reason')}:</strong> ${award.stateReason}
      </p>`
    }
    ${
      award.revokedAt !== null &&
      html`<p><strong>${t(l, 'revokedAt')}:</strong> ${formatDateTime(award.revokedAt, l)}</p>`
    }
    ${
      award.replacedByAwardId !== null &&
      html`<p>
        ${t(l, 'replacedBy')}<a
          href="${base}/awards/${award.replacedByAwardId}"
          data-testid="replaced-by"
          >${award.replacedByAwardId}</a
        >
      </p>`
    }
    ${
      award.replacesAwardId !== null &&
      html`<p>
        ${t(l, 'replaces')}<a href="${base}/awards/${award.replacesAwardId}" data-testid="replaces"
          >${award.replacesAwardId}</a
        >
      </p>`
    }
  </section>`;
};

const renderDetails = (context: ConsoleContext, data: AwardPageData): SafeHtml => {
  const { page, base } = context;
  const l = page.language;
  const { award, achievement } = data;
  const { recipient } = award;
  const date = (iso: string) => formatDate(iso, l, page.calendar);
  const fact = (label: string, value: string | SafeHtml | null, lang?: string) =>
    value !== null &&
    html`<dt>${label}</dt>
      <dd${lang !== undefined && html` lang="${lang}"`}>${value}</dd>`;
  return html`<section class="card" aria-labelledby="details-heading">
    <h2 id="details-heading">${t(l, 'detailsTitle')}</h2>
    <dl class="facts" data-testid="award-facts">
      ${fact(t(l, 'name'), recipient.name, 'ja')}
      ${fact(t(l, 'nameKana'), recipient.nameKana, 'ja')}
      ${fact(t(l, 'nameRomaji'), recipient.nameRomaji)} ${fact(t(l, 'email'), recipient.email)}
      ${fact(t(l, 'did'), recipient.did)} ${fact(t(l, 'externalId'), award.externalId)}
      ${fact(
        t(l, 'badge'),
        achievement === undefined
          ? award.achievementId
          : html`<a href="${base}/achievements/${achievement.id}"
              >${achievementName(achievement, l)}</a
            >`,
      )}
      ${fact(t(l, 'awardedAt'), date(award.awardedAt))}
      ${fact(t(l, 'validFrom'), date(award.validFrom))}
      ${fact(t(l, 'validUntil'), award.validUntil === null ? t(l, 'noExpiry') : date(award.validUntil))}
      ${fact(t(l, 'suspendable'), award.suspendable ? t(l, 'suspendableYes') : t(l, 'suspendableNo'))}
      ${fact(
        t(l, 'bulkJob'),
        award.bulkJobId === null
          ? null
          : html`<a href="${base}/bulk-jobs/${award.bulkJobId}">${t(l, 'bulkJobLink')}</a>`,
      )}
    </dl>
  </section>`;
};

const renderLinks = (context: ConsoleContext, award: AwardView): SafeHtml => {
  const { page } = context;
  const l = page.language;
  const { links } = award;
  const download = (
    key:
      | 'bakedImage'
      | 'ob2BakedImage'
      | 'credential'
      | 'credentialJwt'
      | 'ob2Assertion'
      | 'ob2SignedAssertion',
    testId: string,
  ) => {
    const url = links[key];
    return (
      url !== null &&
      html`<li><a href="${localPath(page, url)}" data-testid="${testId}">${t(l, key)}</a></li>`
    );
  };
  return html`<section class="card" aria-labelledby="links-heading">
    <h2 id="links-heading">${t(l, 'linksTitle')}</h2>
    <p>
      <a href="/badges/${award.id}" data-testid="public-badge-link">${t(l, 'publicPage')}</a>
    </p>
    <p class="hint">${t(l, 'publicPageHint')} <code class="award-url">${links.badgePage}</code></p>
    <ul class="award-downloads">
      ${download('bakedImage', 'download-baked-image')}
      ${download('ob2BakedImage', 'download-ob2-image')}
      ${download('credential', 'download-credential')} ${download('credentialJwt', 'download-jwt')}
      ${download('ob2Assertion', 'download-ob2-assertion')}
      ${download('ob2SignedAssertion', 'download-ob2-jws')}
    </ul>
  </section>`;
};

const renderNotifications = (
  context: ConsoleContext,
  notifications: readonly NotificationView[] | undefined,
): SafeHtml | false => {
  if (notifications === undefined) return false;
  const l = context.page.language;
  const kind = (value: string) =>
    (KINDS as readonly string[]).includes(value)
      ? t(l, `kind_${value as (typeof KINDS)[number]}`)
      : value;
  return html`<section aria-labelledby="notifications-heading" data-testid="award-notifications">
    <h2 id="notifications-heading">${t(l, 'notificationsTitle')}</h2>
    ${
      notifications.length === 0
        ? html`<p>${t(l, 'noNotifications')}</p>`
        : html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t(l, 'when')}</th>
                  <th scope="col">${t(l, 'kind')}</th>
                  <th scope="col">${t(l, 'to')}</th>
                  <th scope="col">${t(l, 'state')}</th>
                  <th scope="col" class="num">${t(l, 'attempts')}</th>
                </tr>
              </thead>
              <tbody>
                ${notifications.map(
                  (n) => html`<tr${n.state === 'failed' && html` class="row-error"`}>
                  <td>${formatDateTime(n.sentAt ?? n.createdAt, l)}</td>
                  <td>${kind(n.kind)}</td>
                  <td>${n.recipientEmail}</td>
                  <td>
                    ${t(l, `state_${n.state}`)}
                    ${n.lastError !== null && html`<br /><span class="hint">${n.lastError}</span>`}
                  </td>
                  <td class="num">${n.attempts}</td>
                </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
};

/** Where the award e-mail lets the recipient take the badge (the claim token is never shown). */
const renderDeliverNote = (context: ConsoleContext, award: AwardView): SafeHtml => {
  const path = `/wallet/deliver/${encodeURIComponent(award.id)}`;
  return html`<p class="hint" data-testid="award-deliver-note">
    ${t(context.page.language, 'deliverNote', { path })}
  </p>`;
};

export const renderAwardPage = (
  context: ConsoleContext,
  data: AwardPageData,
  options: { readonly done?: Done | undefined; readonly failure?: ActionFailure | undefined },
): SafeHtml => {
  const { page, base } = context;
  const l = page.language;
  const { award, achievement } = data;
  const heading = recipientName(award.recipient) ?? award.recipient.email;
  const canManage = canManageAwards(context.membership, award.departmentId);
  const badge = achievement === undefined ? award.achievementId : achievementName(achievement, l);
  return renderConsole(context, {
    active: 'awards',
    title: `${heading} — ${t(l, 'title')}`,
    styles: ['awards.css'],
    body: html`<p><a href="${base}/awards">${t(l, 'back')}</a></p>
      <h1 data-testid="award-heading">${heading}</h1>
      <p class="lead">${t(l, 'awardOf', { badge })}</p>
      ${renderNotice(options.done === undefined ? undefined : t(l, `done_${options.done}`))}
      ${options.failure !== undefined && renderErrorSummary(l, options.failure.errors)}
      ${achievement !== undefined && renderAchievementHead(page, achievement, t(l, 'badge'))}
      ${renderStatus(context, award)} ${renderDetails(context, data)} ${renderLinks(context, award)}
      ${renderNotifications(context, data.notifications)} ${renderDeliverNote(context, award)}
      ${
        canManage
          ? renderActionForms(context, award, options.failure)
          : html`<p class="hint" data-testid="award-read-only">${t(l, 'viewerOnly')}</p>`
      }
      ${
        canManage &&
        achievement?.status === 'active' &&
        html`<p>
          <a href="${base}/achievements/${award.achievementId}/award">${t(l, 'awardAnother')}</a>
        </p>`
      }`,
  });
};
