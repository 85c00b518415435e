/**
 * handing awards to external wallets (LCW request links, VC-API exchanges) (ADR 0011).
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerWalletDeliveryRoutes: RoutePlugin = () => {
  // Routes are added by the implementation.
};
