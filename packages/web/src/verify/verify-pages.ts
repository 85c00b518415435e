import type { WebModule } from '../kit/web-module.js';

/** Stub: the verify pages are being written. */
export const registerVerifyPages: WebModule = () => undefined;
