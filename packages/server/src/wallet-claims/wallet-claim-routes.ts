/**
 * Claim links, further e-mail addresses of an account, matching awards to them, and deleting an
 * account (ADR 0010).
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerWalletClaimRoutes: RoutePlugin = () => {
  // Routes are added by the implementation.
};
