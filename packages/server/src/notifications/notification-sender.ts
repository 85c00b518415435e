/**
 * Sends queued notifications (`enqueueAwardNotification`) in the background: claims due rows
 * (`notification-queue.ts`), renders each in its language, hands it to the mailer (SMTP or the
 * outbox folder) and records the outcome.
 *
 * - Rate-limited by a token bucket: `ratePerMinute` overall (default 600), optionally also
 *   `perDomainPerMinute` per recipient domain. Rows are claimed only when tokens are there; a
 *   row whose domain is over its limit goes back to the queue, due when that domain has a token
 *   again. Nothing waits: the loop reschedules itself with a timer, and unsent rows simply stay
 *   in the database, so a bulk award of 10,000 drains at the configured pace and none is lost.
 *   The limit is per process: N processes send at most N times the rate.
 * - A failed attempt is retried with exponential backoff (1 min, 2, 4… up to 6 h) and given up
 *   (`failed`) after `maxAttempts`; a recipient the SMTP server refuses for good (5xx at RCPT
 *   TO) fails at once. A failure of the server itself (unreachable, timeout, 4xx) also pauses the
 *   sender (5 s, doubling up to 5 min) and returns the rest of the batch unattempted, so that an
 *   SMTP outage does not burn every queued row's attempts.
 * - `start()` polls every `pollIntervalMs` (sooner while rows are waiting for tokens); `stop()`
 *   lets the current message finish, returns the rest of the batch and resolves when idle.
 */
import type { Database } from '../db/open-database.js';
import type { Mailer, MailLog } from '../mail/mailer.js';
import type { RenderedMail } from '../mail/render-mail.js';
import { renderAwardNotification } from './award-notification-templates.js';
import { parseNotificationParams } from './notification-params.js';
import {
  claimDueNotifications,
  markNotificationSent,
  recordNotificationFailure,
  releaseNotifications,
  type NotificationRow,
} from './notification-queue.js';
import { createTokenBucket, type TokenBucket } from './token-bucket.js';

export interface NotificationSenderOptions {
  readonly db: Database;
  readonly mailer: Pick<Mailer, 'send'>;
  /** `PUBLIC_URL`, named in the footer. */
  readonly publicUrl: string;
  readonly log: MailLog;
  readonly clock?: () => Date;
  /** Messages a minute, overall (default 600). */
  readonly ratePerMinute?: number;
  /** Messages sent back to back at most (default a tenth of `ratePerMinute`, at least 1). */
  readonly burst?: number;
  /** Messages a minute to one recipient domain (default: no such limit). */
  readonly perDomainPerMinute?: number;
  /** Rows claimed at a time (default 50). */
  readonly batchSize?: number;
  /** How often an idle sender looks for due rows (default 2000 ms). */
  readonly pollIntervalMs?: number;
  /** Attempts before a row is `failed` (default 8). */
  readonly maxAttempts?: number;
  /** Delay before attempt `attempts + 1` after `attempts` failed ones. */
  readonly retryDelayMs?: (attempts: number) => number;
  /** How long a claim holds a row before another sender may take it (default 15 min). */
  readonly leaseMs?: number;
  /** Messages sent at the same time (default 4). */
  readonly concurrency?: number;
}

export interface NotificationRunResult {
  /** Rows claimed from the queue. */
  readonly claimed: number;
  readonly sent: number;
  /** Failed attempts that will be retried. */
  readonly retried: number;
  /** Rows given up on (`failed`). */
  readonly failed: number;
  /** Claimed rows handed back unattempted (domain limit, pause, stop). */
  readonly released: number;
  /** True when the overall limit left no token for this run. */
  readonly rateLimited: boolean;
}

export interface NotificationSender {
  /** Starts the polling loop (the first run after `pollIntervalMs`); idempotent. */
  start(): void;
  /** Stops the loop; resolves once the run in progress has finished. */
  stop(): Promise<void>;
  /** One run: claim, send, record. Runs never overlap. */
  runOnce(): Promise<NotificationRunResult>;
}

export const DEFAULT_RATE_PER_MINUTE = 600;
const MINUTE = 60_000;
const MAX_RETRY_DELAY_MS = 6 * 60 * MINUTE;
const PAUSE_BASE_MS = 5_000;
const PAUSE_MAX_MS = 5 * MINUTE;
const MAX_ERROR_LENGTH = 500;

