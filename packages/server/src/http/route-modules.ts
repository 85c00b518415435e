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
import { registerPublicOrganisationRoutes } from '../organisations/public-organisation-routes.js';
import { registerAccounts } from '../accounts/register-accounts.js';
import { registerMailRoutes } from '../mail/mail-routes.js';
import { registerSetupRoutes } from '../setup/setup-routes.js';
import { registerIssuerRoutes } from '../issuers/issuer-routes.js';
import { registerPublicIssuerRoutes } from '../issuers/public-issuer-routes.js';
import { registerAchievementRoutes } from '../achievements/achievement-routes.js';
import { registerPublicAchievementRoutes } from '../achievements/public-achievement-routes.js';
import { registerStatusListRoutes } from '../status-lists/status-list-routes.js';
import { registerAwardRoutes } from '../awards/award-routes.js';
import { registerPublicAwardRoutes } from '../awards/public-award-routes.js';
import { createBulkJobRoutes } from '../bulk/bulk-job-routes.js';
import {
  createBulkAwardProcessor,
  createBulkJobCompletedHook,
} from '../awards/bulk-award-processor.js';
import { registerWebhookRoutes } from '../webhooks/webhook-routes.js';
import { registerNotificationRoutes } from '../notifications/notification-routes.js';
import { registerBadgePageRoutes } from '../badge-pages/badge-page-routes.js';
import { registerVcApiRoutes } from '../vc-api/vc-api-routes.js';
import { registerWebApp } from '@akashi/web';
import { registerVerificationRoutes } from '../verification/verification-routes.js';
import { registerAnalyticsRoutes } from '../analytics/analytics-routes.js';
import { registerWalletRoutes } from '../wallet/wallet-routes.js';
import { registerWalletClaimRoutes } from '../wallet-claims/wallet-claim-routes.js';
import { registerWalletSharingRoutes } from '../wallet-sharing/wallet-sharing-routes.js';
import { registerOAuthRoutes } from '../oauth/oauth-routes.js';
import { registerOb3ApiRoutes } from '../ob3-api/ob3-api-routes.js';
import { registerBadgeConnectRoutes } from '../badge-connect/badge-connect-routes.js';
import { registerWalletConnectionRoutes } from '../wallet-connections/wallet-connection-routes.js';
import { registerWalletDeliveryRoutes } from '../wallet-delivery/wallet-delivery-routes.js';
import { registerOid4vciRoutes } from '../oid4vci/oid4vci-routes.js';
import type { RouteModule } from './app-context.js';

export const ROUTE_MODULES: readonly RouteModule[] = [
  { prefix: '', routes: registerHealthRoutes },
  { prefix: '/api/v1', routes: registerAuditRoutes },
  { prefix: '/api/v1', routes: registerApplicationRoutes },
  { prefix: '/api/v1', routes: registerOrganisationRoutes },
  { prefix: '/api/v1', routes: registerPublicOrganisationRoutes },
  { prefix: '/api/v1', routes: registerDepartmentRoutes },
  { prefix: '/api/v1', routes: registerMemberRoutes },
  { prefix: '/api/v1', routes: registerApiKeyRoutes },
  { prefix: '/api/v1', routes: registerAccounts },
  { prefix: '/api/v1', routes: registerSetupRoutes },
  { prefix: '/api/v1', routes: registerMailRoutes },
  { prefix: '/api/v1', routes: registerIssuerRoutes },
  { prefix: '', routes: registerPublicIssuerRoutes },
  { prefix: '/api/v1', routes: registerAchievementRoutes },
  { prefix: '', routes: registerPublicAchievementRoutes },
  { prefix: '', routes: registerStatusListRoutes },
  { prefix: '/api/v1', routes: registerAwardRoutes },
  { prefix: '', routes: registerPublicAwardRoutes },
  {
    prefix: '/api/v1',
    // Bulk jobs issue through the awards domain; the runner starts with the app.
    routes: createBulkJobRoutes({
      createProcessor: createBulkAwardProcessor,
      createOnJobCompleted: createBulkJobCompletedHook,
    }),
  },
  { prefix: '/api/v1', routes: registerWebhookRoutes },
  { prefix: '/api/v1', routes: registerNotificationRoutes },
  { prefix: '', routes: registerBadgePageRoutes },
  { prefix: '', routes: registerVcApiRoutes },
  { prefix: '/api/v1', routes: registerVerificationRoutes },
  { prefix: '/api/v1', routes: registerAnalyticsRoutes },
  { prefix: '/api/v1', routes: registerWalletRoutes },
  { prefix: '/api/v1', routes: registerWalletClaimRoutes },
  { prefix: '/api/v1', routes: registerWalletSharingRoutes },
  // The ecosystem (ADR 0011): OAuth, the Open Badges APIs, external hosts and wallets.
  { prefix: '', routes: registerOAuthRoutes },
  { prefix: '', routes: registerOb3ApiRoutes },
  { prefix: '', routes: registerBadgeConnectRoutes },
  { prefix: '/api/v1', routes: registerWalletConnectionRoutes },
  { prefix: '', routes: registerWalletDeliveryRoutes },
  { prefix: '', routes: registerOid4vciRoutes },
  // The web app's pages: a client of the routes above, called in process.
  {
    prefix: '',
    routes: (app, context) =>
      registerWebApp(app, { root: app, publicUrl: context.config.publicUrl }),
  },
];
