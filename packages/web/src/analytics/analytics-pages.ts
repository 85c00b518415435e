import type { WebModule } from '../kit/web-module.js';

/** Stub: the analytics pages are being written. */
export const registerAnalyticsPages: WebModule = () => undefined;
