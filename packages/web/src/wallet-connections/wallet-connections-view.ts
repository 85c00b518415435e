/**
 * The connections page's markup (`/wallet/connections`): each connection with its state (a word,
 * never colour alone), what the host allowed, its dates and the reason of a failure; import,
 * send-a-badge and disconnect actions; the result of the last action; the "connect a host" form.
 */
import { formatDateTime } from '../kit/dates.js';
import {
  csrfInput,
  renderErrorSummary,
  renderField,
  renderSelect,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import type { Page, SessionView } from '../kit/page.js';
import { doneNotice, renderWalletLayout, segment } from '../wallet/wallet-shared.js';
import type { WalletCredentialSummary } from '../wallet/wallet-types.js';
import { CONNECTION_DONE, connectionText as t } from './wallet-connections-texts.js';

export interface ConnectionView {
  readonly id: string;
  readonly host: { readonly baseUrl: string; readonly name: string | null };
  readonly state: 'pending' | 'connected' | 'failed' | 'disconnected';
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly expiresAt: string | null;
  readonly lastImportAt: string | null;
  readonly lastError: string | null;
}

export interface ImportResult {
  readonly imported: number;
  readonly merged: number;
  readonly skipped: readonly {
    readonly reason: 'unverified' | 'unreadable';
    readonly verdict?: string;
    readonly name?: string;
    readonly credentialId?: string;
  }[];
  readonly profile: Readonly<Record<string, unknown>> | null;
  readonly stopped?: { readonly reason: string; readonly retryAfterSeconds?: number };
}

/** What the last action on the page gave, shown above the list. */
export type ActionOutcome =
  | { readonly kind: 'import'; readonly result: ImportResult }
  | { readonly kind: 'push'; readonly status: number; readonly name: string; readonly host: string }
  | { readonly kind: 'error'; readonly message: string };

const SCOPE_TEXT = {
  'credential.readonly': 'scope_read',
  'credential.upsert': 'scope_upsert',
  'profile.readonly': 'scope_profile',
  'profile.update': 'scope_profileUpdate',
  offline_access: 'scope_offline',
} as const;

const scopeLabel = (l: Language, scope: string): string => {
  const short = scope.replace(/^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/scope\//, '');
  const key = SCOPE_TEXT[short as keyof typeof SCOPE_TEXT] as
    (typeof SCOPE_TEXT)[keyof typeof SCOPE_TEXT] | undefined;
  return key === undefined ? short : t(l, key);
};

export const hostLabel = (connection: ConnectionView): string =>
  connection.host.name ?? connection.host.baseUrl;

const canPush = (connection: ConnectionView): boolean =>
  connection.scopes.some((scope) => scope.endsWith('/credential.upsert'));

const STATE_TONE = {
  pending: 'warn',
  connected: 'ok',
  failed: 'bad',
  disconnected: 'warn',
} as const;

const renderPushForm = (
  page: Page,
  session: SessionView,
  connection: ConnectionView,
  badges: readonly WalletCredentialSummary[],
): SafeHtml => {
  const l = page.language;
  if (!canPush(connection)) return html`<p class="muted">${t(l, 'pushNoScope')}</p>`;
  if (badges.length === 0)
    return html`<p class="muted" data-testid="push-none">${t(l, 'pushNone')}</p>`;
  return html`<form method="post" action="/wallet/connections/${segment(connection.id)}/push" class="stack" data-testid="push-form">
    ${csrfInput(session)}
    ${renderSelect({
      name: `credentialId-${connection.id}`,
      label: t(l, 'pushLabel'),
      options: badges.map((b) => ({
        value: b.id,
        label: `${b.name ?? t(l, 'unnamed')}${b.issuerName === null ? '' : ` — ${b.issuerName}`}`,
      })),
    })}
    <p><button type="submit" class="secondary">${t(l, 'push')}</button></p>
  </form>`;
};

const renderConnection = (
  page: Page,
  session: SessionView,
  connection: ConnectionView,
  badges: readonly WalletCredentialSummary[],
): SafeHtml => {
  const l = page.language;
  const host = hostLabel(connection);
  const path = `/wallet/connections/${segment(connection.id)}`;
  const connected = connection.state === 'connected';
  return html`<li class="card wallet-connection" data-testid="connection" data-id="${connection.id}" data-state="${connection.state}">
    <h3>${host}</h3>
    <p class="muted">${connection.host.baseUrl}</p>
    <p>
      <span class="pill ${STATE_TONE[connection.state]}" data-testid="connection-state"
        ><span class="visually-hidden">${t(l, 'stateLabel')}: </span>${t(l, `state_${connection.state}`)}</span
      >
      <span class="muted">${t(l, 'since', { date: formatDateTime(connection.createdAt, l) })}</span>
    </p>
    ${connected && connection.scopes.length > 0 && html`<p>${t(l, 'scopesLabel')}: ${connection.scopes.map((s) => scopeLabel(l, s)).join(l === 'ja' ? '、' : ', ')}</p>`}
    ${connected && html`<p class="muted">${connection.lastImportAt === null ? t(l, 'neverImported') : t(l, 'lastImport', { date: formatDateTime(connection.lastImportAt, l) })}</p>`}
    ${connection.lastError !== null && connection.state === 'failed' && html`<p class="warning" data-testid="connection-error">${t(l, 'lastError', { reason: connection.lastError })}</p>`}
    ${connection.state === 'failed' && html`<p class="hint">${t(l, 'reconnectHint')}</p>`}
    ${
      connected &&
      html`<div class="actions">
        <form method="post" action="${path}/import" class="inline">
          ${csrfInput(session)}
          <button type="submit" data-testid="import" aria-label="${t(l, 'importNamed', { host })}">${t(l, 'import')}</button>
        </form>
      </div>
      ${renderPushForm(page, session, connection, badges)}`
    }
    <form method="post" action="${path}/delete" class="inline">
      ${csrfInput(session)}
      <button type="submit" class="danger" aria-label="${t(l, 'disconnectNamed', { host })}">${t(l, 'disconnect')}</button>
    </form>
    <p class="hint">${t(l, 'disconnectHint')}</p>
  </li>`;
};

const renderImportResult = (l: Language, result: ImportResult): SafeHtml => {
  const profileName = result.profile?.name;
  const stopped = result.stopped;
  const stoppedText =
    stopped === undefined
      ? undefined
      : stopped.reason === 'busy'
        ? stopped.retryAfterSeconds === undefined
          ? t(l, 'stopped_busyNoTime')
          : t(l, 'stopped_busy', { seconds: stopped.retryAfterSeconds })
        : t(l, `stopped_${stopped.reason}` as 'stopped_page-limit');
  return html`<section class="card" role="status" data-testid="import-result">
    <h2>${t(l, 'resultTitle')}</h2>
    <p>${t(l, 'resultCounts', { imported: result.imported, merged: result.merged, skipped: result.skipped.length })}</p>
    ${stoppedText !== undefined && html`<p class="warning" data-testid="import-stopped">${stoppedText}</p>`}
    ${
      result.skipped.length > 0 &&
      html`<h3>${t(l, 'skippedTitle')}</h3>
        <ul data-testid="import-skipped">
          ${result.skipped.map((s) => html`<li>${t(l, `skipped_${s.reason}`, { name: s.name ?? t(l, 'unnamed'), verdict: s.verdict ?? '' })}</li>`)}
        </ul>`
    }
    ${typeof profileName === 'string' && html`<p>${t(l, 'profileFrom', { name: profileName })}</p>`}
  </section>`;
};

const renderOutcome = (l: Language, outcome: ActionOutcome | undefined): SafeHtml | '' => {
  if (outcome === undefined) return '';
  if (outcome.kind === 'import') return renderImportResult(l, outcome.result);
  if (outcome.kind === 'push') {
    const key = outcome.status === 201 ? 'pushed_201' : 'pushed_200';
    return html`<div class="notice" role="status" data-testid="push-result">${t(l, key, { name: outcome.name, host: outcome.host })}</div>`;
  }
  return html`<div class="warning" role="alert" data-testid="action-error">${t(l, 'failedAction', { message: outcome.message })}</div>`;
};

export interface ConnectionsPageModel {
  readonly connections: readonly ConnectionView[];
  readonly badges: readonly WalletCredentialSummary[];
  readonly baseUrl: string;
  readonly errors: FieldErrors;
  readonly outcome?: ActionOutcome;
}

export const renderConnectionsPage = (
  page: Page,
  session: SessionView,
  model: ConnectionsPageModel,
): SafeHtml => {
  const l = page.language;
  return renderWalletLayout(page, {
    title: t(l, 'title'),
    body: html`<h1>${t(l, 'title')}</h1>
      <p class="lead">${t(l, 'lead')}</p>
      ${doneNotice(page, CONNECTION_DONE, (k) => t(l, `done_${k}`))}
      ${renderOutcome(l, model.outcome)}
      ${
        model.connections.length === 0
          ? html`<p class="muted" data-testid="connections-none">${t(l, 'none')}</p>`
          : html`<ul class="wallet-connections" data-testid="connections">
              ${model.connections.map((c) => renderConnection(page, session, c, model.badges))}
            </ul>`
      }
      <section class="card" aria-labelledby="connect-title">
        <h2 id="connect-title">${t(l, 'connectTitle')}</h2>
        ${renderErrorSummary(l, model.errors)}
        <form method="post" action="/wallet/connections" class="stack" novalidate data-testid="connect-form">
          ${csrfInput(session)}
          ${renderField({ name: 'baseUrl', label: t(l, 'baseUrl'), hint: t(l, 'baseUrlHint'), type: 'url', value: model.baseUrl, error: model.errors.baseUrl, required: true, maxlength: 2048, autocomplete: 'url', inputmode: 'url' })}
          <p><button type="submit" data-testid="connect-submit">${t(l, 'connect')}</button></p>
        </form>
      </section>`,
  });
};
