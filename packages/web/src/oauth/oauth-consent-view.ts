/**
 * What /oauth/authorize shows: the consent screen (the application's name and host, the account
 * signed in, each requested scope in plain words, what the application cannot do, its terms and
 * privacy policy, and "Allow" / "Deny" in one form carrying the request's parameters and the
 * CSRF token), the page for visitors who are signed out, and the page for a request that cannot
 * go on (never a redirect: the redirect address may not be the application's).
 */
import { csrfInput } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { renderLayout } from '../kit/layout.js';
import type { Page, SessionView } from '../kit/page.js';
import { oauthText as t, type OAuthTextKey } from './oauth-texts.js';
import type { AuthorizationParameters, OAuthConsentAnswer } from './oauth-types.js';

const STYLES = ['oauth.css'];

/** An http(s) address to link to, or undefined (anything else is shown as text, if at all). */
export const linkableUrl = (value: string | null | undefined): URL | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
};

/** The host name shown for an application (from its `client_uri`). */
export const clientHost = (uri: string): string => linkableUrl(uri)?.host ?? uri;

/** Scopes that let an application write to the wallet (OB 3.0 upsert/update, OB 2.1 create/update). */
const WRITES = /\/scope\/(credential\.upsert|profile\.update|assertion\.create)$/;

const externalLink = (l: Language, url: URL, testId: string): SafeHtml =>
  html`<a href="${url.href}" target="_blank" rel="noopener noreferrer" data-testid="${testId}"
    >${url.href}<span class="visually-hidden"> ${t(l, 'newTab')}</span></a
  >`;

const renderDocument = (
  l: Language,
  label: OAuthTextKey,
  value: string | null | undefined,
  testId: string,
) => {
  const url = linkableUrl(value);
  return url === undefined
    ? ''
    : html`<dt>${t(l, label)}</dt>
        <dd>${externalLink(l, url, testId)}</dd>`;
};

const hiddenParameters = (parameters: AuthorizationParameters): SafeHtml[] =>
  Object.entries(parameters).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
  );

