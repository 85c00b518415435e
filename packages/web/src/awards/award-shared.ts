/**
 * Helpers the award pages share: who may issue and revoke (as the API's policy decides, to show
 * only the forms that can work), an award's status as shown, names as stored, the pill, links on
 * this site from the API's absolute URLs, and the organisation's achievements.
 */
import type { Membership } from '../kit/console.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import type { Page } from '../kit/page.js';
import type {
  AchievementList,
  AchievementSummary,
  AwardDisplayStatus,
  AwardRecipient,
  AwardView,
} from './award-types.js';
import { awardsText as t } from './awards-texts.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * Whether the member may issue and revoke in a department (`badge.issue`, `badge.revoke`): org
 * admins everywhere, issuers only in their departments (never organisation-wide), viewers never.
 */
export const canManageAwards = (membership: Membership, departmentId: string | null): boolean => {
  if (membership.role === 'org_admin') return true;
  if (membership.role !== 'issuer' || departmentId === null) return false;
  return membership.departmentIds.includes(departmentId);
};

/** The status a person reads: revoked and suspended first, then expired, else valid. */
export const displayStatus = (award: AwardView, now: Date = new Date()): AwardDisplayStatus => {
  if (award.state !== 'active') return award.state;
  if (award.validUntil !== null && new Date(award.validUntil).getTime() <= now.getTime()) {
    return 'expired';
  }
  return 'active';
};

const PILL_CLASS: Readonly<Record<AwardDisplayStatus, string>> = {
  active: 'ok',
  suspended: 'warn',
  revoked: 'bad',
  expired: 'warn',
};

export const renderStatusPill = (
  status: AwardDisplayStatus,
  language: Language,
  testId?: string,
): SafeHtml =>
  html`<span
    class="pill ${PILL_CLASS[status]}"
    data-status="${status}"
    ${testId !== undefined && html` data-testid="${testId}"`}
    >${t(language, `status_${status}`)}</span
  >`;

/** The recipient's name as stored (never normalised): kanji, else romaji, else kana. */
export const recipientName = (recipient: AwardRecipient): string | undefined =>
  recipient.name ?? recipient.nameRomaji ?? recipient.nameKana ?? undefined;

export const achievementName = (achievement: AchievementSummary, language: Language): string =>
  language === 'en' && achievement.name.en !== undefined && achievement.name.en !== ''
    ? achievement.name.en
    : achievement.name.ja;

/** A URL of this platform as a path on this site (the API answers with absolute URLs). */
export const localPath = (page: Page, url: string): string => {
  const base = page.web.publicUrl;
  if (url.startsWith(`${base}/`)) return url.slice(base.length);
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
};

/** The organisation's achievements, archived ones included (a few pages at most). */
export const loadAchievements = async (
  page: Page,
  organisationId: string,
): Promise<readonly AchievementSummary[]> => {
  const out: AchievementSummary[] = [];
  let cursor: string | null = null;
  for (let round = 0; round < 5; round += 1) {
    const query = new URLSearchParams({ status: 'all', limit: '100' });
    if (cursor !== null) query.set('cursor', cursor);
    const answer = await page.api<AchievementList>(
      'GET',
      `/api/v1/organisations/${organisationId}/achievements?${query.toString()}`,
    );
    if (!answer.ok) break;
    out.push(...answer.body.achievements);
    cursor = answer.body.nextCursor;
    if (cursor === null) break;
  }
  return out;
};

/** One achievement, or undefined when there is none by that id in the organisation. */
export const loadAchievement = async (
  page: Page,
  organisationId: string,
  achievementId: string,
): Promise<AchievementSummary | undefined> => {
  if (!isUuid(achievementId)) return undefined;
  const answer = await page.api<AchievementSummary>(
    'GET',
    `/api/v1/organisations/${organisationId}/achievements/${achievementId}`,
  );
  return answer.ok ? answer.body : undefined;
};

/** The achievement's name and image, as the head of a page. */
export const renderAchievementHead = (
  page: Page,
  achievement: AchievementSummary,
  label: string,
): SafeHtml =>
  html`<div class="award-badge" data-testid="award-badge">
    <img src="${localPath(page, achievement.urls.image)}" alt="" width="96" height="96" />
    <div>
      <p class="hint">${label}</p>
      <p class="award-badge-name">${achievementName(achievement, page.language)}</p>
    </div>
  </div>`;
