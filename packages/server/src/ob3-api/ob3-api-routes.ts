/**
 * the Open Badges 3.0 API (this platform as the host) (ADR 0011).
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerOb3ApiRoutes: RoutePlugin = () => {
  // Routes are added by the implementation.
};
