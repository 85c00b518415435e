/**
 * The action forms of an award's page: revoke (final, with a reason), suspend (with a reason,
 * only for a suspendable active award), reinstate (a suspended one) and re-issue. Each posts to
 * `/console/{org}/awards/{id}/{action}`; a failed one is drawn again with its message next to
 * its field and the typed values kept.
 */
import { csrfInput, renderCheckbox, renderField, type FieldErrors } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import type { ConsoleContext } from '../kit/console.js';
import type { AwardView } from './award-types.js';
import { awardPageText as t } from './award-page-texts.js';

export const AWARD_ACTIONS = ['revoke', 'suspend', 'reinstate', 'reissue'] as const;
export type AwardAction = (typeof AWARD_ACTIONS)[number];

/** A posted action the API refused: its messages (by field key) and the values typed. */
export interface ActionFailure {
  readonly action: AwardAction;
  readonly errors: FieldErrors;
  readonly values: Readonly<Record<string, string>>;
}

/** The actions that can apply to the award in its state. */
export const availableActions = (award: AwardView): readonly AwardAction[] => {
  const out: AwardAction[] = [];
  if (award.state === 'active' && award.suspendable) out.push('suspend');
  if (award.state === 'suspended') out.push('reinstate');
  if (award.state !== 'revoked' && award.replacedByAwardId === null) out.push('reissue');
  if (award.state !== 'revoked') out.push('revoke');
  return out;
};

/** A required reason field; its id is per action (`f-revoke-reason`), its name is `reason`. */
const renderReason = (
  action: 'revoke' | 'suspend',
  language: Language,
  hint: string,
  value: string | undefined,
  error: string | undefined,
): SafeHtml => {
  const id = `f-${action}-reason`;
  const described = [`${id}-hint`, error === undefined ? '' : `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return html`<div class="field${error !== undefined ? ' has-error' : ''}">
    <label for="${id}"
      >${t(language, 'reason')} <span class="required" aria-hidden="true">*</span></label
    >
    <p class="hint" id="${id}-hint">${hint}</p>
    ${error !== undefined && html`<p class="field-error" id="${id}-error">${error}</p>`}
    <input
      id="${id}"
      name="reason"
      type="text"
      maxlength="500"
      required
      value="${value ?? ''}"
      aria-describedby="${described}"
      ${error !== undefined && html` aria-invalid="true"`}
      data-testid="${action}-reason"
    />
  </div>`;
};

export const renderActionForms = (
  context: ConsoleContext,
  award: AwardView,
  failure: ActionFailure | undefined,
): SafeHtml => {
  const { page, session, base } = context;
  const l = page.language;
  const actions = availableActions(award);
  const mine = (action: AwardAction) => (failure?.action === action ? failure : undefined);
  const target = (action: AwardAction) => `${base}/awards/${award.id}/${action}`;
  const forms: SafeHtml[] = [];
  if (actions.includes('suspend')) {
    const f = mine('suspend');
    forms.push(
      html`<section class="card award-action" aria-labelledby="suspend-heading">
        <h3 id="suspend-heading">${t(l, 'suspendTitle')}</h3>
        <p>${t(l, 'suspendText')}</p>
        <form
          method="post"
          action="${target('suspend')}"
          class="stack"
          novalidate
          data-testid="suspend-form"
        >
          ${csrfInput(session)}
          ${renderReason('suspend', l, t(l, 'suspendReasonHint'), f?.values.reason, f?.errors['suspend-reason'])}
          <div class="actions">
            <button type="submit" class="secondary" data-testid="suspend">
              ${t(l, 'suspendButton')}
            </button>
          </div>
        </form>
      </section>`,
    );
  }
  if (actions.includes('reinstate')) {
    forms.push(
      html`<section class="card award-action" aria-labelledby="reinstate-heading">
        <h3 id="reinstate-heading">${t(l, 'reinstateTitle')}</h3>
        <p>${t(l, 'reinstateText')}</p>
        <form
          method="post"
          action="${target('reinstate')}"
          class="stack"
          novalidate
          data-testid="reinstate-form"
        >
          ${csrfInput(session)}
          <div class="actions">
            <button type="submit" data-testid="reinstate">${t(l, 'reinstateButton')}</button>
          </div>
        </form>
      </section>`,
    );
  }
  if (actions.includes('reissue')) {
    const f = mine('reissue');
    const checked = (name: string, fallback: boolean) =>
      f === undefined ? fallback : f.values[name] !== undefined;
    forms.push(
      html`<section class="card award-action" aria-labelledby="reissue-heading">
        <h3 id="reissue-heading">${t(l, 'reissueTitle')}</h3>
        <p>${t(l, 'reissueText')}</p>
        <form
          method="post"
          action="${target('reissue')}"
          class="stack"
          novalidate
          data-testid="reissue-form"
        >
          ${csrfInput(session)}
          ${renderField({
            name: 'validUntil',
            label: t(l, 'reissueValidUntil'),
            type: 'date',
            hint: t(l, 'reissueValidUntilHint'),
            value: f?.values.validUntil,
            error: f?.errors.validUntil,
          })}
          ${renderCheckbox({ name: 'suspendable', label: t(l, 'reissueSuspendable'), checked: checked('suspendable', award.suspendable) })}
          ${renderCheckbox({ name: 'notify', label: t(l, 'reissueNotify'), checked: checked('notify', true) })}
          <div class="actions">
            <button type="submit" class="secondary" data-testid="reissue">
              ${t(l, 'reissueButton')}
            </button>
          </div>
        </form>
      </section>`,
    );
  }
  if (actions.includes('revoke')) {
    const f = mine('revoke');
    forms.push(
      html`<section class="card award-action award-revoke" aria-labelledby="revoke-heading">
        <h3 id="revoke-heading">${t(l, 'revokeTitle')}</h3>
        <p class="warning" data-testid="revoke-warning">${t(l, 'revokeWarning')}</p>
        <form
          method="post"
          action="${target('revoke')}"
          class="stack"
          novalidate
          data-testid="revoke-form"
        >
          ${csrfInput(session)}
          ${renderReason('revoke', l, t(l, 'revokeReasonHint'), f?.values.reason, f?.errors['revoke-reason'])}
          <div class="actions">
            <button type="submit" class="danger" data-testid="revoke">
              ${t(l, 'revokeButton')}
            </button>
          </div>
        </form>
      </section>`,
    );
  }
  return html`<section aria-labelledby="actions-heading" data-testid="award-actions">
    <h2 id="actions-heading">${t(l, 'actionsTitle')}</h2>
    ${forms.length === 0 ? html`<p>${t(l, 'noActions')}</p>` : forms}
  </section>`;
};