/** 1 min, 2 min, 4 min… at most 6 h. */
export const defaultRetryDelayMs = (attempts: number): number =>
  Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);

interface SmtpErrorFields {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly message?: unknown;
}

/** The mailer wraps the transport's error as the `cause` of ERR_MAIL_UNAVAILABLE. */
const underlying = (error: unknown): SmtpErrorFields => {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return typeof cause === 'object' && cause !== null ? cause : {};
};

/** The SMTP server refused the recipient for good (5xx at RCPT TO): retrying will not help. */
const isRecipientRejected = (error: unknown): boolean => {
  const { code, responseCode } = underlying(error);
  return code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500;
};

const describeFailure = (error: unknown): string => {
  const { message } = underlying(error);
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
};

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

const positive = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive number, got ${String(value)}`);
  }
  return value;
};

export const createNotificationSender = (
  options: NotificationSenderOptions,
): NotificationSender => {
  const { db, mailer, publicUrl, log } = options;
  const clock = options.clock ?? (() => new Date());
  const ratePerMinute = positive('ratePerMinute', options.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE);
  const burst = positive('burst', options.burst ?? Math.max(1, Math.ceil(ratePerMinute / 10)));
  const batchSize = Math.floor(positive('batchSize', options.batchSize ?? 50));
  const pollIntervalMs = positive('pollIntervalMs', options.pollIntervalMs ?? 2000);
  const maxAttempts = Math.floor(positive('maxAttempts', options.maxAttempts ?? 8));
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const leaseMs = positive('leaseMs', options.leaseMs ?? 15 * MINUTE);
  const concurrency = Math.floor(positive('concurrency', options.concurrency ?? 4));
  const perDomainPerMinute =
    options.perDomainPerMinute === undefined
      ? undefined
      : positive('perDomainPerMinute', options.perDomainPerMinute);

  const overall = createTokenBucket({ ratePerMinute, burst, clock });
  const domains = new Map<string, TokenBucket>();
  const domainBucket = (domain: string): TokenBucket | undefined => {
    if (perDomainPerMinute === undefined) return undefined;
    let bucket = domains.get(domain);
    if (bucket === undefined) {
      // Full buckets hold no information: forget them, so the map stays small.
      for (const [name, other] of domains) if (other.isFull()) domains.delete(name);
      bucket = createTokenBucket({
        ratePerMinute: perDomainPerMinute,
        burst: Math.max(1, Math.ceil(perDomainPerMinute / 10)),
        clock,
      });
      domains.set(domain, bucket);
    }
    return bucket;
  };

  let pausedUntil = 0;
  let outageRuns = 0;
  let stopping = false;

  /** Sends one claimed row; true when the SMTP server itself failed. */
  const attempt = async (
    row: NotificationRow,
    tally: { sent: number; retried: number; failed: number },
  ): Promise<boolean> => {
    const params = parseNotificationParams(row.params);
    let rendered: RenderedMail | undefined;
    try {
      rendered =
        params === undefined
          ? undefined
          : renderAwardNotification(
              { kind: row.kind, locale: row.locale, recipientName: row.recipient_name, params },
              publicUrl,
            );
    } catch {
      rendered = undefined; // a kind or locale this version has no template for
    }
    if (params === undefined || rendered === undefined) {
      await recordNotificationFailure(db, row.id, {
        now: clock(),
        error: `this notification cannot be rendered (kind ${row.kind}, locale ${row.locale})`,
        retryAt: undefined,
      });
      tally.failed += 1;
      return false;
    }
    try {
      await mailer.send({ to: row.recipient_email, ...rendered, link: params.badgeUrl }, log);
    } catch (error) {
      const now = clock();
      const rejected = isRecipientRejected(error);
      const giveUp = rejected || row.attempts >= maxAttempts;
      const retryAt = giveUp ? undefined : new Date(now.getTime() + retryDelayMs(row.attempts));
      const reason = describeFailure(error);
      await recordNotificationFailure(db, row.id, { now, error: reason, retryAt });
      if (giveUp) tally.failed += 1;
      else tally.retried += 1;
      log.warn(
        { notificationId: row.id, attempts: row.attempts, retryAt: retryAt?.toISOString() },
        giveUp
          ? `notification e-mail given up after ${String(row.attempts)} attempt(s): ${reason}`
          : `notification e-mail failed, will retry: ${reason}`,
      );
      return !rejected;
    }
    await markNotificationSent(db, row.id, clock());
    tally.sent += 1;
    return false;
  };

  /** Whether the last run found as many due rows as it could take (more may be waiting). */
  let moreDue = false;

  const run = async (): Promise<NotificationRunResult> => {
    moreDue = false;
    const idle = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0, rateLimited: false };
    if (db.closed) return idle;
    const now = clock();
    if (now.getTime() < pausedUntil) return idle;
    const taken = overall.take(batchSize);
    if (taken === 0) {
      moreDue = true;
      return { ...idle, rateLimited: true };
    }
    let rows: NotificationRow[] = [];
    try {
      rows = await claimDueNotifications(db, { now, limit: taken, leaseMs });
    } finally {
      overall.giveBack(taken - rows.length);
    }
    moreDue = rows.length === taken;

    // Rows whose domain is over its limit go back, due when the domain has a token again.
    const ready: NotificationRow[] = [];
    const deferred = new Map<number, string[]>();
    for (const row of rows) {
      const bucket = domainBucket(domainOf(row.recipient_email));
      if (bucket === undefined || bucket.take(1) === 1) {
        ready.push(row);
      } else {
        const dueAt = now.getTime() + bucket.msUntilAvailable();
        deferred.set(dueAt, [...(deferred.get(dueAt) ?? []), row.id]);
      }
    }
    let released = 0;
    for (const [dueAt, ids] of deferred) {
      await releaseNotifications(db, ids, { now, dueAt: new Date(dueAt) });
      overall.giveBack(ids.length);
      released += ids.length;
    }

    const tally = { sent: 0, retried: 0, failed: 0 };
    const queue = [...ready];
    const batch = { outage: false };
    const worker = async (): Promise<void> => {
      for (let row = queue.shift(); row !== undefined; row = queue.shift()) {
        if (await attempt(row, tally)) batch.outage = true;
        if (batch.outage || stopping) return;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));

    // Left unattempted after an outage or a stop: back to the queue, tokens returned.
    if (queue.length > 0) {
      const at = clock();
      await releaseNotifications(
        db,
        queue.map((row) => row.id),
        { now: at, dueAt: at },
      );
      overall.giveBack(queue.length);
      for (const row of queue) domainBucket(domainOf(row.recipient_email))?.giveBack(1);
      released += queue.length;
    }
    if (batch.outage) {
      pausedUntil = clock().getTime() + Math.min(PAUSE_BASE_MS * 2 ** outageRuns, PAUSE_MAX_MS);
      outageRuns += 1;
      moreDue = false;
    } else if (tally.sent > 0) {
      outageRuns = 0;
    }
    return { claimed: rows.length, ...tally, released, rateLimited: false };
  };

  let running: Promise<unknown> = Promise.resolve();
  const runOnce = (): Promise<NotificationRunResult> => {
    const next = running.then(run, run);
    running = next.catch(() => undefined);
    return next;
  };

  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let lastError: string | undefined;

  const schedule = (ms: number): void => {
    if (!started || stopping) return;
    timer = setTimeout(tick, Math.max(0, Math.min(ms, pollIntervalMs)));
    timer.unref();
  };

  const tick = (): void => {
    timer = undefined;
    runOnce().then(
      () => {
        lastError = undefined;
        // While rows wait for tokens, come back when a fifth of a batch can go (fewer queries
        // than one per token); otherwise poll.
        const wanted = Math.max(1, Math.ceil(Math.min(batchSize, burst) / 5));
        schedule(moreDue ? overall.msUntilAvailable(wanted) : pollIntervalMs);
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        // One line per distinct failure, not one per poll while the database is down.
        if (message !== lastError) {
          log.error({ err: error }, `the notification sender could not run: ${message}`);
          lastError = message;
        }
        schedule(pollIntervalMs);
      },
    );
  };

  return {
    start: () => {
      if (started) return;
      started = true;
      stopping = false;
      schedule(pollIntervalMs);
    },
    stop: async () => {
      stopping = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
      started = false;
      stopping = false;
    },
    runOnce,
  };
};
