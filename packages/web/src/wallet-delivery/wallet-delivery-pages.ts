/**
 * Sending an award to a wallet app (LCW, VC-API, OpenID4VCI) (ADR 0011).
 */
import type { WebModule } from '../kit/web-module.js';

export const registerWalletDeliveryPages: WebModule = () => {
  // Pages are added by the implementation.
};
