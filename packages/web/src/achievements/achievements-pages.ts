/**
 * The badge pages of the issuer console (`/console/{org}/achievements…`): the list, the editor
 * with its live preview (`achievement-editor-pages.ts`), the detail page, and the forms posted
 * from it: the image upload (multipart, the raw bytes go to the API) and archive / unarchive.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadConsole, type ConsoleContext } from '../kit/console.js';
import { renderErrorPage } from '../kit/error-page.js';
import { fieldErrors, formFields } from '../kit/forms.js';
import { openPage, redirectTo, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import type { AchievementView } from './achievement-api-types.js';
import { renderDetail, type DetailOptions } from './achievement-detail-page.js';
import { renderEditor } from './achievement-editor.js';
import { registerAchievementEditorPages } from './achievement-editor-pages.js';
import { sniffImageType } from './achievement-image-form.js';
import { registerAchievementListPage } from './achievement-list-page.js';
import {
  achievementsApi,
  isCsrfError,
  loadAchievement,
  loadDepartments,
  loadIssuers,
  mayWrite,
  noticeText,
  sendForbidden,
  sendNotFound,
} from './achievement-loaders.js';
import { valuesFromAchievement } from './achievement-form.js';
import { achievementsText as t } from './achievements-texts.js';

type ItemRequest = { Params: { organisationId: string; achievementId: string } };

const sendDetail = async (
  context: ConsoleContext,
  options: Omit<DetailOptions, 'issuers' | 'departments'>,
  status = 200,
): Promise<FastifyReply> => {
  const [issuers, departments] = await Promise.all([
    loadIssuers(context),
    loadDepartments(context),
  ]);
  return sendHtml(
    context.page,
    renderDetail(context, { ...options, issuers, departments }),
    status,
  );
};

/** Opens the console and the achievement; undefined when a page (404, sign-in) was sent. */
const openItem = async (
  web: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  params: ItemRequest['Params'],
): Promise<{ context: ConsoleContext; achievement: AchievementView } | undefined> => {
  const page = await openPage(web, request, reply);
  const context = await loadConsole(page, params.organisationId);
  if (context === undefined) return undefined;
  const achievement = await loadAchievement(context, params.achievementId);
  if (achievement === undefined) {
    await sendNotFound(context);
    return undefined;
  }
  return { context, achievement };
};

/** The upload's file (a Buffer from the multipart form) and its other fields. */
const readUpload = (body: unknown): { file: Buffer | undefined; from: 'edit' | 'detail' } => {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const image = fields.image;
  const file = Buffer.isBuffer(image) && image.length > 0 ? image : undefined;
  return { file, from: fields.from === 'edit' ? 'edit' : 'detail' };
};

const registerImageRoute = (app: FastifyInstance, web: WebContext): void => {
  app.post<ItemRequest>(
    '/console/:organisationId/achievements/:achievementId/image',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openItem(web, request, reply, request.params);
      if (opened === undefined) return reply;
      const { context, achievement } = opened;
      const { page } = context;
      const l = page.language;
      if (!mayWrite(context, achievement)) return sendForbidden(context);
      const { file, from } = readUpload(request.body);
      const csrfToken = formFields(request)._csrf;
      const back = `${context.base}/achievements/${achievement.id}${from === 'edit' ? '/edit' : ''}`;
      const refuse = async (message: string, status: number) => {
        if (from === 'detail')
          return sendDetail(context, { achievement, imageError: message }, status);
        const [issuers, departments] = await Promise.all([
          loadIssuers(context),
          loadDepartments(context),
        ]);
        const values = { ...valuesFromAchievement(achievement), _previewLanguage: l };
        const editor = renderEditor(context, {
          mode: 'edit',
          achievement,
          values,
          errors: {},
          issuers,
          departments,
          imageError: message,
        });
        return sendHtml(page, editor, status);
      };
      if (file === undefined) return refuse(t(l, 'imageMissing'), 400);
      const contentType = sniffImageType(file);
      if (contentType === undefined) return refuse(t(l, 'imageUnsupported'), 400);
      const answer = await page.api<{ achievement: AchievementView; removed: string[] }>(
        'PUT',
        `${achievementsApi(context.organisationId)}/${achievement.id}/image`,
        { payload: file, contentType, csrfToken },
      );
      if (answer.ok) {
        const done = answer.body.removed.length > 0 && contentType === 'image/svg+xml';
        return redirectTo(page, `${back}?done=${done ? 'image-cleaned' : 'image'}`);
      }
      if (isCsrfError(answer.error?.code)) {
        return sendHtml(page, renderErrorPage(page, answer.status, answer.error), answer.status);
      }
      return refuse(answer.error?.message ?? t(l, 'imageUnsupported'), answer.status);
    },
  );
};

const registerArchiveRoutes = (app: FastifyInstance, web: WebContext): void => {
  for (const verb of ['archive', 'unarchive'] as const) {
    app.post<ItemRequest>(
      `/console/:organisationId/achievements/:achievementId/${verb}`,
      PAGE_ROUTE,
      async (request, reply) => {
        const opened = await openItem(web, request, reply, request.params);
        if (opened === undefined) return reply;
        const { context, achievement } = opened;
        const { page } = context;
        if (!mayWrite(context, achievement)) return sendForbidden(context);
        const answer = await page.api<AchievementView>(
          'POST',
          `${achievementsApi(context.organisationId)}/${achievement.id}/${verb}`,
          { csrfToken: formFields(request)._csrf },
        );
        if (answer.ok) {
          return redirectTo(page, `${context.base}/achievements/${achievement.id}?done=${verb}d`);
        }
        if (isCsrfError(answer.error?.code)) {
          return sendHtml(page, renderErrorPage(page, answer.status, answer.error), answer.status);
        }
        return sendDetail(
          context,
          { achievement, errors: fieldErrors(answer.error) },
          answer.status >= 500 ? 500 : answer.status,
        );
      },
    );
  }
};

export const registerAchievementPages = (app: FastifyInstance, web: WebContext): void => {
  registerAchievementListPage(app, web);
  registerAchievementEditorPages(app, web);
  app.get<ItemRequest>(
    '/console/:organisationId/achievements/:achievementId',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openItem(web, request, reply, request.params);
      if (opened === undefined) return reply;
      const { context, achievement } = opened;
      return sendDetail(context, { achievement, notice: noticeText(context) });
    },
  );
  registerImageRoute(app, web);
  registerArchiveRoutes(app, web);
};
