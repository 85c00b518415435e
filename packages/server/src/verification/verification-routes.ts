import type { RoutePlugin } from '../http/app-context.js';

/** Stub: `POST /api/v1/verify` is being written. */
export const registerVerificationRoutes: RoutePlugin = () => undefined;
