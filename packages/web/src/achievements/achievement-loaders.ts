/**
 * What the badge pages read from the API (one achievement, the issuer profiles, the departments),
 * who may change a badge (org admins; issuers in its department; the API has the last word), and
 * the pages every route falls back on: 404 and "not allowed".
 */
import { renderConsole, type ConsoleContext } from '../kit/console.js';
import { renderErrorPage } from '../kit/error-page.js';
import { html } from '../kit/html.js';
import { sendHtml } from '../kit/page.js';
import type { FastifyReply } from 'fastify';
import type { AchievementView, Department, IssuerProfile } from './achievement-api-types.js';
import { achievementsText as t } from './achievements-texts.js';

export const achievementsApi = (organisationId: string): string =>
  `/api/v1/organisations/${organisationId}/achievements`;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The achievement, or undefined (not found, another organisation's, not a UUID). */
export const loadAchievement = async (
  context: ConsoleContext,
  achievementId: string,
): Promise<AchievementView | undefined> => {
  if (!UUID.test(achievementId)) return undefined;
  const answer = await context.page.api<AchievementView>(
    'GET',
    `${achievementsApi(context.organisationId)}/${achievementId}`,
  );
  return answer.ok ? answer.body : undefined;
};

export const loadIssuers = async (context: ConsoleContext): Promise<readonly IssuerProfile[]> => {
  const answer = await context.page.api<{ issuers: readonly IssuerProfile[] }>(
    'GET',
    `/api/v1/organisations/${context.organisationId}/issuers`,
  );
  return answer.ok ? answer.body.issuers : [];
};

export const loadDepartments = async (context: ConsoleContext): Promise<readonly Department[]> => {
  const answer = await context.page.api<{ departments: readonly Department[] }>(
    'GET',
    `/api/v1/organisations/${context.organisationId}/departments`,
  );
  return answer.ok ? answer.body.departments : [];
};

/** Whether the signed-in member may create badges at all (the API checks each one). */
export const mayCreate = (context: ConsoleContext): boolean =>
  context.membership.role === 'org_admin' || context.membership.role === 'issuer';

/** Whether the member may change this badge: org admins, and issuers in its department. */
export const mayWrite = (context: ConsoleContext, achievement: AchievementView): boolean => {
  const { role, departmentIds } = context.membership;
  if (role === 'org_admin') return true;
  return (
    role === 'issuer' &&
    achievement.departmentId !== null &&
    departmentIds.includes(achievement.departmentId)
  );
};

export const sendNotFound = (context: ConsoleContext): FastifyReply =>
  sendHtml(context.page, renderErrorPage(context.page, 404, undefined), 404);

export const sendForbidden = (context: ConsoleContext): FastifyReply => {
  const l = context.page.language;
  return sendHtml(
    context.page,
    renderConsole(context, {
      active: 'achievements',
      title: t(l, 'forbiddenTitle'),
      body: html`<h1>${t(l, 'forbiddenTitle')}</h1>
        <p>${t(l, 'forbiddenBody')}</p>
        <p><a href="${context.base}/achievements">${t(l, 'listTitle')}</a></p>`,
    }),
    403,
  );
};

/** An API refusal of the CSRF token: the error page, as for any forged form. */
export const isCsrfError = (code: string | undefined): boolean => code === 'ERR_HTTP_CSRF';

const NOTICES = ['created', 'saved', 'image', 'image-cleaned', 'archived', 'unarchived'] as const;

/** The one-time notice named by `?done=`. */
export const noticeText = (context: ConsoleContext): string | undefined => {
  const done = (context.page.request.query as Record<string, unknown> | undefined)?.done;
  const key = NOTICES.find((n) => n === done);
  return key === undefined ? undefined : t(context.page.language, `done-${key}`);
};
