/**
 * The account pages: signing in and out (with a second factor or a passkey), signing up and
 * confirming the e-mail address, resetting a forgotten password, the first-run operator set-up,
 * and the signed-in user's settings (profile, password, two-step verification, passkeys, further
 * e-mail addresses, deleting the account).
 */
import { openPage, redirectTo } from '../kit/page.js';
import { PAGE_ROUTE, type WebModule } from '../kit/web-module.js';
import { registerAccountDeletePages } from './account-delete-pages.js';
import { registerAccountEmailsPages } from './account-emails-pages.js';
import { registerAccountSettingsPages } from './account-settings-pages.js';
import { registerPasswordResetPages } from './password-reset-pages.js';
import { registerSecurityPages } from './security-pages.js';
import { registerSetupPages } from './setup-pages.js';
import { registerSignInPages } from './sign-in-pages.js';
import { registerSignUpPages } from './sign-up-pages.js';

/**
 * Addresses that only take a form's POST, and where a GET (the language switch on a page that
 * answered the form, a reload after it) goes instead.
 */
const POST_ONLY: readonly (readonly [string, string])[] = [
  ['/sign-out', '/'],
  ['/account/profile', '/account'],
  ['/account/password', '/account'],
  ['/account/security/totp', '/account/security'],
  ['/account/security/totp/confirm', '/account/security'],
  ['/account/security/totp/disable', '/account/security'],
];

export const registerAccountPages: WebModule = (app, web) => {
  for (const [path, target] of POST_ONLY) {
    app.get(path, PAGE_ROUTE, async (request, reply) =>
      redirectTo(await openPage(web, request, reply), target),
    );
  }
  registerSignInPages(app, web);
  registerSignUpPages(app, web);
  registerPasswordResetPages(app, web);
  registerSetupPages(app, web);
  registerAccountSettingsPages(app, web);
  registerSecurityPages(app, web);
  registerAccountEmailsPages(app, web);
  registerAccountDeletePages(app, web);
};
