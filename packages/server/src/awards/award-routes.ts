/**
 * Awards for staff and API clients, under /api/v1:
 *
 * - `POST /organisations/:organisationId/achievements/:achievementId/awards`: award one person
 *   (201 with the award and its signed credential; 200 when the idempotency key named an earlier
 *   award);
 * - `GET /organisations/:organisationId/awards` (filters, cursor) and `GET …/awards/:awardId`;
 * - `POST …/awards/:awardId/revoke` (reason), `…/suspend` (reason), `…/reinstate`, `…/reissue`.
 *
 * Issuing needs `badge.issue` in the achievement's department (org-wide achievements: org admins
 * and API keys); revoking, suspending, reinstating and re-issuing need `badge.revoke`.
 */
import type { RoutePlugin } from '../http/app-context.js';
import { readAchievement } from '../achievements/achievement.js';
import { ServerError } from '../http/server-error.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import { readOrganisationAward } from './award.js';
import { closeAwardSigningPools } from './award-signing-pools.js';
import {
  AchievementAwardParams,
  AwardBody,
  AwardListQuery,
  AwardPage,
  AwardView,
  AwardWithCredential,
  OrganisationAwardParams,
  OrganisationParams,
  ReasonBody,
  ReissueBody,
  ReissueResult,
} from './award-schemas.js';
import { changeAwardState, type AwardStateChange } from './change-award-state.js';
import { issueAward } from './issue-awards.js';
import { listAwards } from './list-awards.js';
import { presentAward } from './present-award.js';
import { reissueAward } from './reissue-award.js';

const TAGS = ['awards'];

export const registerAwardRoutes: RoutePlugin = (app, context) => {
  const { db, clock, config } = context;
  // The worker threads that sign large batches end with the app.
  app.addHook('onClose', closeAwardSigningPools);

  app.post(
    '/organisations/:organisationId/achievements/:achievementId/awards',
    {
      schema: {
        summary: 'Award an achievement to one person',
        description:
          'Signs an OB 3.0 credential (eddsa-rdfc-2022; also a VC-JWT when the recipient has a DID), gives it a revocation status entry, queues the notification e-mail and the award.issued webhook. Idempotent with idempotencyKey (or externalId).',
        tags: TAGS,
        operationId: 'issueAward',
        params: AchievementAwardParams,
        body: AwardBody,
        response: { 200: AwardWithCredential, 201: AwardWithCredential },
      },
    },
    async (request, reply) => {
      const { organisationId, achievementId } = request.params;
      // Achievements are public documents: reading one first reveals nothing.
      const achievement = await readAchievement(db, achievementId);
      if (achievement.organisationId !== organisationId) {
        throw new ServerError('ERR_ACHIEVEMENT_NOT_FOUND');
      }
      await authorizeRequest(db, request.actor, 'badge.issue', {
        organisationId,
        departmentId: achievement.departmentId,
      });
      const { award, created } = await issueAward(
        context,
        { organisationId, achievementId, input: request.body },
        originOf(request, clock),
      );
      return reply.code(created ? 201 : 200).send({
        award: presentAward(award, config.publicUrl),
        created,
        credential: award.credential,
      });
    },
  );

  app.get(
    '/organisations/:organisationId/awards',
    {
      schema: {
        summary: "List the organisation's awards, newest first",
        tags: TAGS,
        operationId: 'listAwards',
        params: OrganisationParams,
        querystring: AwardListQuery,
        response: { 200: AwardPage },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'badge.read', { organisationId });
      const page = await listAwards(db, organisationId, request.query, clock());
      return {
        awards: page.awards.map((award) => presentAward(award, config.publicUrl)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/organisations/:organisationId/awards/:awardId',
    {
      schema: {
        summary: 'Read an award, with its recipient and links',
        tags: TAGS,
        operationId: 'getAward',
        params: OrganisationAwardParams,
        response: { 200: AwardView },
      },
    },
    async (request) => {
      const { organisationId, awardId } = request.params;
      await authorizeRequest(db, request.actor, 'badge.read', { organisationId });
      return presentAward(
        await readOrganisationAward(db, organisationId, awardId),
        config.publicUrl,
      );
    },
  );

  const stateRoute = (change: AwardStateChange, summary: string, withReason: boolean) => {
    app.post(
      `/organisations/:organisationId/awards/:awardId/${change}`,
      {
        schema: {
          summary,
          tags: TAGS,
          operationId: `${change}Award`,
          params: OrganisationAwardParams,
          ...(withReason ? { body: ReasonBody } : {}),
          response: { 200: AwardView },
        },
      },
      async (request) => {
        const { organisationId, awardId } = request.params;
        const award = await readOrganisationAward(db, organisationId, awardId);
        await authorizeRequest(db, request.actor, 'badge.revoke', {
          organisationId,
          departmentId: award.departmentId,
        });
        const reason = (request.body as { reason?: string } | undefined)?.reason;
        const changed = await changeAwardState(
          context,
          { organisationId, awardId, change, reason },
          originOf(request, clock),
        );
        return presentAward(changed, config.publicUrl);
      },
    );
  };
  stateRoute('revoke', 'Revoke an award (final): status bit set, OB 2.0 assertion 410 Gone', true);
  stateRoute('suspend', 'Suspend a suspendable award until it is reinstated', true);
  stateRoute('reinstate', 'Lift the suspension of an award', false);

  app.post(
    '/organisations/:organisationId/awards/:awardId/reissue',
    {
      schema: {
        summary:
          'Re-issue an award: a new credential keeping the award date; the old one is revoked',
        tags: TAGS,
        operationId: 'reissueAward',
        params: OrganisationAwardParams,
        body: ReissueBody,
        response: { 201: ReissueResult },
      },
    },
    async (request, reply) => {
      const { organisationId, awardId } = request.params;
      const old = await readOrganisationAward(db, organisationId, awardId);
      await authorizeRequest(db, request.actor, 'badge.revoke', {
        organisationId,
        departmentId: old.departmentId,
      });
      await authorizeRequest(db, request.actor, 'badge.issue', {
        organisationId,
        departmentId: old.departmentId,
      });
      const result = await reissueAward(
        context,
        organisationId,
        awardId,
        request.body,
        originOf(request, clock),
      );
      return reply.code(201).send({
        award: presentAward(result.award, config.publicUrl),
        previous: presentAward(result.previous, config.publicUrl),
      });
    },
  );
};
