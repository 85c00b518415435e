/**
 * The bulk-award job runner: takes queued and running jobs, claims their rows in batches
 * (`bulk-job-queue.ts`), hands each batch to the injected row processor (the awards domain's
 * `issueAwards`), records the outcomes and completes each job exactly once.
 *
 * Any number of runners may work at once, in one process or many (PostgreSQL: rows are claimed
 * with SKIP LOCKED, so each is processed once in the normal case). A runner that dies leaves
 * its rows claimed until their lease runs out; another runner then takes them again (crash
 * resume) and the processor's idempotency keys turn an award already made into `duplicate`, so
 * nobody is awarded twice. A row that keeps failing is given up after `maxAttempts` claims.
 *
 *   const runner = createBulkJobRunner({ db, processRows });
 *   runner.start();            // polls every pollIntervalMs until stop()
 *   await runner.runOnce();    // tests: process everything claimable now, then return
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../db/open-database.js';
import {
  BulkJobFailedError,
  findBulkJob,
  toBulkJob,
  type BulkJob,
  type ClaimedRow,
  type OnJobCompleted,
  type ProcessRows,
  type RowOutcome,
} from './bulk-job-model.js';
import {
  claimBulkRows,
  completeBulkJobIfDone,
  failBulkJob,
  giveUpExhaustedRows,
  markBulkJobRunning,
  recordRowOutcomes,
} from './bulk-job-queue.js';

/** The part of a pino / Fastify logger the runner writes to. */
export interface BulkJobRunnerLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface BulkJobRunnerOptions {
  readonly db: Database;
  readonly processRows: ProcessRows;
  /** Names this runner in `claimed_by` (default: host, process id and a random suffix). */
  readonly workerId?: string;
  /** Rows per claim and per `processRows` call (default 200). */
  readonly batchSize?: number;
  /** How long `start()` waits when there is nothing to do (default 1,000 ms). */
  readonly pollIntervalMs?: number;
  /** How long a claim holds before another runner may take the rows again (default 120 s). */
  readonly leaseMs?: number;
  /** Claims of one row before it is failed as given up (default 5). */
  readonly maxAttempts?: number;
  /** Batches in flight at once in this runner (default 1). */
  readonly concurrency?: number;
  readonly onJobCompleted?: OnJobCompleted;
  readonly log?: BulkJobRunnerLog;
  readonly clock?: () => Date;
}

export interface RunOnceResult {
  /** Rows claimed (and handed to the processor) in this call. */
  readonly rows: number;
  /** Jobs this runner completed in this call. */
  readonly completedJobs: readonly string[];
}

export interface BulkJobRunner {
  readonly workerId: string;
  /** Starts polling in the background; does nothing when already started. */
  start(): void;
  /** Stops polling and waits for the batch in hand to be recorded. */
  stop(): Promise<void>;
  /** Processes everything claimable now (all active jobs), then returns. */
  runOnce(): Promise<RunOnceResult>;
}

const SILENT: BulkJobRunnerLog = { info: () => {}, warn: () => {}, error: () => {} };

/** Jobs looked at per pass, oldest first. */
const JOBS_PER_PASS = 20;

const positive = (value: number | undefined, fallback: number, name: string): number => {
  const result = value ?? fallback;
  if (!Number.isSafeInteger(result) || result < 1) {
    throw new TypeError(`createBulkJobRunner: ${name} must be a positive integer`);
  }
  return result;
};

