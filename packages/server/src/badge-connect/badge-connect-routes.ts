/**
 * Open Badges 2.1 Badge Connect (a backpack for Moodle) (ADR 0011).
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerBadgeConnectRoutes: RoutePlugin = () => {
  // Routes are added by the implementation.
};
