/**
 * The learner's wallet pages (ADR 0010): the badges (`/wallet`, with the ZIP export), adding one
 * (`/wallet/import`), a badge's page and its actions (`/wallet/credentials/{id}`), collections
 * (`/wallet/collections[/{id}]`), the public profile's settings (`/wallet/profile`) and the
 * claim link of an award e-mail (`/wallet/claim/{awardId}`). Every page reads and writes through
 * the wallet API, in process.
 */
import type { WebModule } from '../kit/web-module.js';
import { registerWalletClaimPage } from './wallet-claim-page.js';
import { registerWalletCollectionPage } from './wallet-collection-page.js';
import { registerWalletCollectionsPage } from './wallet-collections-page.js';
import { registerWalletDetailActions } from './wallet-detail-actions.js';
import { registerWalletDetailPage } from './wallet-detail-page.js';
import { registerWalletImportPage } from './wallet-import-page.js';
import { registerWalletListPage } from './wallet-list-page.js';
import { registerWalletProfilePage } from './wallet-profile-page.js';

export const registerWalletPages: WebModule = (app, web) => {
  registerWalletListPage(app, web);
  registerWalletImportPage(app, web);
  registerWalletDetailPage(app, web);
  registerWalletDetailActions(app, web);
  registerWalletCollectionsPage(app, web);
  registerWalletCollectionPage(app, web);
  registerWalletProfilePage(app, web);
  registerWalletClaimPage(app, web);
};