export const renderConsentPage = (
  page: Page,
  session: SessionView,
  consent: OAuthConsentAnswer,
  parameters: AuthorizationParameters,
): SafeHtml => {
  const l = page.language;
  const { client, scopes } = consent;
  const host = clientHost(client.uri);
  const homepage = linkableUrl(client.uri);
  const writes = scopes.some((s) => WRITES.test(s.scope));
  const cannot: OAuthTextKey[] = ['cannotPassword', 'cannotAccount', 'cannotIssue'];
  if (!writes) cannot.push('cannotWrite');
  const documents = [
    renderDocument(l, 'terms', client.tosUri, 'oauth-terms'),
    renderDocument(l, 'privacy', client.policyUri, 'oauth-privacy'),
  ].filter((d) => d !== '');
  return renderLayout(page, {
    title: t(l, 'consentTitle'),
    styles: STYLES,
    body: html`<section
      class="oauth-consent"
      data-testid="oauth-consent"
      data-client-id="${client.id}"
      aria-labelledby="oauth-heading"
    >
      <div class="oauth-client">
        <span class="oauth-initial" aria-hidden="true">${(Array.from(host)[0] ?? '?').toUpperCase()}</span>
        <div>
          <h1 id="oauth-heading" data-testid="oauth-heading">
            ${t(l, 'consentHeading', { name: client.name })}
          </h1>
          <p class="oauth-host">
            ${t(l, 'clientHost')}:
            ${
              homepage === undefined
                ? html`<span data-testid="oauth-client-host">${host}</span>`
                : html`<a
                  href="${homepage.href}"
                  target="_blank"
                  rel="noopener noreferrer"
                  data-testid="oauth-client-host"
                  >${host}</a
                >`
            }
          </p>
        </div>
      </div>
      <p class="oauth-account" data-testid="oauth-account">
        ${t(l, 'signedInAs')}: <strong>${session.account.displayName}</strong>
        <span class="oauth-email">(${session.account.email})</span>
      </p>
      <h2>${t(l, 'canHeading')}</h2>
      <ul class="oauth-scopes" data-testid="oauth-scopes">
        ${scopes.map(
          (s) => html`<li data-testid="oauth-scope" data-scope="${s.scope}">${s.label[l]}</li>`,
        )}
      </ul>
      <h2>${t(l, 'cannotHeading')}</h2>
      <ul class="oauth-cannot" data-testid="oauth-cannot">
        ${cannot.map((key) => html`<li>${t(l, key)}</li>`)}
      </ul>
      ${
        documents.length > 0 &&
        html`<h2>${t(l, 'documentsHeading')}</h2>
        <dl class="facts oauth-documents">${documents}</dl>`
      }
      <p class="hint oauth-trust">
        ${t(l, 'trustNote')}${t(l, 'withdrawBefore')}<a href="/account/connected-apps">${t(l, 'connectedAppsLink')}</a
        >${t(l, 'withdrawAfter')}
      </p>
      <details class="oauth-details">
        <summary>${t(l, 'details')}</summary>
        <dl class="facts">
          <dt>${t(l, 'detailsClientId')}</dt>
          <dd><code>${client.id}</code></dd>
          <dt>${t(l, 'detailsRedirect')}</dt>
          <dd><code data-testid="oauth-redirect-uri">${parameters.redirect_uri ?? ''}</code></dd>
          <dt>${t(l, 'detailsScopes')}</dt>
          <dd>${scopes.map((s) => html`<code>${s.scope}</code> `)}</dd>
        </dl>
      </details>
      <form method="post" action="/oauth/authorize" class="oauth-decision" data-testid="oauth-form">
        ${csrfInput(session)} ${hiddenParameters(parameters)}
        <div class="actions" role="group" aria-label="${t(l, 'decisionLabel')}">
          <button type="submit" name="decision" value="allow" data-testid="oauth-allow">
            ${t(l, 'allow')}
          </button>
          <button
            type="submit"
            class="secondary"
            name="decision"
            value="deny"
            data-testid="oauth-deny"
          >
            ${t(l, 'deny')}
          </button>
        </div>
      </form>
    </section>`,
  });
};

/** Signed out: what is asked, and sign-in / sign-up links that come back with the whole request. */
export const renderSignedOutPage = (page: Page): SafeHtml => {
  const l = page.language;
  const next = encodeURIComponent(page.here);
  return renderLayout(page, {
    title: t(l, 'signedOutTitle'),
    styles: STYLES,
    body: html`<section class="oauth-consent" data-testid="oauth-signed-out">
      <h1>${t(l, 'signedOutTitle')}</h1>
      <p class="lead">${t(l, 'signedOutLead')}</p>
      <p>${t(l, 'signedOutBody')}</p>
      <p class="actions">
        <a class="button" href="/sign-in?next=${next}" data-testid="oauth-sign-in"
          >${t(l, 'signIn')}</a
        >
        <a class="button secondary" href="/sign-up?next=${next}" data-testid="oauth-sign-up"
          >${t(l, 'signUp')}</a
        >
      </p>
    </section>`,
  });
};

/** A request that cannot go on (unknown application, unregistered redirect address, …). */
export const renderRequestErrorPage = (
  page: Page,
  reason: string | undefined,
  code: string | undefined,
): SafeHtml => {
  const l = page.language;
  return renderLayout(page, {
    title: t(l, 'errorTitle'),
    styles: STYLES,
    body: html`<section class="oauth-consent" data-testid="oauth-error" data-code="${code ?? ''}">
      <h1>${t(l, 'errorTitle')}</h1>
      <div class="warning" role="alert">
        <p>${t(l, 'errorLead')}</p>
        ${
          reason !== undefined &&
          html`<p data-testid="oauth-error-reason">${t(l, 'errorReason')}: ${reason}</p>`
        }
      </div>
      <p>${t(l, 'errorAdvice')}</p>
      <p class="hint">
        ${t(l, 'requestId')}: <code>${page.request.id}</code>
      </p>
      <p><a href="/">${t(l, 'goHome')}</a></p>
    </section>`,
  });
};
