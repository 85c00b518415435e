/**
 * The learner's wallet pages (ADR 0010).
 */
import type { WebModule } from '../kit/web-module.js';

export const registerWalletPages: WebModule = () => {
  // Pages are added by the implementation.
};
