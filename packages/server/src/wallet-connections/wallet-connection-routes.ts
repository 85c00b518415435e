/**
 * the wallet's connections to other Open Badges hosts (ADR 0011).
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerWalletConnectionRoutes: RoutePlugin = () => {
  // Routes are added by the implementation.
};
