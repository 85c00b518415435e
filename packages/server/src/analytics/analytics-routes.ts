import type { RoutePlugin } from '../http/app-context.js';

/** Stub: the analytics routes are being written. */
export const registerAnalyticsRoutes: RoutePlugin = () => undefined;
