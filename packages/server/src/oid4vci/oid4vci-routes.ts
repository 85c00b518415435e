/**
 * OpenID for Verifiable Credential Issuance (ADR 0011).
 */
import type { RoutePlugin } from '../http/app-context.js';

export const registerOid4vciRoutes: RoutePlugin = () => {
  // Routes are added by the implementation.
};