export const createBulkJobRunner = (options: BulkJobRunnerOptions): BulkJobRunner => {
  const { db, processRows, onJobCompleted } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const batchSize = positive(options.batchSize, 200, 'batchSize');
  const pollIntervalMs = positive(options.pollIntervalMs, 1000, 'pollIntervalMs');
  const leaseMs = positive(options.leaseMs, 120_000, 'leaseMs');
  const maxAttempts = positive(options.maxAttempts, 5, 'maxAttempts');
  const concurrency = positive(options.concurrency, 1, 'concurrency');
  const log = options.log ?? SILENT;
  const clock = options.clock ?? (() => new Date());

  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  /** Read through a function: the flag changes while a loop awaits. */
  const isStopping = () => stopping;

  /** The outcomes that belong to the batch (one per row at most). */
  const keepOwn = (rows: readonly ClaimedRow[], outcomes: readonly RowOutcome[]): RowOutcome[] => {
    const expected = new Set(rows.map((row) => row.rowNumber));
    const kept: RowOutcome[] = [];
    for (const outcome of outcomes) {
      if (expected.delete(outcome.rowNumber)) kept.push(outcome);
      else
        log.warn({ rowNumber: outcome.rowNumber }, 'bulk job: outcome for a row not in the batch');
    }
    return kept;
  };

  /** Processes one claimed batch; false when the job failed as a whole. */
  const processBatch = async (job: BulkJob, rows: readonly ClaimedRow[]): Promise<boolean> => {
    let outcomes: readonly RowOutcome[];
    try {
      outcomes = await processRows(job, rows);
    } catch (error) {
      if (error instanceof BulkJobFailedError) {
        log.warn({ jobId: job.id, code: error.error.code }, 'bulk job failed');
        await failBulkJob(db, { jobId: job.id, workerId, error: error.error, now: clock() });
        return false;
      }
      // The rows stay claimed: another attempt takes them when the lease runs out.
      log.error({ err: error, jobId: job.id, rows: rows.length }, 'bulk job: batch failed');
      return true;
    }
    await recordRowOutcomes(db, {
      jobId: job.id,
      workerId,
      outcomes: keepOwn(rows, outcomes),
      now: clock(),
    });
    return true;
  };

  /** Claims and processes batches of one job until none is left; returns the rows claimed. */
  const drainJob = async (job: BulkJob): Promise<number> => {
    let claimed = 0;
    while (!stopping) {
      const rows = await claimBulkRows(db, {
        jobId: job.id,
        workerId,
        limit: batchSize,
        now: clock(),
        leaseMs,
        maxAttempts,
      });
      if (rows.length === 0) break;
      claimed += rows.length;
      if (!(await processBatch(job, rows))) break;
    }
    return claimed;
  };

  const activeJobs = async (): Promise<BulkJob[]> => {
    const rows = await db.kysely
      .selectFrom('bulk_jobs')
      .selectAll()
      .where('state', 'in', ['queued', 'running'])
      .orderBy('created_at')
      .orderBy('id')
      .limit(JOBS_PER_PASS)
      .execute();
    return rows.map(toBulkJob);
  };

  const pass = async (): Promise<RunOnceResult> => {
    let claimed = 0;
    const completedJobs: string[] = [];
    for (const listed of await activeJobs()) {
      if (stopping) break;
      if (listed.state === 'queued') await markBulkJobRunning(db, listed.id, clock());
      const job = (await findBulkJob(db, listed.id)) ?? listed;
      if (job.state !== 'running') continue;
      const gaveUp = await giveUpExhaustedRows(db, { jobId: job.id, now: clock(), maxAttempts });
      if (gaveUp > 0) log.warn({ jobId: job.id, rows: gaveUp }, 'bulk job: rows given up');
      const lanes = Array.from({ length: concurrency }, () => drainJob(job));
      claimed += (await Promise.all(lanes)).reduce((sum, count) => sum + count, 0);
      const completed = await completeBulkJobIfDone(db, job.id, clock(), onJobCompleted);
      if (completed !== undefined) {
        completedJobs.push(completed.id);
        log.info({ jobId: completed.id, counts: completed.counts }, 'bulk job completed');
      }
    }
    return { rows: claimed, completedJobs };
  };

  const runOnce = async (): Promise<RunOnceResult> => {
    let rows = 0;
    const completedJobs: string[] = [];
    for (;;) {
      const result = await pass();
      rows += result.rows;
      completedJobs.push(...result.completedJobs);
      if (result.rows === 0 || stopping) return { rows, completedJobs };
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const poll = async (): Promise<void> => {
    while (!stopping) {
      let rows = 0;
      try {
        rows = (await pass()).rows;
      } catch (error) {
        if (db.closed) return;
        log.error({ err: error }, 'bulk job runner: pass failed');
      }
      if (rows === 0 && !isStopping()) await sleep(pollIntervalMs);
    }
  };

  return {
    workerId,
    start: () => {
      if (loop !== undefined) return;
      stopping = false;
      loop = poll();
    },
    stop: async () => {
      stopping = true;
      wake?.();
      await loop;
      loop = undefined;
    },
    runOnce,
  };
};
