import type { FastifyInstance } from 'fastify';
import './fastify-augment.js';
import type { WebContext } from './page.js';

/**
 * A group of pages: registers its routes on the web app's scope (urlencoded and multipart
 * bodies are parsed there, errors render as pages). Every route should pass `PAGE_ROUTE_CONFIG`.
 */
export type WebModule = (app: FastifyInstance, web: WebContext) => void;

/**
 * Pages serve any session state: a stale cookie is treated as none, and a session that still
 * owes its second factor may load the page (which then sends it to the second-factor step).
 * A form's CSRF token (`_csrf`) is checked by the API, to which the page hands it on as the
 * `x-csrf-token` header with every write: a page writes nothing itself.
 */
export const PAGE_ROUTE_CONFIG = {
  ignoreStaleSession: true,
  allowPendingSecondFactor: true,
  csrfCheckedByApi: true,
} as const;

/** Route options for a page: hidden from the OpenAPI document, any session state. */
export const PAGE_ROUTE = { config: PAGE_ROUTE_CONFIG, schema: { hide: true } } as const;
