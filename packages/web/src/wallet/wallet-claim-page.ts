/**
 * `GET /wallet/claim/{awardId}?token=…`: the claim link of an award e-mail. Signed out, it says
 * what the link does and offers sign-in and sign-up that come back here (`next`); signed in, a
 * button "add to my wallet" — a POST, so that mail scanners opening the link claim nothing.
 * `POST /wallet/claim/{awardId}` calls `POST /api/v1/wallet/claims` and goes to the badge's page;
 * a bad token, a badge already in another account, or no such award each get a clear page.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiResponse } from '../kit/api.js';
import { csrfInput, formFields } from '../kit/forms.js';
import { html } from '../kit/html.js';
import {
  openPage,
  redirectTo,
  requireSignedIn,
  sendHtml,
  type Page,
  type WebContext,
} from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { profileText as t } from './wallet-profile-texts.js';
import {
  isPageError,
  queryValue,
  renderWalletLayout,
  segment,
  sendApiErrorPage,
} from './wallet-shared.js';
import type { WalletCredentialSummary } from './wallet-types.js';

type Params = { awardId: string };

type Problem = 'token' | 'elsewhere' | 'not-found';

const PROBLEMS: Readonly<
  Record<
    Problem,
    {
      readonly title: Parameters<typeof t>[1];
      readonly body: Parameters<typeof t>[1];
      readonly status: number;
    }
  >
> = {
  token: { title: 'claimBadTitle', body: 'claimBadToken', status: 403 },
  elsewhere: { title: 'claimElsewhereTitle', body: 'claimElsewhere', status: 409 },
  'not-found': { title: 'claimNotFoundTitle', body: 'claimNotFound', status: 404 },
};

const sendProblem = (page: Page, problem: Problem, status?: number) => {
  const l = page.language;
  const { title, body } = PROBLEMS[problem];
  return sendHtml(
    page,
    renderWalletLayout(page, {
      title: t(l, title),
      body: html`<section data-testid="claim-problem" data-problem="${problem}">
        <h1>${t(l, title)}</h1>
        <div class="warning" role="alert"><p>${t(l, body)}</p></div>
        ${page.session !== undefined && html`<p><a href="/wallet">${t(l, 'goWallet')}</a></p>`}
      </section>`,
    }),
    status ?? PROBLEMS[problem].status,
  );
};

const problemOf = (answer: ApiResponse): Problem | undefined => {
  switch (answer.error?.code) {
    case 'ERR_WALLET_CLAIM_TOKEN':
      return 'token';
    case 'ERR_WALLET_CLAIMED_ELSEWHERE':
      return 'elsewhere';
    case 'ERR_HTTP_VALIDATION':
      return 'token';
    default:
      return answer.status === 404 ? 'not-found' : undefined;
  }
};

export const registerWalletClaimPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: Params }>('/wallet/claim/:awardId', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const l = page.language;
    const token = queryValue(page, 'token');
    if (token === '') return sendProblem(page, 'token', 400);
    const next = encodeURIComponent(page.here);
    if (page.session === undefined) {
      return sendHtml(
        page,
        renderWalletLayout(page, {
          title: t(l, 'claimTitle'),
          body: html`<section data-testid="claim-signed-out">
            <h1>${t(l, 'claimTitle')}</h1>
            <p class="lead">${t(l, 'claimLead')}</p>
            <p>${t(l, 'claimSignedOut')}</p>
            <p class="actions">
              <a class="button" href="/sign-in?next=${next}" data-testid="claim-sign-in"
                >${t(l, 'claimSignIn')}</a
              >
              <a class="button secondary" href="/sign-up?next=${next}" data-testid="claim-sign-up"
                >${t(l, 'claimSignUp')}</a
              >
            </p>
          </section>`,
        }),
      );
    }
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    return sendHtml(
      page,
      renderWalletLayout(page, {
        title: t(l, 'claimTitle'),
        body: html`<section data-testid="claim-signed-in">
          <h1>${t(l, 'claimTitle')}</h1>
          <p class="lead">${t(l, 'claimLead')}</p>
          <p>${t(l, 'claimSignedIn', { name: session.account.displayName })}</p>
          <form method="post" action="/wallet/claim/${segment(request.params.awardId)}">
            ${csrfInput(session)}
            <input type="hidden" name="token" value="${token}" />
            <p><button type="submit" data-testid="claim-submit">${t(l, 'claimButton')}</button></p>
          </form>
        </section>`,
      }),
    );
  });

  app.post<{ Params: Params }>('/wallet/claim/:awardId', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    if (requireSignedIn(page) === undefined) return reply;
    const fields = formFields(request);
    const answer = await page.api<{ item: WalletCredentialSummary }>(
      'POST',
      '/api/v1/wallet/claims',
      {
        json: { awardId: request.params.awardId, token: fields.token ?? '' },
        csrfToken: fields._csrf,
      },
    );
    if (answer.ok) {
      return redirectTo(page, `/wallet/credentials/${segment(answer.body.item.id)}?done=claimed`);
    }
    const problem = isPageError(answer) ? undefined : problemOf(answer);
    return problem === undefined ? sendApiErrorPage(page, answer) : sendProblem(page, problem);
  });
};
