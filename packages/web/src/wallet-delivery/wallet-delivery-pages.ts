/**
 * Sending an award to a wallet app (ADR 0011):
 * - `GET /wallet/deliver/{awardId}?token=…` (the link of the award e-mail; or signed in, from
 *   the wallet's badge page): explains the options and offers a button — a POST, so that mail
 *   scanners opening the link start nothing; a visitor with neither the token nor a session is
 *   told what is needed (the e-mail's link, or signing in as the holder);
 * - `POST /wallet/deliver/{awardId}/host`: "send to your Open Badges host" — calls
 *   `POST /api/v1/awards/{awardId}/host-pushes` and sends the browser on to the host's consent
 *   screen (302); the host sends it back to `/wallet/connections/callback`;
 * - `POST /wallet/deliver/{awardId}`: calls `POST /api/v1/awards/{awardId}/exchanges` and shows
 *   the QR codes (SVG) and deep links: the Learner Credential Wallet request link, the VC-API
 *   invitation, the OpenID4VCI offer (with its transaction code when asked for), and the expiry;
 * - `GET /i/{exchangeId}?iuv=1`: the VCALM interaction URL. A wallet asking for JSON gets
 *   `{protocols: {vcapi}}` (from the API); a browser gets a page that opens the exchange in LCW.
 */
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import type { ApiResponse } from '../kit/api.js';
import { formatDateTime } from '../kit/dates.js';
import {
  csrfInput,
  fieldErrors,
  formFields,
  renderErrorSummary,
  renderField,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import { openPage, requireSignedIn, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  formStatus,
  isPageError,
  queryValue,
  segment,
  sendApiErrorPage,
} from '../wallet/wallet-shared.js';
import { deliveryText as t } from './wallet-delivery-texts.js';

interface ExchangeView {
  readonly id: string;
  readonly expiresAt: string;
  readonly lcw: { readonly deepLink: string; readonly url: string };
  readonly vcapi: {
    readonly invitationUrl: string;
    readonly exchangeUrl: string;
    readonly interactionUrl: string;
  };
  readonly oid4vci?: {
    readonly offerUri: string;
    readonly offerUrl: string;
    readonly txCode?: string;
  };
}

type Params = { awardId: string };

const STYLES = ['wallet-delivery.css'];

const qrImage = async (value: string, alt: string, testId: string): Promise<SafeHtml> => {
  const svg = await QRCode.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'L' });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  return html`<img
    class="delivery-qr"
    src="${src}"
    alt="${alt}"
    width="240"
    height="240"
    data-testid="${testId}"
  />`;
};

const layout = (page: Page, title: string, body: SafeHtml) =>
  renderLayout(page, { title, section: 'wallet', styles: STYLES, body });

const renderForm = (page: Page, awardId: string, token: string) => {
  const l = page.language;
  const { session } = page;
  return html`<form
    method="post"
    action="/wallet/deliver/${segment(awardId)}"
    class="stack"
    data-testid="delivery-form"
  >
    ${session !== undefined && csrfInput(session)}
    ${token !== '' && html`<input type="hidden" name="token" value="${token}" />`}
    <p>
      <label class="checkbox"
        ><input type="checkbox" name="txCode" value="true" /> ${t(l, 'txCodeLabel')}</label
      >
    </p>
    <p><button type="submit" data-testid="delivery-create">${t(l, 'create')}</button></p>
  </form>`;
};

/** Who may send the badge; with a sign-in link for a visitor who came without the e-mail's link. */
const renderWho = (page: Page, signIn: boolean) => {
  const l = page.language;
  return html`<section class="delivery-who" data-testid="delivery-who">
    <h2>${t(l, 'whoTitle')}</h2>
    <p>${t(l, 'who')}</p>
    ${
      signIn &&
      html`<p>
        <a class="button" href="/sign-in?next=${encodeURIComponent(page.here)}" data-testid="delivery-sign-in"
          >${t(l, 'signIn')}</a
        >
      </p>`
    }
  </section>`;
};

interface HostForm {
  readonly baseUrl: string;
  readonly error?: string | undefined;
}

