/**
 * The public list of approved organisations, for verifiers and anyone else, without signing in:
 * `GET /api/v1/public/organisations` (JSON, readable from any origin; may be cached for five
 * minutes). The HTML page at `/organisations` is the web app's (@akashi/web).
 */
import type { RoutePlugin } from '../http/app-context.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { listPublicOrganisations } from './list-public-organisations.js';
import { PublicOrganisationList } from './organisation-schemas.js';
import { presentPublicOrganisation } from './present-organisation.js';

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
