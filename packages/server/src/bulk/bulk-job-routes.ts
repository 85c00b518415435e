/**
 * Bulk awards over the API, under /api/v1/organisations/:organisationId:
 *
 * - `POST /achievements/:achievementId/bulk-awards`: a CSV file (text/csv or
 *   application/octet-stream, up to 32 MiB) or a JSON array → the dry run: 201 with the job
 *   (`validated`) and its report (counts, header problems, the first row errors);
 * - `GET /bulk-jobs`, `GET /bulk-jobs/:jobId` (state, counts, progress),
 *   `GET /bulk-jobs/:jobId/rows?state=invalid&limit=&cursor=` (per-row errors and outcomes);
 * - `POST /bulk-jobs/:jobId/confirm` (→ `queued`: the runners issue it), `POST …/cancel`.
 *
 * Policy: submitting, confirming, cancelling and reading rows (personal data) is `badge.issue`
 * on the achievement's department. An organisation-wide achievement (no department,
 * `departmentId: null` for the policy): org admins and API keys with `badges:issue` may,
 * department issuers may not. Reading jobs (state, counts) is
 * `badge.read`.
 *
 * The runner: `createBulkJobRoutes({ createProcessor })` starts one on app ready and stops it
 * on close. `registerBulkJobRoutes` (wired in `route-modules.ts`) has no processor yet and so
 * starts none: jobs can be submitted and confirmed, and wait queued until a processor is wired.
 */
import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/open-database.js';
import type { AppContext, RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { OrganisationIdParams } from '../organisations/organisation-schemas.js';
import { assertOrganisationCanIssue } from '../organisations/assert-organisation-can-issue.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { auditedBy, originOf } from '../policy/command-origin.js';
import {
  cancelBulkJob,
  confirmBulkJob,
  listBulkJobRows,
  listBulkJobs,
  readBulkJob,
} from './bulk-job-commands.js';
import type { BulkJob, BulkJobCreator, OnJobCompleted, ProcessRows } from './bulk-job-model.js';
import { createBulkJobRunner, type BulkJobRunnerOptions } from './bulk-job-runner.js';
import {
  BulkJobList,
  BulkJobRowList,
  BulkJobView,
  JobParams,
  ListJobsQuery,
  ListRowsQuery,
  presentBulkJob,
  presentReport,
  SubmitBody,
  SubmitParams,
  SubmitQuery,
  SubmitResponse,
} from './bulk-job-schemas.js';
import { createBulkJob, type BulkAchievement, type BulkJobInput } from './create-bulk-job.js';
import { DEFAULT_MAX_BYTES } from './read-award-rows.js';

/** The department of an organisation-wide achievement, as the policy is asked about it. */

export type FindBulkAchievement = (
  db: Database,
  achievementId: string,
) => Promise<BulkAchievement | undefined>;

export interface BulkJobRoutesOptions {
  /** Makes the row processor (the awards domain's `issueAwards`); without it no runner starts. */
  readonly createProcessor?: (context: AppContext) => ProcessRows;
  /** Makes the completion hook (webhook `bulk-job.completed`). */
  readonly createOnJobCompleted?: (context: AppContext) => OnJobCompleted;
  /** Finds an achievement (default: reads the `achievements` table). */
  readonly findAchievement?: FindBulkAchievement;
  readonly runner?: Pick<
    BulkJobRunnerOptions,
    'workerId' | 'batchSize' | 'pollIntervalMs' | 'leaseMs' | 'maxAttempts' | 'concurrency'
  >;
}

/** Reads `achievements` (organisation_id, department_id, status) directly. */
export const findAchievementInTable: FindBulkAchievement = async (db, achievementId) => {
  const result = await sql<{
    id: string;
    organisation_id: string;
    department_id: string | null;
    status: string;
  }>`select id, organisation_id, department_id, status from achievements where id = ${achievementId}`.execute(
    db.kysely,
  );
  const row = result.rows[0];
  if (row === undefined) return undefined;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    departmentId: row.department_id,
    status: row.status === 'active' ? 'active' : 'archived',
  };
};

const TAGS = ['bulk-awards'];
const JOBS = '/organisations/:organisationId/bulk-jobs';

const creatorOf = (actor: Actor): BulkJobCreator => {
  if (actor.kind === 'user') return { kind: 'user', userId: actor.userId };
  if (actor.kind === 'api-key') return { kind: 'api-key', apiKeyId: actor.apiKeyId };
  return { kind: 'system' };
};

