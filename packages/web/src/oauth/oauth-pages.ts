/**
 * The OAuth consent page /oauth/authorize (ADR 0011).
 */
import type { WebModule } from '../kit/web-module.js';

export const registerOAuthPages: WebModule = () => {
  // Pages are added by the implementation.
};
