/**
 * The public list of approved organisations, for verifiers and anyone else, without signing in:
 * `GET /api/v1/public/organisations` (JSON, readable from any origin) and `GET /organisations`
 * (an HTML page in Japanese and English). Both may be cached for five minutes.
 */
import type { RoutePlugin } from '../http/app-context.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { listPublicOrganisations } from './list-public-organisations.js';
import { PublicOrganisationList } from './organisation-schemas.js';
import { presentPublicOrganisation } from './present-organisation.js';
import {
  ORGANISATIONS_PAGE_CONTENT_SECURITY_POLICY,
  renderOrganisationsPage,
} from './render-organisations-page.js';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=300';

/** Mounted under /api/v1. */
export const registerPublicOrganisationRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/public/organisations',
    {
      schema: {
        summary: 'List the approved issuing organisations and since when (public)',
        tags: ['organisations', 'public'],
        operationId: 'listPublicOrganisations',
        response: { 200: PublicOrganisationList },
      },
    },
    async (request, reply) => {
      await authorizeRequest(db, request.actor, 'org.list-public', {});
      const rows = await listPublicOrganisations(db);
      void reply
        .header('cache-control', PUBLIC_CACHE_CONTROL)
        .header('access-control-allow-origin', '*')
        .header('cross-origin-resource-policy', 'cross-origin');
      return { organisations: rows.map(presentPublicOrganisation) };
    },
  );
};

/** Mounted at the root. */
export const registerOrganisationsPage: RoutePlugin = (app, { db }) => {
  app.get('/organisations', { schema: { hide: true } }, async (request, reply) => {
    await authorizeRequest(db, request.actor, 'org.list-public', {});
    const rows = await listPublicOrganisations(db);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .header('content-security-policy', ORGANISATIONS_PAGE_CONTENT_SECURITY_POLICY)
      .send(renderOrganisationsPage(rows.map(presentPublicOrganisation)));
  });
};
