/**
 * `GET /console/{org}/awards/{awardId}`: an award's page, and its actions
 * `POST /console/{org}/awards/{awardId}/{revoke|suspend|reinstate|reissue}`: each goes back to
 * the page with a notice (a re-issue to the new award's page); the API's refusal (a missing
 * reason, an award already revoked…) is shown on the page, next to the action's field.
 */
import type { FastifyInstance } from 'fastify';
import { loadConsole, type ConsoleContext } from '../kit/console.js';
import { renderErrorPage } from '../kit/error-page.js';
import { fieldErrors, formFields } from '../kit/forms.js';
import { openPage, redirectTo, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { AWARD_ACTIONS, type ActionFailure, type AwardAction } from './award-action-forms.js';
import { isDone, renderAwardPage, type AwardPageData } from './award-detail-render.js';
import { isUuid, loadAchievement } from './award-shared.js';
import type { AwardView, NotificationPage, ReissueResult } from './award-types.js';

type Params = { organisationId: string; awardId: string };

const DONE_AFTER: Readonly<Record<AwardAction, string>> = {
  revoke: 'revoked',
  suspend: 'suspended',
  reinstate: 'reinstated',
  reissue: 'reissued',
};

/** The award and what its page shows with it, or undefined when there is no such award. */
const loadAwardPage = async (
  context: ConsoleContext,
  awardId: string,
): Promise<AwardPageData | undefined> => {
  const { page, organisationId } = context;
  if (!isUuid(awardId)) return undefined;
  const answer = await page.api<AwardView>(
    'GET',
    `/api/v1/organisations/${organisationId}/awards/${awardId}`,
  );
  if (!answer.ok) return undefined;
  const award = answer.body;
  const [achievement, log] = await Promise.all([
    loadAchievement(page, organisationId, award.achievementId),
    page.api<NotificationPage>(
      'GET',
      `/api/v1/organisations/${organisationId}/notifications?awardId=${award.id}&limit=50`,
    ),
  ]);
  return { award, achievement, notifications: log.ok ? log.body.notifications : undefined };
};

/** The API's body for an action, from the posted form. */
const actionBody = (action: AwardAction, fields: Readonly<Record<string, string>>): object => {
  switch (action) {
    case 'revoke':
    case 'suspend':
      return { reason: fields.reason ?? '' };
    case 'reinstate':
      return {};
    case 'reissue': {
      const validUntil = fields.validUntil?.trim() ?? '';
      return {
        suspendable: fields.suspendable !== undefined,
        notify: fields.notify !== undefined,
        ...(validUntil === '' ? {} : { validUntil }),
      };
    }
  }
};

export const registerAwardDetailPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: Params; Querystring: { done?: string } }>(
    '/console/:organisationId/awards/:awardId',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const data = await loadAwardPage(context, request.params.awardId);
      if (data === undefined) return sendHtml(page, renderErrorPage(page, 404, undefined), 404);
      const { done } = request.query;
      return sendHtml(
        page,
        renderAwardPage(context, data, { done: isDone(done) ? done : undefined }),
      );
    },
  );

  for (const action of AWARD_ACTIONS) {
    app.post<{ Params: Params }>(
      `/console/:organisationId/awards/:awardId/${action}`,
      PAGE_ROUTE,
      async (request, reply) => {
        const page = await openPage(web, request, reply);
        const context = await loadConsole(page, request.params.organisationId);
        if (context === undefined) return reply;
        const { awardId } = request.params;
        if (!isUuid(awardId)) return sendHtml(page, renderErrorPage(page, 404, undefined), 404);
        const fields = formFields(request);
        const answer = await page.api<AwardView | ReissueResult>(
          'POST',
          `/api/v1/organisations/${context.organisationId}/awards/${awardId}/${action}`,
          { json: actionBody(action, fields), csrfToken: fields._csrf },
        );
        if (answer.ok) {
          const body = answer.body;
          const next = 'award' in body ? body.award.id : awardId;
          return redirectTo(page, `${context.base}/awards/${next}?done=${DONE_AFTER[action]}`);
        }
        const data = await loadAwardPage(context, awardId);
        if (data === undefined) return sendHtml(page, renderErrorPage(page, 404, undefined), 404);
        const failure: ActionFailure = {
          action,
          values: fields,
          errors: fieldErrors(answer.error, {
            '/reason': `${action}-reason`,
            '/validUntil': 'validUntil',
          }),
        };
        const status = answer.status >= 500 ? 500 : answer.status >= 400 ? answer.status : 400;
        return sendHtml(page, renderAwardPage(context, data, { failure }), status);
      },
    );
  }
};
