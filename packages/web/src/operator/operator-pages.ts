import type { WebModule } from '../kit/web-module.js';

/** Stub: the operator pages are being written. */
export const registerOperatorPages: WebModule = () => undefined;
