/**
 * The public read side of sharing, under /api/v1 (no sign-in; any session state):
 *
 * - `GET /public/share-links/{id}`: the shared badge, its live verification, its holder's public
 *   name and the LinkedIn fields; counts a view;
 * - `POST /public/share-links/{id}/linkedin`: the LinkedIn "Add to profile" URL; counts a click;
 * - `GET /public/profiles/{slug}`: an enabled profile with its public badges and collections;
 * - `GET /public/profiles/{slug}/credentials/{id}`: one badge the profile shows, like a share link.
 *
 * Each client address may make `perClient` requests (default 60 a minute) over all of them: a
 * badge page verifies live, which can fetch documents.
 */
import type { BadgeVerifier } from '@akashi/core';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import { ANY_SESSION_STATE } from '../auth/session-rules.js';
import type { RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { buildLinkedInAddToProfileUrl } from './linkedin-add-to-profile.js';
import { shareLinkUrl } from './manage-share-links.js';
import { presentSharedCredential, readLinkedInFields } from './present-shared-credential.js';
import {
  countLinkedInClick,
  countShareLinkView,
  profileUrl,
  readLiveShareLink,
  readProfileCredential,
  readPublicProfile,
} from './read-public-sharing.js';
import {
  LinkedInRedirect,
  ProfileCredentialParams,
  ProfileParams,
  PublicProfile,
  PublicProfileCredential,
  PublicShareLink,
  ShareLinkParams,
} from './wallet-sharing-schemas.js';

/** One client address: 60 public sharing requests a minute. */
export const PUBLIC_SHARING_PER_CLIENT: RateLimitRule = { limit: 60, windowMs: 60_000 };

export class PublicSharingRateLimitedError extends ServerError<'ERR_WALLET_PUBLIC_RATE_LIMITED'> {
  constructor(readonly retryAfterSeconds: number) {
    super('ERR_WALLET_PUBLIC_RATE_LIMITED', { params: { seconds: retryAfterSeconds } });
  }
}

const TAGS = ['wallet'];

const RATE_NOTE = `No sign-in. ${String(PUBLIC_SHARING_PER_CLIENT.limit)} requests a minute per client address over the public sharing routes (429 ERR_WALLET_PUBLIC_RATE_LIMITED with Retry-After).`;

export interface PublicSharingRoutesOptions {
  readonly verifier: BadgeVerifier;
  readonly perClient?: RateLimitRule;
}

export const createPublicSharingRoutes =
  (options: PublicSharingRoutesOptions): RoutePlugin =>
  (app, { db, clock, config }) => {
    const { verifier } = options;
    const perClient = options.perClient ?? PUBLIC_SHARING_PER_CLIENT;
    const publicUrl = config.publicUrl;

    const limit = async (ip: string): Promise<void> => {
      const state = await hitRateLimit(db.kysely, `wallet-public:client:${ip}`, perClient, clock());
      if (state.exceeded) throw new PublicSharingRateLimitedError(state.retryAfterSeconds);
    };

    app.get(
      '/public/share-links/:shareLinkId',
      {
        config: ANY_SESSION_STATE,
        schema: {
          summary: 'A shared badge with its live verification (public)',
          description: `The badge (its card and the credential itself), its holder's public profile name (null without an enabled profile; never the e-mail address), the verification run now (not the stored report) and the LinkedIn "Add to profile" fields; counts a view. A revoked or unknown link, or a removed badge: 404 ERR_WALLET_SHARE_LINK_NOT_FOUND. ${RATE_NOTE}`,
          tags: TAGS,
          operationId: 'getPublicShareLink',
          params: ShareLinkParams,
          response: { 200: PublicShareLink },
        },
      },
      async (request) => {
        await limit(request.ip);
        const { link, row } = await readLiveShareLink(db, request.params.shareLinkId);
        const url = shareLinkUrl(publicUrl, link.id);
        const parts = await presentSharedCredential(db, verifier, row, {
          publicUrl,
          now: clock(),
          certUrl: url,
          redirectUrl: `${url}/linkedin`,
        });
        await countShareLinkView(db, link.id);
        return { shareLink: { id: link.id, url, createdAt: link.created_at }, ...parts };
      },
    );

    app.post(
      '/public/share-links/:shareLinkId/linkedin',
      {
        config: ANY_SESSION_STATE,
        schema: {
          summary: 'The LinkedIn "Add to profile" URL of a shared badge; counts a click (public)',
          description: `The page /s/{id}/linkedin calls this and redirects to \`url\`. A signed-in caller using its session cookie sends its CSRF token like any write. ${RATE_NOTE}`,
          tags: TAGS,
          operationId: 'clickPublicShareLinkLinkedIn',
          params: ShareLinkParams,
          response: { 200: LinkedInRedirect },
        },
      },
      async (request) => {
        await limit(request.ip);
        const { link, row } = await readLiveShareLink(db, request.params.shareLinkId);
        const fields = await readLinkedInFields(db, row, shareLinkUrl(publicUrl, link.id));
        await countLinkedInClick(db, link.id);
        return { url: buildLinkedInAddToProfileUrl(fields) };
      },
    );

    app.get(
      '/public/profiles/:slug',
      {
        config: ANY_SESSION_STATE,
        schema: {
          summary: "A learner's public profile (public)",
          description: `The name exactly as the learner typed it, the headline, the public badges (newest first) and the public collections in order, each with all its badges in order (removed badges never). A disabled or unknown profile: 404 ERR_WALLET_PROFILE_NOT_FOUND. ${RATE_NOTE}`,
          tags: TAGS,
          operationId: 'getPublicWalletProfile',
          params: ProfileParams,
          response: { 200: PublicProfile },
        },
      },
      async (request) => {
        await limit(request.ip);
        return readPublicProfile(db, publicUrl, request.params.slug);
      },
    );

    app.get(
      '/public/profiles/:slug/credentials/:credentialId',
      {
        config: ANY_SESSION_STATE,
        schema: {
          summary: 'A badge shown on a public profile, with its live verification (public)',
          description: `Like a share link, for a badge the profile shows (public itself, or in a public collection); otherwise 404 ERR_WALLET_PROFILE_CREDENTIAL_NOT_FOUND. \`linkedin.url\` is the LinkedIn URL itself. ${RATE_NOTE}`,
          tags: TAGS,
          operationId: 'getPublicWalletProfileCredential',
          params: ProfileCredentialParams,
          response: { 200: PublicProfileCredential },
        },
      },
      async (request) => {
        await limit(request.ip);
        const { profile, row } = await readProfileCredential(
          db,
          request.params.slug,
          request.params.credentialId,
        );
        const page = profileUrl(publicUrl, profile.slug);
        const parts = await presentSharedCredential(db, verifier, row, {
          publicUrl,
          now: clock(),
          certUrl: `${page}/credentials/${encodeURIComponent(row.id)}`,
        });
        return {
          profile: { slug: profile.slug, url: page, displayName: profile.display_name },
          ...parts,
        };
      },
    );
  };
