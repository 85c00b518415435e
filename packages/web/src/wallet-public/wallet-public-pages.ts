/**
 * The wallet's public pages: share links `/s/{id}` and public profiles `/p/{slug}` (ADR 0010).
 */
import type { WebModule } from '../kit/web-module.js';

export const registerWalletPublicPages: WebModule = () => {
  // Pages are added by the implementation.
};
