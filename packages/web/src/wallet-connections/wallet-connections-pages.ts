/**
 * The wallet's connections to other Open Badges hosts (ADR 0011), through the API in process:
 *
 *   GET  /wallet/connections                 the list, the results of the last action, the form
 *   POST /wallet/connections                 connect: the browser goes on to the host's consent
 *   POST /wallet/connections/{id}/import     import from the host, the result shown
 *   POST /wallet/connections/{id}/push       send a badge of the wallet, the result shown
 *   POST /wallet/connections/{id}/delete     disconnect, back to the list with a notice
 *   GET  /wallet/connections/callback        where the host sends the browser back (?code&state
 *                                            or ?error&state): an award being sent to the
 *                                            recipient's own host (no account needed) shows its
 *                                            result; else a connection's answer, posted to the
 *                                            API, then back to the list with a notice
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiResponse } from '../kit/api.js';
import { fieldErrors, formFields } from '../kit/forms.js';
import {
  openPage,
  redirectTo,
  requireSignedIn,
  sendHtml,
  type Page,
  type SessionView,
  type WebContext,
} from '../kit/page.js';
import type { WebModule } from '../kit/web-module.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  formStatus,
  isPageError,
  openWalletPage,
  queryValue,
  segment,
  sendApiErrorPage,
} from '../wallet/wallet-shared.js';
import type { WalletCredentialSummary } from '../wallet/wallet-types.js';
import { renderAwardPushResult, type AwardPushView } from './award-push-result.js';
import {
  hostLabel,
  renderConnectionsPage,
  type ActionOutcome,
  type ConnectionView,
  type ImportResult,
} from './wallet-connections-view.js';

const API = '/api/v1/wallet/connections';
const PUSH_CALLBACK = '/api/v1/awards/host-pushes/callback';

interface Loaded {
  readonly connections: readonly ConnectionView[];
  readonly badges: readonly WalletCredentialSummary[];
}

/** The connections, and the wallet's OB 3.0 badges when one connection could take them. */
const load = async (page: Page): Promise<Loaded | ApiResponse> => {
  const answer = await page.api<{ items: ConnectionView[] }>('GET', API);
  if (!answer.ok) return answer;
  const connections = answer.body.items;
  if (!connections.some((c) => c.state === 'connected')) return { connections, badges: [] };
  const wallet = await page.api<{ items: WalletCredentialSummary[] }>(
    'GET',
    '/api/v1/wallet/credentials?limit=100',
  );
  if (!wallet.ok) return wallet;
  return { connections, badges: wallet.body.items.filter((b) => b.obVersion === 3) };
};

const isLoaded = (value: Loaded | ApiResponse): value is Loaded => 'connections' in value;

const show = async (
  page: Page,
  session: SessionView,
  extra: { baseUrl?: string; errors?: Record<string, string>; outcome?: ActionOutcome } = {},
  status = 200,
): Promise<FastifyReply> => {
  const loaded = await load(page);
  if (!isLoaded(loaded)) return sendApiErrorPage(page, loaded);
  return sendHtml(
    page,
    renderConnectionsPage(page, session, {
      ...loaded,
      baseUrl: extra.baseUrl ?? '',
      errors: extra.errors ?? {},
      ...(extra.outcome === undefined ? {} : { outcome: extra.outcome }),
    }),
    status,
  );
};

const registerActions = (app: FastifyInstance, web: WebContext): void => {
  app.post<{ Params: { id: string } }>(
    '/wallet/connections/:id/import',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page, session } = opened;
      const answer = await page.api<ImportResult>(
        'POST',
        `${API}/${segment(request.params.id)}/import`,
        { json: {}, csrfToken: formFields(request)._csrf },
      );
      if (answer.ok)
        return show(page, session, { outcome: { kind: 'import', result: answer.body } });
      if (isPageError(answer) || answer.status === 404) return sendApiErrorPage(page, answer);
      const message = answer.error?.message ?? '';
      return show(page, session, { outcome: { kind: 'error', message } }, formStatus(answer));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/wallet/connections/:id/push',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page, session } = opened;
      const fields = formFields(request);
      const id = request.params.id;
      const credentialId = fields[`credentialId-${id}`] ?? fields.credentialId ?? '';
      const answer = await page.api<{ status: number }>('POST', `${API}/${segment(id)}/push`, {
        json: { credentialId },
        csrfToken: fields._csrf,
      });
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      if (!answer.ok) {
        const message = answer.error?.message ?? '';
        return show(page, session, { outcome: { kind: 'error', message } }, formStatus(answer));
      }
      const loaded = await load(page);
      if (!isLoaded(loaded)) return sendApiErrorPage(page, loaded);
      const connection = loaded.connections.find((c) => c.id === id);
      const badge = loaded.badges.find((b) => b.id === credentialId);
      return show(page, session, {
        outcome: {
          kind: 'push',
          status: answer.body.status,
          name: badge?.name ?? '',
          host: connection === undefined ? '' : hostLabel(connection),
        },
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/wallet/connections/:id/delete',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page } = opened;
      const answer = await page.api('DELETE', `${API}/${segment(request.params.id)}`, {
        csrfToken: formFields(request)._csrf,
      });
      if (!answer.ok) return sendApiErrorPage(page, answer);
      return redirectTo(page, '/wallet/connections?done=disconnected');
    },
  );
};

export const registerWalletConnectionPages: WebModule = (app, web) => {
  app.get('/wallet/connections', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    return show(opened.page, opened.session);
  });

  app.post('/wallet/connections', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    const { page, session } = opened;
    const fields = formFields(request);
    const baseUrl = fields.baseUrl ?? '';
    const answer = await page.api<{ authorizationUrl: string }>('POST', API, {
      json: { baseUrl },
      csrfToken: fields._csrf,
    });
    // The host's consent screen: the one redirect of the platform that leaves it (the URL came
    // from the host's service description, checked by the API).
    if (answer.ok) return reply.redirect(answer.body.authorizationUrl, 303);
    if (isPageError(answer)) return sendApiErrorPage(page, answer);
    const errors = fieldErrors(answer.error, { '/baseUrl': 'baseUrl' });
    const message = errors[''] ?? errors.baseUrl ?? '';
    return show(page, session, { baseUrl, errors: { baseUrl: message } }, formStatus(answer));
  });

  app.get('/wallet/connections/callback', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const parameters = Object.fromEntries(
      ['state', 'code', 'error', 'error_description']
        .map((name) => [name, queryValue(page, name)] as const)
        .filter(([, value]) => value !== ''),
    );
    // An award being sent to its recipient's own host: the unguessable `state` alone
    // authorises it (no account needed). Any other `state` may be a connection's.
    const push = await page.api<AwardPushView>('POST', PUSH_CALLBACK, { json: parameters });
    if (push.ok) {
      void reply.header('cache-control', 'no-store');
      return sendHtml(page, renderAwardPushResult(page, push.body));
    }
    if (push.error?.code !== 'ERR_WALLET_HOST_PUSH_STATE_UNKNOWN') {
      return sendApiErrorPage(page, push);
    }
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    // The host's `state` ties this answer to a connection this account started: it is what
    // protects the callback, so the page posts with the session's own token.
    const answer = await page.api<ConnectionView>('POST', `${API}/callback`, {
      json: parameters,
      csrfToken: session.csrfToken,
    });
    if (!answer.ok) return sendApiErrorPage(page, answer);
    const done = answer.body.state === 'connected' ? 'connected' : 'failed';
    return redirectTo(page, `/wallet/connections?done=${done}`);
  });

  registerActions(app, web);
};
