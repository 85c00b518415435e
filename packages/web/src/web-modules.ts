/**
 * Every group of pages. A new group adds one line.
 */
import type { WebModule } from './kit/web-module.js';
import { registerHomePages } from './home/home-pages.js';
import { registerAccountPages } from './account/account-pages.js';
import { registerOperatorPages } from './operator/operator-pages.js';
import { registerOrganisationConsolePages } from './console-org/console-org-pages.js';
import { registerAchievementPages } from './achievements/achievements-pages.js';
import { registerAwardPages } from './awards/awards-pages.js';
import { registerBulkPages } from './bulk/bulk-pages.js';
import { registerVerifyPages } from './verify/verify-pages.js';
import { registerAnalyticsPages } from './analytics/analytics-pages.js';
import { registerWalletPages } from './wallet/wallet-pages.js';
import { registerWalletPublicPages } from './wallet-public/wallet-public-pages.js';
import { registerOAuthPages } from './oauth/oauth-pages.js';
import { registerWalletConnectionPages } from './wallet-connections/wallet-connections-pages.js';
import { registerWalletDeliveryPages } from './wallet-delivery/wallet-delivery-pages.js';

export const WEB_MODULES: readonly WebModule[] = [
  registerHomePages,
  registerAccountPages,
  registerOperatorPages,
  registerOrganisationConsolePages,
  registerAchievementPages,
  registerAwardPages,
  registerBulkPages,
  registerVerifyPages,
  registerAnalyticsPages,
  registerWalletPages,
  registerWalletPublicPages,
  registerOAuthPages,
  registerWalletConnectionPages,
  registerWalletDeliveryPages,
];
