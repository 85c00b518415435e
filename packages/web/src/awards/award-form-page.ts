/**
 * `GET|POST /console/{org}/achievements/{achievementId}/award`: award the achievement to one
 * person. The form carries a random idempotency key made when it is drawn, so a double submit
 * (or a resend after a lost answer) issues once; success goes to the award's page.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../kit/api.js';
import { loadConsole, renderConsole, type ConsoleContext } from '../kit/console.js';
import { renderErrorPage } from '../kit/error-page.js';
import {
  csrfInput,
  fieldErrors,
  formFields,
  renderCheckbox,
  renderErrorSummary,
  renderField,
  renderSelect,
  renderTextarea,
  type FieldErrors,
  type FieldOptions,
} from '../kit/forms.js';
import { html } from '../kit/html.js';
import { openPage, redirectTo, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { canManageAwards, loadAchievement, renderAchievementHead } from './award-shared.js';
import type { AchievementSummary, AwardWithCredential } from './award-types.js';
import { awardsText as t } from './awards-texts.js';

type Params = { organisationId: string; achievementId: string };
type Values = Readonly<Record<string, string>>;

/** API field pointers → form field names. */
const RENAME: Readonly<Record<string, string>> = {
  '/recipient/email': 'email',
  '/recipient/name': 'name',
  '/recipient/nameKana': 'nameKana',
  '/recipient/nameRomaji': 'nameRomaji',
  '/recipient/did': 'did',
  '/recipient': 'email',
  '/evidence/0/url': 'evidenceUrl',
  '/evidence/0/narrative': 'evidenceNarrative',
  '/evidence/0': 'evidenceUrl',
};

const optional = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/** The API's body from the form: empty fields left out, names exactly as typed. */
export const awardBodyFrom = (v: Values): Record<string, unknown> => {
  const recipient: Record<string, string> = { email: (v.email ?? '').trim() };
  for (const name of ['name', 'nameKana', 'nameRomaji'] as const) {
    const value = optional(v[name]);
    if (value !== undefined) recipient[name] = value;
  }
  const did = optional(v.did);
  if (did !== undefined) recipient.did = did.trim();
  const evidence: Record<string, string> = {};
  const url = optional(v.evidenceUrl);
  if (url !== undefined) evidence.url = url.trim();
  const narrative = optional(v.evidenceNarrative);
  if (narrative !== undefined) evidence.narrative = narrative;
  const body: Record<string, unknown> = {
    recipient,
    notify: v.notify !== undefined,
    suspendable: v.suspendable !== undefined,
    locale: v.locale === 'en' ? 'en' : 'ja',
  };
  const externalId = optional(v.externalId);
  if (externalId !== undefined) body.externalId = externalId;
  const key = optional(v.idempotencyKey);
  if (key !== undefined) body.idempotencyKey = key;
  for (const name of ['awardedDate', 'validUntil'] as const) {
    const value = optional(v[name]);
    if (value !== undefined) body[name] = value.trim();
  }
  if (Object.keys(evidence).length > 0) body.evidence = [evidence];
  return body;
};

/** Messages by field; the API's errors on no field are placed where they belong. */
const errorsFrom = (error: ApiError | undefined, values: Values): FieldErrors => {
  const errors: Record<string, string> = { ...fieldErrors(error, RENAME) };
  const general = errors[''];
  if (error === undefined || general === undefined) return errors;
  let field: string | undefined;
  if (error.code === 'ERR_AWARD_INVALID_RECIPIENT') {
    const did = values.did?.trim();
    field = did !== undefined && did !== '' && general.includes(did) ? 'did' : 'email';
  } else if (error.code === 'ERR_AWARD_INVALID_DATES') {
    field = general.includes('awardedDate') ? 'awardedDate' : 'validUntil';
  }
  if (field !== undefined) {
    delete errors[''];
    errors[field] = general;
  }
  return errors;
};

