/**
 * `GET /badges/:awardId` (mounted at the root): the award's public page for people, its OB 3.0
 * credential for machines. Content negotiation as for every public document
 * (`http/content-negotiation.ts`): browsers get the HTML page in Japanese or English (by
 * Accept-Language, or `?lang=ja|en`); JSON types, and clients that name none, get the credential
 * exactly as `/badges/:awardId/credential.json` serves it. An unknown or malformed id is a 404:
 * a page for browsers, the error envelope for the others.
 *
 * The page verifies the credential live with the core verifier, in process
 * (`verify-own-award.ts`), and answers the "confirm the recipient" form, a plain GET
 * (`?email=…`, no script, no cookie needed; rate-limited, `confirm-recipient.ts`). No sign-in:
 * the random award id is the capability, as with every Open Badges host.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { recordVerification } from '../analytics/record-verification.js';
import { ANY_SESSION_STATE } from '../auth/session-rules.js';
import { readAward, type Award } from '../awards/award.js';
import { awardUrl } from '../awards/build-award-documents.js';
import type { RoutePlugin } from '../http/app-context.js';
import { prefersHtml, sendPublicJson } from '../http/content-negotiation.js';
import { pickPageLanguage } from '@akashi/web';
import type { Language } from '../http/pick-language.js';
import { isServerError } from '../http/server-error.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { computeAwardLiveStatus } from './award-live-status.js';
import { BADGE_PAGE_CONTENT_SECURITY_POLICY } from './badge-page-style.js';
import { confirmRecipient } from './confirm-recipient.js';
import { loadBadgePageFacts } from './load-badge-page.js';
import { renderBadgeNotFoundPage, renderBadgePage } from './render-badge-page.js';
import type { RecipientConfirmation } from './render-badge-sections.js';
import { createOwnAwardVerifier, type CreateOwnAwardVerifierOptions } from './verify-own-award.js';

const BadgeParams = Type.Object(
  { awardId: Type.String({ description: 'The award id (a UUID).' }) },
  { additionalProperties: false },
);

const BadgeQuery = Type.Object(
  {
    lang: Type.Optional(Type.String({ maxLength: 16, description: '`ja` or `en`.' })),
    email: Type.Optional(
      Type.String({ maxLength: 2000, description: 'An e-mail address to check the recipient.' }),
    ),
  },
  // Shared links carry tracking parameters (utm_source…): they are ignored, not refused.
  { additionalProperties: true },
);

/**
 * `?lang=` when it names a language we have, else the language the web app's switch chose (its
 * cookie), else the browser's preference.
 */
export const pickBadgePageLanguage = (
  lang: string | undefined,
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): Language => pickPageLanguage({ query: lang, cookieHeader, acceptLanguage });

const sendPage = (reply: FastifyReply, html: string): FastifyReply =>
  reply
    .type('text/html; charset=utf-8')
    .header('vary', 'accept, accept-language')
    .header('content-security-policy', BADGE_PAGE_CONTENT_SECURITY_POLICY)
    .header('cache-control', 'no-store')
    .send(html);

export const createBadgePageRoutes =
  (options: CreateOwnAwardVerifierOptions = {}): RoutePlugin =>
  (app, context) => {
    const { db, config } = context;
    const verifier = createOwnAwardVerifier(app, context, options);

    app.get(
      '/badges/:awardId',
      {
        config: ANY_SESSION_STATE,
        schema: { hide: true, params: BadgeParams, querystring: BadgeQuery },
      },
      async (request, reply) => {
        await authorizeRequest(db, request.actor, 'org.list-public', {});
        const html = prefersHtml(request.headers.accept);
        const language = pickBadgePageLanguage(
          request.query.lang,
          request.headers.cookie,
          request.headers['accept-language'],
        );
        let award: Award;
        try {
          award = await readAward(db, request.params.awardId);
        } catch (error) {
          if (html && isServerError(error) && error.code === 'ERR_AWARD_NOT_FOUND') {
            return sendPage(
              reply.code(404),
              renderBadgeNotFoundPage(language, config.publicUrl, request.params.awardId),
            );
          }
          throw error;
        }
        if (!html) {
          return sendPublicJson(reply, award.credential, request.headers.accept);
        }

        let confirmation: RecipientConfirmation | undefined;
        if (request.query.email !== undefined) {
          const check = await confirmRecipient(db, {
            award,
            email: request.query.email,
            client: request.ip,
            now: context.clock(),
          });
          if (check.kind === 'refused') {
            void reply.code(check.error.status);
            if (check.retryAfterSeconds !== undefined) {
              void reply.header('retry-after', String(check.retryAfterSeconds));
            }
            confirmation = { kind: 'refused', message: check.error.localized[language] };
          } else {
            confirmation = check;
          }
        }

        const facts = await loadBadgePageFacts(db, award, language);
        const verifiedAt = context.clock().toISOString();
        let verification;
        try {
          verification = await verifier.verify(award);
          await recordVerification(
            context,
            { credentialId: awardUrl(config.publicUrl, award.id), source: 'badge-page' },
            request.log,
          );
        } catch (error) {
          request.log.error({ err: error, awardId: award.id }, 'badge page verification failed');
          verification = undefined;
        }
        return sendPage(
          reply,
          renderBadgePage({
            language,
            publicUrl: config.publicUrl,
            award,
            facts,
            status: computeAwardLiveStatus(award, context.clock()),
            verification,
            verifiedAt,
            confirmation,
          }),
        );
      },
    );
  };

export const registerBadgePageRoutes: RoutePlugin = createBadgePageRoutes();
