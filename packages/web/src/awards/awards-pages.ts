/**
 * The awards pages of the issuer console: award one person
 * (`/console/{org}/achievements/{id}/award`), the awards list (`/console/{org}/awards`) and an
 * award's page with its actions (`/console/{org}/awards/{id}`, revoke, suspend, reinstate,
 * re-issue).
 */
import type { WebModule } from '../kit/web-module.js';
import { registerAwardDetailPage } from './award-detail-page.js';
import { registerAwardFormPage } from './award-form-page.js';
import { registerAwardListPage } from './award-list-page.js';

export const registerAwardPages: WebModule = (app, web) => {
  registerAwardFormPage(app, web);
  registerAwardListPage(app, web);
  registerAwardDetailPage(app, web);
};
