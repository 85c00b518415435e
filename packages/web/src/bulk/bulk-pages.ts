import type { WebModule } from '../kit/web-module.js';

/** Stub: the bulk pages are being written. */
export const registerBulkPages: WebModule = () => undefined;
