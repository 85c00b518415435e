/**
 * The awards side of a bulk job: turns claimed rows into `issueAwards` inputs (one batch, one
 * transaction), and announces a completed job (`bulk-job.completed` webhook). A problem that
 * concerns the whole job (the achievement archived, its issuer archived, the organisation no
 * longer approved) fails the job rather than every row one by one.
 */
import type { AppContext } from '../http/app-context.js';
import { isServerError, type ServerError } from '../http/server-error.js';
import {
  BulkJobFailedError,
  type BulkJob,
  type ClaimedRow,
  type OnJobCompleted,
  type ProcessRows,
  type RowOutcome,
} from '../bulk/bulk-job-model.js';
import type { AwardRow } from '../bulk/validate-award-row.js';
import type { Actor } from '../auth/actor.js';
import { enqueueWebhookEvent } from '../webhooks/webhook-events.js';
import type { AwardInput } from './award-input.js';
import { issueAwards } from './issue-awards.js';

/** Errors that concern the job as a whole: no row of it can succeed. */
const JOB_WIDE_CODES: ReadonlySet<string> = new Set([
  'ERR_ACHIEVEMENT_NOT_FOUND',
  'ERR_AWARD_ACHIEVEMENT_ARCHIVED',
  'ERR_AWARD_ISSUER_ARCHIVED',
  'ERR_ISSUER_NOT_FOUND',
  'ERR_ORG_NOT_APPROVED',
  'ERR_ORG_NOT_FOUND',
]);

const toInput = (row: ClaimedRow, job: BulkJob): AwardInput => {
  const input: AwardRow = row.input;
  return {
    recipient: {
      email: input.email,
      ...(input.name === null ? {} : { name: input.name }),
      ...(input.nameKana === null ? {} : { nameKana: input.nameKana }),
      ...(input.nameRomaji === null ? {} : { nameRomaji: input.nameRomaji }),
    },
    idempotencyKey: row.idempotencyKey,
    ...(input.externalId === null ? {} : { externalId: input.externalId }),
    ...(input.awardedDate === null ? {} : { awardedDate: input.awardedDate }),
    ...(input.validFrom === null ? {} : { validFrom: input.validFrom }),
    ...(input.validUntil === null ? {} : { validUntil: input.validUntil }),
    ...(input.evidenceUrl === null ? {} : { evidence: [{ url: input.evidenceUrl }] }),
    ...(input.narrative === null ? {} : { narrative: input.narrative }),
    locale: job.options.locale,
    notify: job.options.notify,
  };
};

/** The actor a job's awards are audited under: whoever created the job. */
const actorOf = (job: BulkJob): Actor =>
  job.createdBy.kind === 'api-key'
    ? {
        kind: 'api-key',
        apiKeyId: job.createdBy.apiKeyId,
        organisationId: job.organisationId,
        scopes: [],
      }
    : job.createdBy.kind === 'user'
      ? {
          kind: 'user',
          userId: job.createdBy.userId,
          isOperator: false,
          sessionId: '',
          secondFactor: false,
        }
      : { kind: 'anonymous' };

const describe = (error: ServerError) => ({
  code: error.code,
  message: { en: error.localized.en, ja: error.localized.ja },
});

export const createBulkAwardProcessor =
  (context: AppContext): ProcessRows =>
  async (job, rows) => {
    let outcomes;
    try {
      outcomes = await issueAwards(
        context,
        {
          organisationId: job.organisationId,
          achievementId: job.achievementId,
          inputs: rows.map((row) => toInput(row, job)),
          bulkJobId: job.id,
        },
        { actor: actorOf(job), now: context.clock() },
      );
    } catch (error) {
      if (isServerError(error) && JOB_WIDE_CODES.has(error.code)) {
        throw new BulkJobFailedError(describe(error));
      }
      throw error;
    }
    return rows.map((row, i): RowOutcome => {
      const outcome = outcomes[i];
      if (outcome === undefined) throw new Error('issueAwards: an input has no outcome');
      switch (outcome.state) {
        case 'issued':
          return { rowNumber: row.rowNumber, state: 'issued', awardId: outcome.award.id };
        case 'duplicate':
          return { rowNumber: row.rowNumber, state: 'duplicate', awardId: outcome.awardId };
        case 'failed':
          return { rowNumber: row.rowNumber, state: 'failed', error: describe(outcome.error) };
      }
    });
  };

/** `bulk-job.completed`, stored with the job's completion. */
export const createBulkJobCompletedHook =
  (context: AppContext): OnJobCompleted =>
  async (job, tx) => {
    await enqueueWebhookEvent(tx, {
      organisationId: job.organisationId,
      type: 'bulk-job.completed',
      data: {
        jobId: job.id,
        achievementId: job.achievementId,
        counts: job.counts,
        badgesUrl: `${context.config.publicUrl}/api/v1/organisations/${job.organisationId}/awards?bulkJobId=${job.id}`,
      },
      occurredAt: context.clock(),
    });
  };
