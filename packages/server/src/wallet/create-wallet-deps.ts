/**
 * What every route that puts badges into a wallet needs (the wallet's own routes, the Open Badges
 * 3.0 API, Badge Connect, connections to other hosts): the database and clock, the platform's
 * verifier, the re-check period, and the card-image localiser — with the same outbound fetcher
 * (`fetchRemote` in tests, else the platform's guarded fetcher).
 */
import type { FetchDocument } from '@akashi/core';
import { DEFAULT_WALLET_RECHECK_HOURS } from '../config/load-config.js';
import type { App, AppContext } from '../http/app-context.js';
import {
  createPlatformFetchRemote,
  createPlatformVerifier,
} from '../verification/platform-verifier.js';
import type { WalletDeps } from './import-wallet-credential.js';
import { createCardImageLocaliser } from './localise-card-image.js';

export const createWalletDeps = (
  app: App,
  context: AppContext,
  fetchRemote?: FetchDocument,
): WalletDeps => ({
  db: context.db,
  verifier: createPlatformVerifier(app, context, fetchRemote === undefined ? {} : { fetchRemote }),
  clock: context.clock,
  recheckHours: context.config.walletRecheckHours ?? DEFAULT_WALLET_RECHECK_HOURS,
  localiseImage: createCardImageLocaliser(
    createPlatformFetchRemote(context, fetchRemote),
    context.config.publicUrl,
  ),
});
