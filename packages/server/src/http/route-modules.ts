/**
 * Every domain's routes and where they are mounted. A new domain adds one line. (The OpenAPI
 * document and docs page are mounted by `createApp` itself: they describe all of these.)
 */
import { registerHealthRoutes } from '../health/health-routes.js';
import type { RouteModule } from './app-context.js';

export const ROUTE_MODULES: readonly RouteModule[] = [{ prefix: '', routes: registerHealthRoutes }];
