/**
 * The learner's public profile settings, under /api/v1 (signed-in session): `GET /wallet/profile`
 * (the saved settings, or suggestions) and `PUT /wallet/profile`.
 */
import type { RoutePlugin } from '../http/app-context.js';
import { originOf } from '../policy/command-origin.js';
import { putWalletProfile, readWalletProfile } from './manage-profile.js';
import { requireWalletUser } from './require-wallet-user.js';
import { PutProfileBody, WalletProfile } from './wallet-sharing-schemas.js';

const TAGS = ['wallet'];

export const registerProfileRoutes: RoutePlugin = (app, { db, clock, config }) => {
  app.get(
    '/wallet/profile',
    {
      schema: {
        summary: "The signed-in learner's public profile settings",
        description:
          'Before a profile is saved (`saved: false`) the answer holds suggestions: disabled, the account’s display name, a free slug.',
        tags: TAGS,
        operationId: 'getWalletProfile',
        response: { 200: WalletProfile },
      },
    },
    async (request) => {
      const user = requireWalletUser(request.actor);
      return readWalletProfile(db, config.publicUrl, user.userId);
    },
  );

  app.put(
    '/wallet/profile',
    {
      schema: {
        summary: 'Save the public profile settings (audited as wallet.profile-update)',
        description:
          '`enabled: true` publishes {PUBLIC_URL}/p/{slug} with the public badges and public collections. Names are kept exactly as typed. A slug another account uses: 409 ERR_WALLET_PROFILE_SLUG_TAKEN; a reserved word (admin, api, wallet, settings…): 400 ERR_WALLET_PROFILE_SLUG_RESERVED. Omitted optional names are cleared.',
        tags: TAGS,
        operationId: 'putWalletProfile',
        body: PutProfileBody,
        response: { 200: WalletProfile },
      },
    },
    async (request) => {
      const user = requireWalletUser(request.actor);
      return putWalletProfile(
        db,
        config.publicUrl,
        user.userId,
        request.body,
        originOf(request, clock),
      );
    },
  );
};
