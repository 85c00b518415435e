import type { WebModule } from '../kit/web-module.js';

/** Stub: the console-org pages are being written. */
export const registerOrganisationConsolePages: WebModule = () => undefined;
