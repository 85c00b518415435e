/**
 * The operator group: applying as an organisation (`/apply`), the operator console
 * (`/operator`: the review queue, one application, organisations, the audit log) and the public
 * list of approved organisations (`/organisations`).
 */
import type { WebModule } from '../kit/web-module.js';
import { registerApplyPages } from './apply-pages.js';
import { registerOperatorAuditPage } from './operator-audit-page.js';
import { registerOperatorOrganisationsPage } from './operator-organisations-page.js';
import { registerPublicOrganisationsPage } from './public-organisations-page.js';
import { registerReviewPages } from './review-pages.js';

export const registerOperatorPages: WebModule = (app, web) => {
  registerApplyPages(app, web);
  registerReviewPages(app, web);
  registerOperatorOrganisationsPage(app, web);
  registerOperatorAuditPage(app, web);
  registerPublicOrganisationsPage(app, web);
};