/** "Send to your Open Badges host": the host's address, then its consent screen. */
const renderHostForm = (page: Page, awardId: string, token: string, form: HostForm) => {
  const l = page.language;
  const { session } = page;
  const errors = form.error === undefined ? {} : { baseUrl: form.error };
  return html`<section class="delivery-host" aria-labelledby="delivery-host-title">
    <h2 id="delivery-host-title">${t(l, 'hostTitle')}</h2>
    <p>${t(l, 'hostLead')}</p>
    <p class="muted">${t(l, 'hostStatus')}</p>
    ${renderErrorSummary(l, errors)}
    <form
      method="post"
      action="/wallet/deliver/${segment(awardId)}/host"
      class="stack"
      novalidate
      data-testid="delivery-host-form"
    >
      ${session !== undefined && csrfInput(session)}
      ${token !== '' && html`<input type="hidden" name="token" value="${token}" />`}
      ${renderField({ name: 'baseUrl', label: t(l, 'hostBaseUrl'), hint: t(l, 'hostBaseUrlHint'), type: 'url', value: form.baseUrl, error: form.error, required: true, maxlength: 2048, autocomplete: 'url', inputmode: 'url' })}
      <p><button type="submit" data-testid="delivery-host-submit">${t(l, 'hostSubmit')}</button></p>
    </form>
  </section>`;
};

const renderIntro = (
  page: Page,
  awardId: string,
  token: string,
  host: HostForm = { baseUrl: '' },
) => {
  const l = page.language;
  return layout(
    page,
    t(l, 'title'),
    html`<section class="delivery" data-testid="delivery-intro">
      <h1>${t(l, 'title')}</h1>
      <p class="lead">${t(l, 'lead')}</p>
      <h2>${t(l, 'optionsTitle')}</h2>
      <ul class="delivery-options">
        <li>${t(l, 'optionLcw')}</li>
        <li>${t(l, 'optionVcApi')}</li>
        <li>${t(l, 'optionOid4vci')}</li>
      </ul>
      <p>${t(l, 'oneUse')}</p>
      ${renderForm(page, awardId, token)}
      ${renderHostForm(page, awardId, token, host)}
      ${renderWho(page, false)}
    </section>`,
  );
};

/** A visitor with neither the e-mail's link nor a session: what is needed, nothing to press. */
const renderWhoOnly = (page: Page) => {
  const l = page.language;
  return layout(
    page,
    t(l, 'title'),
    html`<section class="delivery" data-testid="delivery-who-only">
      <h1>${t(l, 'title')}</h1>
      <p class="lead">${t(l, 'lead')}</p>
      ${renderWho(page, true)}
    </section>`,
  );
};

const renderReady = async (page: Page, awardId: string, token: string, view: ExchangeView) => {
  const l = page.language;
  const { oid4vci } = view;
  return layout(
    page,
    t(l, 'readyTitle'),
    html`<section class="delivery" data-testid="delivery-ready" data-exchange="${view.id}">
      <h1>${t(l, 'readyTitle')}</h1>
      <p class="delivery-expiry" data-testid="delivery-expiry">
        ${t(l, 'expires', { time: formatDateTime(view.expiresAt, l) })}
      </p>
      <p>${t(l, 'oneUse')}</p>
      <div class="delivery-grid">
        <article class="delivery-card" data-testid="delivery-lcw">
          <h2>${t(l, 'lcwTitle')}</h2>
          ${await qrImage(view.lcw.deepLink, t(l, 'lcwQrAlt'), 'delivery-lcw-qr')}
          <p>
            <a class="button" href="${view.lcw.deepLink}" data-testid="delivery-lcw-link"
              >${t(l, 'openLcw')}</a
            >
          </p>
        </article>
        <article class="delivery-card" data-testid="delivery-vcapi">
          <h2>${t(l, 'vcapiTitle')}</h2>
          ${await qrImage(view.vcapi.invitationUrl, t(l, 'vcapiQrAlt'), 'delivery-vcapi-qr')}
          <p>
            <a
              class="button secondary"
              href="${view.vcapi.invitationUrl}"
              data-testid="delivery-vcapi-link"
              >${t(l, 'openInvitation')}</a
            >
          </p>
        </article>
        ${
          oid4vci !== undefined &&
          html`<article class="delivery-card" data-testid="delivery-oid4vci">
          <h2>${t(l, 'oid4vciTitle')}</h2>
          ${await qrImage(oid4vci.offerUri, t(l, 'oid4vciQrAlt'), 'delivery-oid4vci-qr')}
          <p>
            <a class="button secondary" href="${oid4vci.offerUri}" data-testid="delivery-oid4vci-link"
              >${t(l, 'openOid4vci')}</a
            >
          </p>
          ${
            oid4vci.txCode !== undefined &&
            html`<p>
            ${t(l, 'txCode')}
            <strong class="delivery-tx-code" data-testid="delivery-tx-code">${oid4vci.txCode}</strong>
          </p>`
          }
        </article>`
        }
      </div>
      ${renderForm(page, awardId, token)}
    </section>`,
  );
};

