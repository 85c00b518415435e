/**
 * The operator console's frame: `requireOperator` lets only platform operators in (signed out:
 * the sign-in page; anyone else: the 404 page, which reveals nothing), `renderOperator` draws the
 * small sub-navigation (applications, organisations, audit log) around a page.
 */
import type { ApiError } from '../kit/api.js';
import { renderErrorPage } from '../kit/error-page.js';
import { html, type HtmlValue, type SafeHtml } from '../kit/html.js';
import { renderLayout, type LayoutOptions } from '../kit/layout.js';
import { requireSignedIn, sendHtml, type Page, type SessionView } from '../kit/page.js';
import type { FastifyReply } from 'fastify';
import { operatorText as t } from './operator-texts.js';

export type OperatorSection = 'applications' | 'organisations' | 'audit';

const MENU: readonly { readonly section: OperatorSection; readonly href: string }[] = [
  { section: 'applications', href: '/operator' },
  { section: 'organisations', href: '/operator/organisations' },
  { section: 'audit', href: '/operator/audit' },
];

/** The operator's session, or undefined after sending the sign-in redirect or the 404 page. */
export const requireOperator = (page: Page): SessionView | undefined => {
  const session = requireSignedIn(page);
  if (session === undefined) return undefined;
  if (!session.account.isOperator) {
    void sendHtml(page, renderErrorPage(page, 404, undefined), 404);
    return undefined;
  }
  return session;
};

export interface OperatorPageOptions extends Omit<LayoutOptions, 'body' | 'section'> {
  readonly active: OperatorSection;
  readonly body: HtmlValue;
}

export const renderOperator = (page: Page, options: OperatorPageOptions): SafeHtml => {
  const l = page.language;
  return renderLayout(page, {
    ...options,
    section: 'operator',
    wide: true,
    styles: ['operator.css', ...(options.styles ?? [])],
    body: html`<nav class="operator-nav" aria-label="${t(l, 'menu')}" data-testid="operator-nav">
        <ul>
          ${MENU.map(
            (item) =>
              html`<li>
                <a
                  href="${item.href}"
                  ${item.section === options.active && html` aria-current="page"`}
                  >${t(l, item.section)}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      ${options.body}`,
  });
};

/**
 * Answers that no form can fix (a missing CSRF token, a session without the right, an unknown
 * application) get the error page; undefined when the form should show the error itself.
 */
export const sendApiErrorPage = (
  page: Page,
  status: number,
  error: ApiError | undefined,
): FastifyReply | undefined => {
  if (status === 401 || status === 403 || status === 404) {
    return sendHtml(page, renderErrorPage(page, status, error), status);
  }
  return undefined;
};
