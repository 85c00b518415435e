/** `GET /setup`: the browser page the first-run set-up link opens (see render-setup-page.ts). */
import type { RoutePlugin } from '../http/app-context.js';
import { pickLanguage } from '../http/pick-language.js';
import { ANY_SESSION_STATE } from '../auth/session-rules.js';
import { renderSetupPage, SETUP_PAGE_CONTENT_SECURITY_POLICY } from './render-setup-page.js';

export const registerSetupPage: RoutePlugin = (app) => {
  app.get('/setup', { config: ANY_SESSION_STATE, schema: { hide: true } }, (request, reply) => {
    const language = pickLanguage(request.headers['accept-language']);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', SETUP_PAGE_CONTENT_SECURITY_POLICY)
      .header('cache-control', 'no-store')
      .send(renderSetupPage(language));
  });
};
