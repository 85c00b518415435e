/**
 * Every domain's routes and where they are mounted. A new domain adds one line. (The OpenAPI
 * document and docs page are mounted by `createApp` itself: they describe all of these.)
 */
import { registerAuditRoutes } from '../audit/audit-routes.js';
import { registerHealthRoutes } from '../health/health-routes.js';
import { registerApiKeyRoutes } from '../api-keys/api-key-routes.js';
import { registerDepartmentRoutes } from '../departments/department-routes.js';
import { registerMemberRoutes } from '../memberships/member-routes.js';
import { registerApplicationRoutes } from '../organisations/application-routes.js';
import { registerOrganisationRoutes } from '../organisations/organisation-routes.js';
import {
  registerOrganisationsPage,
  registerPublicOrganisationRoutes,
} from '../organisations/public-organisation-routes.js';
import { registerAccounts } from '../accounts/register-accounts.js';
import { registerMailRoutes } from '../mail/mail-routes.js';
import { registerSetupPage } from '../setup/setup-page.js';
import { registerSetupRoutes } from '../setup/setup-routes.js';
import type { RouteModule } from './app-context.js';

export const ROUTE_MODULES: readonly RouteModule[] = [
  { prefix: '', routes: registerHealthRoutes },
  { prefix: '/api/v1', routes: registerAuditRoutes },
  { prefix: '/api/v1', routes: registerApplicationRoutes },
  { prefix: '/api/v1', routes: registerOrganisationRoutes },
  { prefix: '/api/v1', routes: registerPublicOrganisationRoutes },
  { prefix: '', routes: registerOrganisationsPage },
  { prefix: '/api/v1', routes: registerDepartmentRoutes },
  { prefix: '/api/v1', routes: registerMemberRoutes },
  { prefix: '/api/v1', routes: registerApiKeyRoutes },
  { prefix: '/api/v1', routes: registerAccounts },
  { prefix: '/api/v1', routes: registerSetupRoutes },
  { prefix: '', routes: registerSetupPage },
  { prefix: '/api/v1', routes: registerMailRoutes },
];
