/**
 * Probes for process managers and load balancers. `GET /healthz`: the process is up and serving
 * (liveness). `GET /readyz`: the database answers too, so the instance can take traffic
 * (readiness); otherwise 503 `ERR_DB_UNAVAILABLE`. Neither needs authentication nor says more.
 * Successful probes are logged only at warn level and above, so that they do not flood the logs.
 */
import { Type } from '@sinclair/typebox';
import { pingDatabase } from '../db/ping-database.js';
import type { RoutePlugin } from '../http/app-context.js';
import { ErrorEnvelope } from '../http/error-envelope.js';
import { ServerError } from '../http/server-error.js';

export const HealthStatus = Type.Object(
  { status: Type.Literal('ok') },
  { additionalProperties: false, title: 'HealthStatus' },
);

export const ReadinessStatus = Type.Object(
  { status: Type.Literal('ready') },
  { additionalProperties: false, title: 'ReadinessStatus' },
);

export const registerHealthRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/healthz',
    {
      logLevel: 'warn',
      schema: {
        summary: 'Liveness: the process is up',
        tags: ['health'],
        response: { 200: HealthStatus },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      schema: {
        summary: 'Readiness: the database is reachable',
        tags: ['health'],
        response: { 200: ReadinessStatus, 503: ErrorEnvelope },
      },
    },
    async (request) => {
      const result = await pingDatabase(db);
      if (!result.ok) {
        request.log.warn({ reason: result.reason }, 'database unreachable');
        throw new ServerError('ERR_DB_UNAVAILABLE');
      }
      return { status: 'ready' as const };
    },
  );
};
