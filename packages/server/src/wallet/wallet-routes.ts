/**
 * The wallet's badges (ADR 0010): imports, list, detail, re-check, downloads, export.
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerWalletRoutes: RoutePlugin = () => {
  // Routes are added by the wallet's implementation.
};
