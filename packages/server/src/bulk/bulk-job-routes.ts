/**
 * (being written)
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerBulkJobRoutes: RoutePlugin = () => {};
