/**
 * Every migration, in the order they run. Kysely's Migrator takes them from here (no scanning of
 * the file system, so the build output needs nothing beside the compiled code).
 *
 * To change the schema, add a file `migrations/NNNN-what.ts` exporting `up(db)` and one line
 * below, with the next number. Never edit or reorder a migration that has been released: add a
 * new one. Migrations run forward only, all pending ones in one transaction.
 */
import type { Migration } from 'kysely';
import * as instance from './migrations/0001-instance.js';
import * as accountsOrganisations from './migrations/0002-accounts-organisations.js';
import * as accountSecurity from './migrations/0003-account-security.js';
import * as issuerKeys from './migrations/0004-issuer-keys.js';
import * as images from './migrations/0005-images.js';
import * as issuerProfiles from './migrations/0006-issuer-profiles.js';
import * as achievements from './migrations/0007-achievements.js';
import * as statusLists from './migrations/0008-status-lists.js';
import * as awards from './migrations/0009-awards.js';
import * as bulkJobs from './migrations/0010-bulk-jobs.js';
import * as webhooks from './migrations/0011-webhooks.js';
import * as notifications from './migrations/0012-notifications.js';
import * as vcApiCredentials from './migrations/0013-vc-api-credentials.js';
import * as analytics from './migrations/0014-analytics.js';
import * as wallet from './migrations/0015-wallet.js';
import * as oauthAndExchanges from './migrations/0016-oauth-and-exchanges.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-instance': instance,
  '0002-accounts-organisations': accountsOrganisations,
  '0003-account-security': accountSecurity,
  '0004-issuer-keys': issuerKeys,
  '0005-images': images,
  '0006-issuer-profiles': issuerProfiles,
  '0007-achievements': achievements,
  '0008-status-lists': statusLists,
  '0009-awards': awards,
  '0010-bulk-jobs': bulkJobs,
  '0011-webhooks': webhooks,
  '0012-notifications': notifications,
  '0013-vc-api-credentials': vcApiCredentials,
  '0014-analytics': analytics,
  '0015-wallet': wallet,
  '0016-oauth-and-exchanges': oauthAndExchanges,
};
