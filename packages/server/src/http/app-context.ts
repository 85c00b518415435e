/**
 * What every part of the platform is handed: the configuration, the database and the clock, and
 * the typed Fastify instance routes are declared on. A domain's routes are a `RoutePlugin`:
 *
 *   export const registerAccountRoutes: RoutePlugin = (app, context) => {
 *     app.post('/accounts', { schema: { body: CreateAccountBody } }, async (request, reply) => …);
 *   };
 *
 * and one line in `route-modules.ts` mounts it under its prefix.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../config/load-config.js';
import type { Database } from '../db/open-database.js';
import type { KeyStore } from '../keys/key-store.js';
import type { MasterKey } from '../keys/master-key.js';
import type { TypeBoxTypeProvider } from './typebox-type-provider.js';

export interface AppContext {
  readonly config: Config;
  readonly db: Database;
  /** The current time; tests inject a fixed one. */
  readonly clock: () => Date;
  /** The issuer keys, encrypted at rest under the master key (`keys/key-store.ts`). */
  readonly keys: KeyStore;
  /** The master key itself, for other secrets kept encrypted at rest (webhook secrets). */
  readonly masterKey: MasterKey;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Declares a domain's routes on an encapsulated child of the app. */
export type RoutePlugin = (app: App, context: AppContext) => void | Promise<void>;

export interface RouteModule {
  /** Mounted under this path prefix (`''` for the root). */
  readonly prefix: string;
  readonly routes: RoutePlugin;
}
