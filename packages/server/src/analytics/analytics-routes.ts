/**
 * The issuer's analytics, under /api/v1:
 *
 * - `GET /organisations/:organisationId/analytics?from=YYYY-MM&to=YYYY-MM`: awards issued and
 *   revoked per month, awards per achievement, verifications per month and per channel, and the
 *   totals by state (default range: the last 12 months in Japan, this one included).
 *
 * Reading needs `badge.read`: every member of the organisation (viewers too) and API keys with
 * `badges:read`.
 */
import type { RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { AnalyticsParams, AnalyticsQuery, AnalyticsView } from './analytics-schemas.js';
import { addMonths, japanMonth, monthsInRange } from './japan-months.js';
import { readAnalytics, type AnalyticsRange } from './read-analytics.js';

const TAGS = ['analytics'];

/** The longest range one request may ask for. */
export const MAX_ANALYTICS_MONTHS = 60;

const rangeError = (path: string, en: string, ja: string) =>
  new ServerError('ERR_HTTP_VALIDATION', {
    fields: [{ in: 'querystring', path, message: { en, ja } }],
  });

/** The range a query asks for, defaults filled in, checked. */
export const readAnalyticsRange = (query: AnalyticsQuery, now: Date): AnalyticsRange => {
  const to = query.to ?? (query.from === undefined ? japanMonth(now) : addMonths(query.from, 11));
  const from = query.from ?? addMonths(to, -11);
  const months = monthsInRange(from, to);
  if (months < 1) {
    throw rangeError('/to', 'must not be before from', 'from 以降の月を指定してください');
  }
  if (months > MAX_ANALYTICS_MONTHS) {
    throw rangeError(
      '/from',
      `the range may span at most ${String(MAX_ANALYTICS_MONTHS)} months`,
      `期間は最長 ${String(MAX_ANALYTICS_MONTHS)} か月までです`,
    );
  }
  return { from, to };
};

export const registerAnalyticsRoutes: RoutePlugin = (app, context) => {
  const { db, clock } = context;

  app.get(
    '/organisations/:organisationId/analytics',
    {
      schema: {
        summary:
          "An organisation's figures: awards per month and per achievement, verifications, totals",
        description:
          'Months are calendar months in Japan. `awardsPerMonth` and `verifications.perMonth` list every month of the range, zeros included. An award counts as issued in the month it was issued on the platform (`createdAt`), as revoked in the month it was revoked. Verifications are those of the public badge page, the verify page and `POST /credentials/verify`. `totals` are over all time.',
        tags: TAGS,
        operationId: 'getOrganisationAnalytics',
        params: AnalyticsParams,
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsView },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'badge.read', { organisationId });
      return readAnalytics(db, organisationId, readAnalyticsRange(request.query, clock()));
    },
  );
};
