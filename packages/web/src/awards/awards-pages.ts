import type { WebModule } from '../kit/web-module.js';

/** Stub: the awards pages are being written. */
export const registerAwardPages: WebModule = () => undefined;
