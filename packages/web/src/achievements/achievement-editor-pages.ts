/**
 * `GET/POST /console/{org}/achievements/new` and `GET/POST /console/{org}/achievements/{id}/edit`:
 * the editor. A save builds the API's JSON from the form (`achievement-form.ts`), creates
 * (`POST`) or changes (`PATCH`, with `expectedVersion`) the achievement, and goes to its detail
 * page with a notice; a refusal re-draws the form with every message next to its field and the
 * typed values kept. `_action=preview` re-draws the form (and its preview) without saving.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { loadConsole, type ConsoleContext } from '../kit/console.js';
import { renderErrorPage } from '../kit/error-page.js';
import { formFields } from '../kit/forms.js';
import { openPage, redirectTo, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import type { AchievementView } from './achievement-api-types.js';
import { renderEditor, type EditorOptions } from './achievement-editor.js';
import { bodyFromValues, editorErrors, valuesFromAchievement } from './achievement-form.js';
import {
  achievementsApi,
  isCsrfError,
  loadAchievement,
  loadDepartments,
  loadIssuers,
  mayCreate,
  mayWrite,
  sendForbidden,
  sendNotFound,
} from './achievement-loaders.js';

type EditorRequest = { Params: { organisationId: string; achievementId?: string } };

const sendEditor = async (
  context: ConsoleContext,
  options: Omit<EditorOptions, 'issuers' | 'departments'>,
  status = 200,
): Promise<FastifyReply> => {
  const [issuers, departments] = await Promise.all([
    loadIssuers(context),
    loadDepartments(context),
  ]);
  return sendHtml(
    context.page,
    renderEditor(context, { ...options, issuers, departments }),
    status,
  );
};

/** The values a new badge starts with: an issuer's first department (issuers cannot go wide). */
const newValues = (context: ConsoleContext): Record<string, string> => ({
  departmentId:
    context.membership.role === 'org_admin' ? '' : (context.membership.departmentIds[0] ?? ''),
  _previewLanguage: context.page.language,
});

export const registerAchievementEditorPages = (app: FastifyInstance, web: WebContext): void => {
  app.get<EditorRequest>(
    '/console/:organisationId/achievements/new',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      if (!mayCreate(context)) return sendForbidden(context);
      return sendEditor(context, { mode: 'create', values: newValues(context), errors: {} });
    },
  );

  app.post<EditorRequest>(
    '/console/:organisationId/achievements/new',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      if (!mayCreate(context)) return sendForbidden(context);
      const values = formFields(request);
      if (values._action === 'preview') {
        return sendEditor(context, { mode: 'create', values, errors: {} });
      }
      const answer = await page.api<AchievementView>(
        'POST',
        achievementsApi(context.organisationId),
        { json: bodyFromValues(values, 'create'), csrfToken: values._csrf },
      );
      if (answer.ok) {
        return redirectTo(page, `${context.base}/achievements/${answer.body.id}?done=created`);
      }
      if (isCsrfError(answer.error?.code)) {
        return sendHtml(page, renderErrorPage(page, answer.status, answer.error), answer.status);
      }
      return sendEditor(
        context,
        { mode: 'create', values, errors: editorErrors(answer.error, page.language) },
        answer.status >= 500 ? 500 : answer.status,
      );
    },
  );

  app.get<EditorRequest>(
    '/console/:organisationId/achievements/:achievementId/edit',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const achievement = await loadAchievement(context, request.params.achievementId ?? '');
      if (achievement === undefined) return sendNotFound(context);
      if (!mayWrite(context, achievement)) return sendForbidden(context);
      return sendEditor(context, {
        mode: 'edit',
        achievement,
        values: { ...valuesFromAchievement(achievement), _previewLanguage: page.language },
        errors: {},
      });
    },
  );

  app.post<EditorRequest>(
    '/console/:organisationId/achievements/:achievementId/edit',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const achievement = await loadAchievement(context, request.params.achievementId ?? '');
      if (achievement === undefined) return sendNotFound(context);
      if (!mayWrite(context, achievement)) return sendForbidden(context);
      const values = formFields(request);
      if (values._action === 'preview') {
        return sendEditor(context, { mode: 'edit', achievement, values, errors: {} });
      }
      const answer = await page.api<AchievementView>(
        'PATCH',
        `${achievementsApi(context.organisationId)}/${achievement.id}`,
        { json: bodyFromValues(values, 'edit'), csrfToken: values._csrf },
      );
      if (answer.ok) {
        return redirectTo(page, `${context.base}/achievements/${achievement.id}?done=saved`);
      }
      if (isCsrfError(answer.error?.code)) {
        return sendHtml(page, renderErrorPage(page, answer.status, answer.error), answer.status);
      }
      return sendEditor(
        context,
        {
          mode: 'edit',
          achievement,
          values,
          errors: editorErrors(answer.error, page.language),
          conflict: answer.error?.code === 'ERR_ACHIEVEMENT_VERSION_CONFLICT',
        },
        answer.status >= 500 ? 500 : answer.status,
      );
    },
  );
};
