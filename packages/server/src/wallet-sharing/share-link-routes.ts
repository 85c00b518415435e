/**
 * The learner's share links, under /api/v1 (signed-in session): `POST
 * /wallet/credentials/{id}/share-links` → 201 a new link; `DELETE /wallet/share-links/{id}` → 204
 * (the link stops working at once).
 */
import { Type } from '@sinclair/typebox';
import { requireWalletUser } from './require-wallet-user.js';
import type { RoutePlugin } from '../http/app-context.js';
import { createShareLink, MAX_ACTIVE_SHARE_LINKS, revokeShareLink } from './manage-share-links.js';
import { CredentialParams, ShareLink, ShareLinkParams } from './wallet-sharing-schemas.js';

const TAGS = ['wallet'];

export const registerShareLinkRoutes: RoutePlugin = (app, { db, clock, config }) => {
  app.post(
    '/wallet/credentials/:credentialId/share-links',
    {
      schema: {
        summary: 'Make a share link for a badge of the wallet',
        description: `The link (\`url\`, {PUBLIC_URL}/s/{id} with 128 random bits) shows the badge and its live verification to anyone who has it, whatever the badge's visibility, until revoked. \`linkedinUrl\` is our redirect to LinkedIn "Add to profile" (clicks counted). At most ${String(MAX_ACTIVE_SHARE_LINKS)} active links per badge (409 ERR_WALLET_SHARE_LINK_LIMIT). Another account's or a removed badge: 404.`,
        tags: TAGS,
        operationId: 'createWalletShareLink',
        params: CredentialParams,
        response: { 201: ShareLink },
      },
    },
    async (request, reply) => {
      const user = requireWalletUser(request.actor);
      const link = await createShareLink(
        db,
        config.publicUrl,
        user.userId,
        request.params.credentialId,
        clock(),
      );
      return reply.code(201).send(link);
    },
  );

  app.delete(
    '/wallet/share-links/:shareLinkId',
    {
      schema: {
        summary: 'Revoke a share link (it stops working at once)',
        description: 'Revoking a revoked link again is 204 too. Another account’s link: 404.',
        tags: TAGS,
        operationId: 'revokeWalletShareLink',
        params: ShareLinkParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const user = requireWalletUser(request.actor);
      await revokeShareLink(db, user.userId, request.params.shareLinkId, clock());
      return reply.code(204).send(null);
    },
  );
};
