/**
 * The OAuth 2.0 authorization server (ADR 0011), mounted at the root: the protocol endpoints
 * (`protocol-routes.ts`: metadata, registration, token, revocation; OAuth's error format), and
 * the platform API under full `/api/v1/…` paths (`authorization-routes.ts`: the consent page's
 * authorization requests; `grant-routes.ts`: the account's grants; the platform's error
 * envelope). Each lives in its own encapsulated plugin, so the form parser and the OAuth error
 * handler stay with the protocol endpoints.
 */
import type { RoutePlugin } from '../http/app-context.js';
import { registerAuthorizationRoutes } from './authorization-routes.js';
import { registerGrantRoutes } from './grant-routes.js';
import { createProtocolRoutes, type ProtocolRoutesOptions } from './protocol-routes.js';

export const createOAuthRoutes =
  (options: ProtocolRoutesOptions = {}): RoutePlugin =>
  async (app, context) => {
    await app.register(async (child) => {
      await createProtocolRoutes(options)(child, context);
    });
    await app.register(async (child) => {
      await registerAuthorizationRoutes(child, context);
      await registerGrantRoutes(child, context);
    });
  };

export const registerOAuthRoutes: RoutePlugin = createOAuthRoutes();
