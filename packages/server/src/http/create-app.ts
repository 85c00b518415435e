/**
 * Builds the platform's HTTP application: a Fastify instance with request ids, JSON logs, the one
 * error envelope, validation of every request against its route's TypeBox schemas, security
 * headers, a body size limit, the OpenAPI document, and every domain's routes. Nothing listens:
 * tests call `app.inject()`, `startServer` calls `app.listen()`.
 */
import { sendNotFoundPage } from '@akashi/web';
import { fastify, LogController, type FastifyRequest } from 'fastify';
import type { Config, TrustProxy } from '../config/load-config.js';
import type { Database } from '../db/open-database.js';
import { installAuthentication } from '../auth/install-authentication.js';
import { installOpenApi } from '../openapi/install-openapi.js';
import { createKeyStore } from '../keys/key-store.js';
import type { MasterKey } from '../keys/master-key.js';
import type { App, AppContext, RouteModule } from './app-context.js';
import { createRequestIdGenerator } from './generate-request-id.js';
import { buildLoggerOptions, type LogDestination } from './logger-options.js';
import { ROUTE_MODULES } from './route-modules.js';
import { installSecurityHeaders } from './security-headers.js';
import { sendError } from './send-error.js';
import { ServerError } from './server-error.js';
import type { TypeBoxTypeProvider } from './typebox-type-provider.js';
import { installRequestValidation } from './validate-request.js';

export interface CreateAppOptions {
  readonly config: Config;
  readonly db: Database;
  /** The key that encrypts the issuer keys at rest (`keys/load-master-key.ts`). */
  readonly masterKey: MasterKey;
  /**
   * Logging: `false` for none; a destination to receive the JSON lines (tests); by default they
   * go to standard output at `config.logLevel`.
   */
  readonly logger?: false | { readonly destination: LogDestination };
  /** The clock handed to the domains (default: the system clock). */
  readonly clock?: () => Date;
  /** The domains' routes (default: all of them). */
  readonly routes?: readonly RouteModule[];
}

/** Fastify's form of the setting: a hop count becomes the function proxy-addr would make of it. */
const toFastifyTrustProxy = (
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) => {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return typeof trust === 'boolean' ? trust : [...trust];
};

/** A browser asking for a page (not the API, not a JSON client): it gets an HTML 404. */
const wantsPage = (request: FastifyRequest): boolean =>
  !request.url.startsWith('/api/') &&
  (request.method === 'GET' || request.method === 'HEAD') &&
  (request.headers.accept ?? '').includes('text/html');

/** Requests that take longer than this (to receive and answer) are cut off. */
export const REQUEST_TIMEOUT_MS = 60_000;

export const createApp = ({
  config,
  db,
  masterKey,
  logger,
  clock = () => new Date(),
  routes = ROUTE_MODULES,
}: CreateAppOptions): App => {
  const app = fastify({
    logger:
      logger === false
        ? false
        : buildLoggerOptions(
            config.logLevel,
            logger === undefined ? undefined : logger.destination,
          ),
    requestIdHeader: false,
    genReqId: createRequestIdGenerator(config.trustProxy !== false),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.bodyLimit,
    trustProxy: toFastifyTrustProxy(config.trustProxy),
    requestTimeout: REQUEST_TIMEOUT_MS,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // During shutdown, requests get the envelope (ERR_SERVER_SHUTTING_DOWN) from the hook below.
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const keys = createKeyStore({ db, masterKey, clock });
  const context: AppContext = { config, db, clock, keys, masterKey };

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    return Promise.resolve();
  });
  app.addHook('onRequest', async () => {
    if (closing) throw new ServerError('ERR_SERVER_SHUTTING_DOWN');
    return Promise.resolve();
  });

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    wantsPage(request)
      ? sendNotFoundPage(app, config.publicUrl, request, reply)
      : sendError(new ServerError('ERR_HTTP_NOT_FOUND'), request, reply),
  );
  // JSON is the only body the API takes by default; a route that takes another type adds its
  // parser in its own plugin. Anything else is 415 ERR_HTTP_UNSUPPORTED_MEDIA_TYPE.
  app.removeContentTypeParser('text/plain');
  installSecurityHeaders(app, { hsts: config.publicUrl.startsWith('https:') });
  installRequestValidation(app);
  installAuthentication(app, context);
  installOpenApi(app, { publicUrl: config.publicUrl });

  for (const { prefix, routes: register } of routes) {
    void app.register(
      async (child) => {
        await register(child, context);
      },
      { prefix },
    );
  }
  return app;
};
