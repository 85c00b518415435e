/**
 * The issuer console's entry and the organisation's administration: `/console` (choose an
 * organisation), and under `/console/{org}/`: settings and issuer profiles, departments, members,
 * API keys and the audit log.
 */
import type { WebModule } from '../kit/web-module.js';
import { registerApiKeysPage } from './api-keys-page.js';
import { registerAuditPage } from './audit-page.js';
import { registerChooserPage } from './chooser-page.js';
import { registerDepartmentsPage } from './departments-page.js';
import { registerIssuerProfilePage } from './issuer-profile-page.js';
import { registerMembersPage } from './members-page.js';
import { registerSettingsPage } from './settings-page.js';

export const registerOrganisationConsolePages: WebModule = (app, web) => {
  registerChooserPage(app, web);
  registerSettingsPage(app, web);
  registerIssuerProfilePage(app, web);
  registerDepartmentsPage(app, web);
  registerMembersPage(app, web);
  registerApiKeysPage(app, web);
  registerAuditPage(app, web);
};
