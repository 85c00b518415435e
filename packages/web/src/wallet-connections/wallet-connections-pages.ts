/**
 * The wallet's connections to other Open Badges hosts (ADR 0011).
 */
import type { WebModule } from '../kit/web-module.js';

export const registerWalletConnectionPages: WebModule = () => {
  // Pages are added by the implementation.
};
