/**
 * `GET /wallet/profile`: the public profile's settings — on/off, the slug with the address it
 * gives, the display name exactly as typed (kanji, kana, romaji; never normalised), kana, romaji
 * and headline — and a link to `/p/{slug}` when on. `POST /wallet/profile` saves through
 * `PUT /api/v1/wallet/profile`; a refusal (a slug taken, a bad slug) is shown next to its field.
 */
import type { FastifyInstance } from 'fastify';
import {
  csrfInput,
  fieldErrors,
  formFields,
  renderCheckbox,
  renderErrorSummary,
  renderField,
  type FieldErrors,
} from '../kit/forms.js';
import { html } from '../kit/html.js';
import { redirectTo, sendHtml, type Page, type SessionView, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { profileText as t } from './wallet-profile-texts.js';
import {
  doneNotice,
  formStatus,
  isPageError,
  openWalletPage,
  renderWalletLayout,
  segment,
  sendApiErrorPage,
} from './wallet-shared.js';
import type { WalletProfile } from './wallet-types.js';

interface Values {
  readonly enabled: boolean;
  readonly slug: string;
  readonly displayName: string;
  readonly nameKana: string;
  readonly nameRomaji: string;
  readonly headline: string;
}

const valuesOf = (profile: WalletProfile): Values => ({
  enabled: profile.enabled,
  slug: profile.slug,
  displayName: profile.displayName,
  nameKana: profile.nameKana ?? '',
  nameRomaji: profile.nameRomaji ?? '',
  headline: profile.headline ?? '',
});

const renderProfile = (
  page: Page,
  session: SessionView,
  saved: WalletProfile | undefined,
  values: Values,
  errors: FieldErrors,
) => {
  const l = page.language;
  const slugShown = values.slug === '' ? '…' : values.slug;
  const address = `${page.web.publicUrl}/p/${slugShown}`;
  const live = saved?.saved === true && saved.enabled;
  const publicPath = saved === undefined ? '' : `/p/${segment(saved.slug)}`;
  return renderWalletLayout(page, {
    title: t(l, 'title'),
    current: 'profile',
    body: html`<h1>${t(l, 'title')}</h1>
      <p class="lead">${t(l, 'lead')}</p>
      ${doneNotice(page, ['saved'] as const, () => t(l, 'saved'))}
      <p data-testid="profile-status">
        ${
          live
            ? html`${t(l, 'statusOn')}<a href="${publicPath}" data-testid="profile-public-link"
                >${page.web.publicUrl}${publicPath}</a
              >`
            : t(l, 'statusOff')
        }
      </p>
      ${renderErrorSummary(l, errors)}
      <form method="post" action="/wallet/profile" class="stack" novalidate data-testid="profile-form">
        ${csrfInput(session)}
        ${renderCheckbox({ name: 'enabled', label: t(l, 'enabled'), checked: values.enabled, value: 'true', hint: t(l, 'enabledHint') })}
        ${renderField({ name: 'slug', label: t(l, 'slug'), hint: t(l, 'slugHint', { url: address }), value: values.slug, error: errors.slug, required: true, autocomplete: 'off', maxlength: 40, attributes: html` autocapitalize="off" spellcheck="false"` })}
        ${renderField({ name: 'displayName', label: t(l, 'displayName'), hint: t(l, 'displayNameHint'), value: values.displayName, error: errors.displayName, required: true, maxlength: 100, autocomplete: 'name' })}
        ${renderField({ name: 'nameKana', label: t(l, 'nameKana'), value: values.nameKana, error: errors.nameKana, maxlength: 100, lang: 'ja' })}
        ${renderField({ name: 'nameRomaji', label: t(l, 'nameRomaji'), value: values.nameRomaji, error: errors.nameRomaji, maxlength: 100, lang: 'en' })}
        ${renderField({ name: 'headline', label: t(l, 'headline'), hint: t(l, 'headlineHint'), value: values.headline, error: errors.headline, maxlength: 200 })}
        <p><button type="submit" data-testid="profile-save">${t(l, 'save')}</button></p>
      </form>
      ${live && html`<p><a class="button secondary" href="${publicPath}">${t(l, 'view')}</a></p>`}`,
  });
};

/** The profile (when not saved yet, its fields are the API's suggestions). */
const loadProfile = async (page: Page) => {
  const answer = await page.api<WalletProfile>('GET', '/api/v1/wallet/profile');
  return answer.ok ? { ok: true as const, profile: answer.body } : { ok: false as const, answer };
};

export const registerWalletProfilePage = (app: FastifyInstance, web: WebContext): void => {
  app.get('/wallet/profile', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    const { page, session } = opened;
    const loaded = await loadProfile(page);
    if (!loaded.ok) return sendApiErrorPage(page, loaded.answer);
    const values = valuesOf(loaded.profile);
    return sendHtml(page, renderProfile(page, session, loaded.profile, values, {}));
  });

  app.post('/wallet/profile', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    const { page, session } = opened;
    const fields = formFields(request);
    const values: Values = {
      enabled: fields.enabled === 'true',
      slug: (fields.slug ?? '').trim(),
      displayName: fields.displayName ?? '',
      nameKana: fields.nameKana ?? '',
      nameRomaji: fields.nameRomaji ?? '',
      headline: fields.headline ?? '',
    };
    const optional = (value: string) => (value.trim() === '' ? null : value);
    const answer = await page.api<WalletProfile>('PUT', '/api/v1/wallet/profile', {
      json: {
        enabled: values.enabled,
        slug: values.slug,
        displayName: values.displayName,
        nameKana: optional(values.nameKana),
        nameRomaji: optional(values.nameRomaji),
        headline: optional(values.headline),
      },
      csrfToken: fields._csrf,
    });
    if (answer.ok) return redirectTo(page, '/wallet/profile?done=saved');
    if (isPageError(answer)) return sendApiErrorPage(page, answer);
    const loaded = await loadProfile(page);
    const saved = loaded.ok ? loaded.profile : undefined;
    return sendHtml(
      page,
      renderProfile(page, session, saved, values, fieldErrors(answer.error)),
      formStatus(answer),
    );
  });
};