const isProtocolsAnswer = (
  answer: ApiResponse,
): answer is ApiResponse<{ protocols: { vcapi: string } }> =>
  answer.ok &&
  typeof (answer.body as { protocols?: { vcapi?: unknown } } | undefined)?.protocols?.vcapi ===
    'string';

const wantsJson = (accept: string | undefined): boolean =>
  accept !== undefined &&
  /application\/(?:[\w.+-]*\+)?json/.test(accept) &&
  !accept.includes('text/html');

export const registerWalletDeliveryPages = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: Params }>('/wallet/deliver/:awardId', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const token = queryValue(page, 'token');
    if (token === '' && page.session === undefined) return sendHtml(page, renderWhoOnly(page));
    if (token === '' && requireSignedIn(page) === undefined) return reply;
    return sendHtml(page, renderIntro(page, request.params.awardId, token));
  });

  app.post<{ Params: Params }>(
    '/wallet/deliver/:awardId/host',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const fields = formFields(request);
      const token = fields.token ?? '';
      if (token === '' && requireSignedIn(page) === undefined) return reply;
      const { awardId } = request.params;
      const baseUrl = fields.baseUrl ?? '';
      const answer = await page.api<{ authorizationUrl: string }>(
        'POST',
        `/api/v1/awards/${segment(awardId)}/host-pushes`,
        { json: { ...(token === '' ? {} : { token }), baseUrl }, csrfToken: fields._csrf },
      );
      // The host's consent screen (its URL came from the host's service description, checked
      // by the API): the recipient signs in there and allows the transfer.
      if (answer.ok) return reply.redirect(answer.body.authorizationUrl, 302);
      if (isPageError(answer) || [401, 403, 404, 429].includes(answer.status)) {
        return sendApiErrorPage(page, answer);
      }
      const errors = fieldErrors(answer.error, { '/baseUrl': 'baseUrl' });
      const error = errors.baseUrl ?? errors[''] ?? '';
      return sendHtml(
        page,
        renderIntro(page, awardId, token, { baseUrl, error }),
        formStatus(answer),
      );
    },
  );

  app.post<{ Params: Params }>('/wallet/deliver/:awardId', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const fields = formFields(request);
    const token = fields.token ?? '';
    if (token === '' && requireSignedIn(page) === undefined) return reply;
    const { awardId } = request.params;
    const answer = await page.api<ExchangeView>(
      'POST',
      `/api/v1/awards/${segment(awardId)}/exchanges`,
      {
        json: { ...(token === '' ? {} : { token }), txCode: fields.txCode === 'true' },
        csrfToken: fields._csrf,
      },
    );
    if (!answer.ok) return sendApiErrorPage(page, answer);
    void reply.header('cache-control', 'no-store');
    return sendHtml(page, await renderReady(page, awardId, token, answer.body));
  });

  app.get<{ Params: { id: string } }>('/i/:id', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const answer = await page.api(
      'GET',
      `/workflows/award-delivery/exchanges/${segment(request.params.id)}/protocols`,
    );
    if (wantsJson(request.headers.accept)) {
      return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.raw);
    }
    const l = page.language;
    if (!isProtocolsAnswer(answer)) {
      return sendHtml(
        page,
        layout(
          page,
          t(l, 'interactionTitle'),
          html`<section class="delivery" data-testid="interaction-gone">
            <h1>${t(l, 'interactionTitle')}</h1>
            <div class="warning" role="alert"><p>${t(l, 'interactionGone')}</p></div>
          </section>`,
        ),
        answer.status >= 400 ? answer.status : 404,
      );
    }
    const invitation = JSON.stringify({
      credentialRequestOrigin: web.publicUrl,
      protocols: answer.body.protocols,
    });
    const link = `https://lcw.app/request?${new URLSearchParams({ request: invitation }).toString()}`;
    return sendHtml(
      page,
      layout(
        page,
        t(l, 'interactionTitle'),
        html`<section class="delivery" data-testid="interaction">
          <h1>${t(l, 'interactionTitle')}</h1>
          <p class="lead">${t(l, 'interactionLead')}</p>
          <p>
            <a class="button" href="${link}" data-testid="interaction-lcw-link">${t(l, 'openLcw')}</a>
          </p>
        </section>`,
      ),
    );
  });
};
