/**
 * The issuer console's frame: `loadConsole` reads the organisation and the signed-in user's role
 * in it (through `GET /api/v1/organisations`), `renderConsole` draws the side menu (a row of
 * links on a phone) around a page. Pages under `/console/{organisationId}/…`.
 */
import { html, type HtmlValue, type SafeHtml } from './html.js';
import type { Language } from './language.js';
import { renderLayout, type LayoutOptions } from './layout.js';
import { requireSignedIn, sendHtml, type Page, type SessionView } from './page.js';
import { renderErrorPage } from './error-page.js';
import { defineTexts } from './texts.js';

export type OrganisationRole = 'org_admin' | 'issuer' | 'viewer';

export interface OrganisationView {
  readonly id: string;
  readonly legalName: string;
  readonly nameEn: string;
  readonly domain: string;
  readonly type: string;
  readonly contactEmail: string;
  readonly status: string;
  readonly require2fa: boolean;
  readonly approvedAt: string | null;
  readonly createdAt: string;
}

export interface Membership {
  readonly organisation: OrganisationView;
  readonly role: OrganisationRole;
  readonly departmentIds: readonly string[];
}

export interface ConsoleContext {
  readonly page: Page;
  readonly session: SessionView;
  readonly membership: Membership;
  readonly organisationId: string;
  /** `/console/{organisationId}` */
  readonly base: string;
}

export type ConsoleSection =
  | 'overview'
  | 'achievements'
  | 'awards'
  | 'bulk'
  | 'settings'
  | 'departments'
  | 'members'
  | 'api-keys'
  | 'audit';

const t = defineTexts({
  consoleMenu: { ja: 'コンソールメニュー', en: 'Console menu' },
  overview: { ja: '概要・分析', en: 'Overview' },
  achievements: { ja: 'バッジ', en: 'Badges' },
  awards: { ja: '授与一覧', en: 'Awards' },
  bulk: { ja: '一括授与', en: 'Bulk awards' },
  settings: { ja: '組織と発行者', en: 'Organisation' },
  departments: { ja: '部署', en: 'Departments' },
  members: { ja: 'スタッフと権限', en: 'Staff and roles' },
  'api-keys': { ja: 'API キー', en: 'API keys' },
  audit: { ja: '監査ログ', en: 'Audit log' },
  org_admin: { ja: '組織管理者', en: 'Organisation admin' },
  issuer: { ja: '発行担当者', en: 'Issuer' },
  viewer: { ja: '閲覧者', en: 'Viewer' },
});

/** The organisation's name as the page's language prefers it. */
export const organisationName = (organisation: OrganisationView, language: Language): string =>
  language === 'en' && organisation.nameEn !== '' ? organisation.nameEn : organisation.legalName;

export const roleLabel = (role: OrganisationRole, language: Language): string => t(language, role);

/**
 * The console for `organisationId`, or undefined after sending the sign-in redirect or a 404
 * page (not a member, or no such organisation: the same answer, nothing is revealed).
 */
export const loadConsole = async (
  page: Page,
  organisationId: string,
): Promise<ConsoleContext | undefined> => {
  const session = requireSignedIn(page);
  if (session === undefined) return undefined;
  const answer = await page.api<{ memberships: readonly Membership[] }>(
    'GET',
    '/api/v1/organisations',
  );
  const membership = answer.ok
    ? answer.body.memberships.find((m) => m.organisation.id === organisationId)
    : undefined;
  if (membership === undefined) {
    void sendHtml(page, renderErrorPage(page, 404, undefined), 404);
    return undefined;
  }
  return { page, session, membership, organisationId, base: `/console/${organisationId}` };
};

const MENU: readonly { section: ConsoleSection; path: string; adminOnly: boolean }[] = [
  { section: 'overview', path: '', adminOnly: false },
  { section: 'achievements', path: '/achievements', adminOnly: false },
  { section: 'awards', path: '/awards', adminOnly: false },
  { section: 'bulk', path: '/bulk-jobs', adminOnly: false },
  { section: 'settings', path: '/settings', adminOnly: false },
  { section: 'departments', path: '/departments', adminOnly: true },
  { section: 'members', path: '/members', adminOnly: true },
  { section: 'api-keys', path: '/api-keys', adminOnly: true },
  { section: 'audit', path: '/audit', adminOnly: false },
];

export interface ConsolePageOptions extends Omit<LayoutOptions, 'body' | 'section'> {
  readonly active: ConsoleSection;
  readonly body: HtmlValue;
}

export const renderConsole = (context: ConsoleContext, options: ConsolePageOptions): SafeHtml => {
  const { page, membership, base } = context;
  const l = page.language;
  const isAdmin = membership.role === 'org_admin';
  const nav = html`<nav class="console-nav" aria-label="${t(l, 'consoleMenu')}">
    <p class="org-name">${organisationName(membership.organisation, l)}</p>
    <p class="hint">${roleLabel(membership.role, l)}</p>
    <ul>
      ${MENU.filter((item) => isAdmin || !item.adminOnly).map(
        (item) =>
          html`<li>
            <a
              href="${base}${item.path}"
              ${item.section === options.active && html` aria-current="page"`}
              >${t(l, item.section)}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
  return renderLayout(page, {
    ...options,
    section: 'console',
    wide: true,
    body: html`<div class="console">
      ${nav}
      <div class="console-body">${options.body}</div>
    </div>`,
  });
};