const renderForm = (
  context: ConsoleContext,
  achievement: AchievementSummary,
  values: Values,
  errors: FieldErrors,
) => {
  const { page, session, base } = context;
  const l = page.language;
  const action = `${base}/achievements/${achievement.id}/award`;
  const canIssue = canManageAwards(context.membership, achievement.departmentId);
  const archived = achievement.status === 'archived';
  const field = (name: string, label: string, extra: Partial<FieldOptions> = {}) =>
    renderField({ name, label, value: values[name], error: errors[name], ...extra });
  const form = html`<form
    method="post"
    action="${action}"
    class="stack"
    data-testid="award-form"
    novalidate
  >
    ${csrfInput(session)}
    <input type="hidden" name="idempotencyKey" value="${values.idempotencyKey ?? ''}" />
    <fieldset>
      <legend>${t(l, 'recipientLegend')}</legend>
      ${field('email', t(l, 'email'), {
        type: 'email',
        required: true,
        hint: t(l, 'emailHint'),
        autocomplete: 'off',
        maxlength: 254,
      })}
      ${field('name', t(l, 'name'), { hint: t(l, 'nameHint'), lang: 'ja', maxlength: 200, autocomplete: 'off' })}
      ${field('nameKana', t(l, 'nameKana'), { lang: 'ja', maxlength: 200, autocomplete: 'off' })}
      ${field('nameRomaji', t(l, 'nameRomaji'), { hint: t(l, 'nameRomajiHint'), maxlength: 200, autocomplete: 'off' })}
      ${field('externalId', t(l, 'externalId'), { hint: t(l, 'externalIdHint'), maxlength: 100, autocomplete: 'off' })}
      ${field('did', t(l, 'did'), { hint: t(l, 'didHint'), maxlength: 2048, autocomplete: 'off' })}
    </fieldset>
    <fieldset>
      <legend>${t(l, 'datesLegend')}</legend>
      ${field('awardedDate', t(l, 'awardedDate'), { type: 'date', hint: t(l, 'awardedDateHint') })}
      ${field('validUntil', t(l, 'validUntil'), { type: 'date', hint: t(l, 'validUntilHint') })}
    </fieldset>
    <fieldset>
      <legend>${t(l, 'evidenceLegend')}</legend>
      ${field('evidenceUrl', t(l, 'evidenceUrl'), { type: 'url', maxlength: 2048 })}
      ${renderTextarea({
        name: 'evidenceNarrative',
        label: t(l, 'evidenceNarrative'),
        value: values.evidenceNarrative,
        error: errors.evidenceNarrative,
        rows: 3,
      })}
    </fieldset>
    <fieldset>
      <legend>${t(l, 'optionsLegend')}</legend>
      ${renderCheckbox({
        name: 'suspendable',
        label: t(l, 'suspendable'),
        checked: values.suspendable !== undefined,
        hint: t(l, 'suspendableHint'),
      })}
      ${renderCheckbox({ name: 'notify', label: t(l, 'notify'), checked: values.notify !== undefined })}
      ${renderSelect({
        name: 'locale',
        label: t(l, 'locale'),
        value: values.locale ?? l,
        error: errors.locale,
        options: [
          { value: 'ja', label: t(l, 'localeJa') },
          { value: 'en', label: t(l, 'localeEn') },
        ],
      })}
    </fieldset>
    <div class="actions">
      <button type="submit" data-testid="award-submit">${t(l, 'issue')}</button>
      <a href="${base}/achievements/${achievement.id}">${t(l, 'cancel')}</a>
    </div>
  </form>`;
  return renderConsole(context, {
    active: 'awards',
    title: t(l, 'awardTitle'),
    styles: ['awards.css'],
    body: html`<h1>${t(l, 'awardTitle')}</h1>
      ${renderAchievementHead(page, achievement, t(l, 'badgeToAward'))}
      ${renderErrorSummary(l, errors)}
      ${
        archived
          ? html`<p class="warning" data-testid="award-archived">${t(l, 'archived')}</p>`
          : canIssue
            ? html`<p class="lead">${t(l, 'awardLead')}</p>
                ${form}`
            : html`<p class="warning" data-testid="award-forbidden">${t(l, 'cannotIssue')}</p>`
      }`,
  });
};

export const registerAwardFormPage = (app: FastifyInstance, web: WebContext): void => {
  const open = async (request: FastifyRequest, reply: FastifyReply) => {
    const page = await openPage(web, request, reply);
    const { organisationId, achievementId } = request.params as Params;
    const context = await loadConsole(page, organisationId);
    if (context === undefined) return undefined;
    const achievement = await loadAchievement(page, organisationId, achievementId);
    if (achievement === undefined) {
      void sendHtml(page, renderErrorPage(page, 404, undefined), 404);
      return undefined;
    }
    return { context, achievement };
  };

  app.get<{ Params: Params }>(
    '/console/:organisationId/achievements/:achievementId/award',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await open(request, reply);
      if (opened === undefined) return reply;
      const { context, achievement } = opened;
      const values = { notify: 'on', locale: context.page.language, idempotencyKey: randomUUID() };
      return sendHtml(context.page, renderForm(context, achievement, values, {}));
    },
  );

  app.post<{ Params: Params }>(
    '/console/:organisationId/achievements/:achievementId/award',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await open(request, reply);
      if (opened === undefined) return reply;
      const { context, achievement } = opened;
      const { page, organisationId, base } = context;
      const fields = formFields(request);
      const answer = await page.api<AwardWithCredential>(
        'POST',
        `/api/v1/organisations/${organisationId}/achievements/${achievement.id}/awards`,
        { json: awardBodyFrom(fields), csrfToken: fields._csrf },
      );
      if (answer.ok) {
        return redirectTo(page, `${base}/awards/${answer.body.award.id}?done=issued`);
      }
      let values: Values = fields;
      let errors = errorsFrom(answer.error, fields);
      if (answer.error?.code === 'ERR_AWARD_IDEMPOTENCY_CONFLICT') {
        // The key was used for an award to someone else: this form gets a fresh one.
        values = { ...fields, idempotencyKey: randomUUID() };
        errors = { '': t(page.language, 'keyReused') };
      }
      const status = answer.status >= 500 ? 500 : answer.status >= 400 ? answer.status : 400;
      return sendHtml(page, renderForm(context, achievement, values, errors), status);
    },
  );
};
