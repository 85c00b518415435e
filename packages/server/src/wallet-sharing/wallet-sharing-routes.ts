/**
 * Collections, share links, the public profile and their public read side (ADR 0010).
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerWalletSharingRoutes: RoutePlugin = () => {
  // Routes are added by the implementation.
};