const issueResource = (organisationId: string, departmentId: string | null) => ({
  organisationId,
  departmentId,
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The input and options of a submission, from its body. */
const readSubmission = (
  body: unknown,
  query: SubmitQuery,
): { input: BulkJobInput; notify?: boolean; locale?: 'ja' | 'en' } => {
  const fromQuery = {
    ...(query.notify === undefined ? {} : { notify: query.notify }),
    ...(query.locale === undefined ? {} : { locale: query.locale }),
  };
  if (Buffer.isBuffer(body)) {
    return { input: { kind: 'csv', bytes: body, fileName: query.fileName ?? null }, ...fromQuery };
  }
  if (isPlainObject(body) && 'awards' in body) {
    const notify = typeof body.notify === 'boolean' ? body.notify : query.notify;
    const locale = body.locale === 'en' || body.locale === 'ja' ? body.locale : query.locale;
    return {
      input: { kind: 'json', items: body.awards },
      ...(notify === undefined ? {} : { notify }),
      ...(locale === undefined ? {} : { locale }),
    };
  }
  return { input: { kind: 'json', items: body }, ...fromQuery };
};

export const createBulkJobRoutes =
  (options: BulkJobRoutesOptions = {}): RoutePlugin =>
  (app, context) => {
    const { db, clock } = context;
    const findAchievement = options.findAchievement ?? findAchievementInTable;

    app.addContentTypeParser(
      ['text/csv', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: DEFAULT_MAX_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );

    if (options.createProcessor !== undefined) {
      const runner = createBulkJobRunner({
        ...options.runner,
        db,
        processRows: options.createProcessor(context),
        ...(options.createOnJobCompleted === undefined
          ? {}
          : { onJobCompleted: options.createOnJobCompleted(context) }),
        log: app.log,
        clock,
      });
      app.addHook('onReady', async () => {
        runner.start();
        return Promise.resolve();
      });
      app.addHook('onClose', async () => runner.stop());
    }

    /** The achievement, when it is the organisation's; 404 after the policy otherwise. */
    const readAchievementFor = async (actor: Actor, organisationId: string, id: string) => {
      const achievement = await findAchievement(db, id);
      if (achievement === undefined || achievement.organisationId !== organisationId) {
        await authorizeRequest(db, actor, 'badge.issue', issueResource(organisationId, null));
        throw new ServerError('ERR_BULK_ACHIEVEMENT_NOT_FOUND');
      }
      return achievement;
    };

    /** The job, once the actor may issue in its department. */
    const jobForIssuer = async (actor: Actor, organisationId: string, jobId: string) => {
      let job: BulkJob;
      try {
        job = await readBulkJob(db, organisationId, jobId);
      } catch (error) {
        await authorizeRequest(db, actor, 'badge.issue', issueResource(organisationId, null));
        throw error;
      }
      await authorizeRequest(
        db,
        actor,
        'badge.issue',
        issueResource(organisationId, job.departmentId),
      );
      return job;
    };

    app.post(
      '/organisations/:organisationId/achievements/:achievementId/bulk-awards',
      {
        bodyLimit: DEFAULT_MAX_BYTES,
        schema: {
          summary: 'Submit a bulk award (CSV or JSON): the dry run, stored as a job to confirm',
          description:
            'Checks every row and stores the job in state `validated` with a report; nothing is ' +
            'issued until `POST …/bulk-jobs/{jobId}/confirm`. Each row has an idempotency key ' +
            '(the external ID, or a hash of the row): a re-submitted file awards no one twice.',
          tags: TAGS,
          operationId: 'submitBulkAward',
          params: SubmitParams,
          querystring: SubmitQuery,
          body: SubmitBody,
          response: { 201: SubmitResponse },
        },
      },
      async (request, reply) => {
        const { organisationId, achievementId } = request.params;
        const achievement = await readAchievementFor(request.actor, organisationId, achievementId);
        await authorizeRequest(
          db,
          request.actor,
          'badge.issue',
          issueResource(organisationId, achievement.departmentId),
        );
        await assertOrganisationCanIssue(db, organisationId);
        if (achievement.status !== 'active') throw new ServerError('ERR_BULK_ACHIEVEMENT_ARCHIVED');
        const submission = readSubmission(request.body, request.query);
        const origin = originOf(request, clock);
        const result = await createBulkJob(db, {
          achievement,
          createdBy: creatorOf(request.actor),
          input: submission.input,
          options: {
            ...(submission.notify === undefined ? {} : { notify: submission.notify }),
            ...(submission.locale === undefined ? {} : { locale: submission.locale }),
          },
          now: origin.now,
          audit: auditedBy(origin),
        });
        return reply.code(201).send({
          job: presentBulkJob(result.job),
          report: presentReport(result.report, result.errors, result.warnings),
        });
      },
    );

    app.get(
      JOBS,
      {
        schema: {
          summary: "List an organisation's bulk-award jobs, newest first",
          tags: TAGS,
          operationId: 'listBulkJobs',
          params: OrganisationIdParams,
          querystring: ListJobsQuery,
          response: { 200: BulkJobList },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        await authorizeRequest(db, request.actor, 'badge.read', { organisationId });
        const { state, limit, cursor } = request.query;
        const page = await listBulkJobs(db, organisationId, {
          limit,
          ...(state === undefined ? {} : { state }),
          ...(cursor === undefined ? {} : { cursor }),
        });
        return { jobs: page.items.map(presentBulkJob), nextCursor: page.nextCursor };
      },
    );

    app.get(
      `${JOBS}/:jobId`,
      {
        schema: {
          summary: 'Read a bulk-award job: state, counts and progress',
          tags: TAGS,
          operationId: 'getBulkJob',
          params: JobParams,
          response: { 200: BulkJobView },
        },
      },
      async (request) => {
        const { organisationId, jobId } = request.params;
        await authorizeRequest(db, request.actor, 'badge.read', { organisationId });
        return presentBulkJob(await readBulkJob(db, organisationId, jobId));
      },
    );

    app.get(
      `${JOBS}/:jobId/rows`,
      {
        schema: {
          summary: "List a bulk-award job's rows: per-row errors, outcomes and award ids",
          tags: TAGS,
          operationId: 'listBulkJobRows',
          params: JobParams,
          querystring: ListRowsQuery,
          response: { 200: BulkJobRowList },
        },
      },
      async (request) => {
        const { organisationId, jobId } = request.params;
        const job = await jobForIssuer(request.actor, organisationId, jobId);
        const { state, limit, cursor } = request.query;
        const page = await listBulkJobRows(db, job.id, {
          limit,
          ...(state === undefined ? {} : { state }),
          ...(cursor === undefined ? {} : { cursor }),
        });
        const rows = page.items.map((row) => ({
          ...row,
          input: row.input === null ? null : { ...row.input },
          errors: [...row.errors],
          warnings: [...row.warnings],
        }));
        return { rows, nextCursor: page.nextCursor };
      },
    );

    app.post(
      `${JOBS}/:jobId/confirm`,
      {
        schema: {
          summary: 'Confirm a bulk-award job after its dry run: its valid rows are issued',
          tags: TAGS,
          operationId: 'confirmBulkJob',
          params: JobParams,
          response: { 200: BulkJobView },
        },
      },
      async (request) => {
        const { organisationId, jobId } = request.params;
        const job = await jobForIssuer(request.actor, organisationId, jobId);
        await assertOrganisationCanIssue(db, organisationId);
        const achievement = await findAchievement(db, job.achievementId);
        if (achievement?.status !== 'active')
          throw new ServerError('ERR_BULK_ACHIEVEMENT_ARCHIVED');
        const origin = originOf(request, clock);
        const confirmed = await confirmBulkJob(db, {
          organisationId,
          jobId,
          now: origin.now,
          audit: auditedBy(origin),
        });
        return presentBulkJob(confirmed);
      },
    );

    app.post(
      `${JOBS}/:jobId/cancel`,
      {
        schema: {
          summary: 'Cancel a bulk-award job; rows not yet issued never are',
          tags: TAGS,
          operationId: 'cancelBulkJob',
          params: JobParams,
          response: { 200: BulkJobView },
        },
      },
      async (request) => {
        const { organisationId, jobId } = request.params;
        await jobForIssuer(request.actor, organisationId, jobId);
        const origin = originOf(request, clock);
        const cancelled = await cancelBulkJob(db, {
          organisationId,
          jobId,
          now: origin.now,
          audit: auditedBy(origin),
        });
        return presentBulkJob(cancelled);
      },
    );
  };

/** Mounted in `route-modules.ts`: routes only, no runner until a processor is wired. */
export const registerBulkJobRoutes: RoutePlugin = createBulkJobRoutes();
