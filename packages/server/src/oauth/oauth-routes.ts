/**
 * the OAuth 2.0 authorization server (ADR 0011).
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerOAuthRoutes: RoutePlugin = () => {
  // Routes are added by the implementation.
};
