/**
 * The OAuth pages (ADR 0011): the consent screen at /oauth/authorize, and the list of
 * applications the account allowed at /account/connected-apps.
 */
import type { WebModule } from '../kit/web-module.js';
import { registerAuthorizePage } from './oauth-authorize-page.js';
import { registerConnectedAppsPage } from './oauth-connected-apps-page.js';

export const registerOAuthPages: WebModule = (app, web) => {
  registerAuthorizePage(app, web);
  registerConnectedAppsPage(app, web);
};
