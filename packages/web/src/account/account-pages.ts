import type { WebModule } from '../kit/web-module.js';

/** Stub: the account pages are being written. */
export const registerAccountPages: WebModule = () => undefined;
