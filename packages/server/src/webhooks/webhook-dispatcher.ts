/**
 * The webhook dispatcher: sends the pending deliveries of the outbox (`webhook_deliveries`).
 *
 * Every `pollIntervalMs` it claims a batch of due deliveries (`state = 'pending'` and
 * `next_attempt_at <= now`) by moving their `next_attempt_at` a lease ahead in one statement;
 * on PostgreSQL the rows are picked with `for update skip locked`, so several app nodes share the
 * work without sending a delivery twice; on SQLite the one connection serialises the claim. A
 * process that dies mid-attempt leaves the row pending: it is tried again when the lease ends
 * (at-least-once delivery; receivers drop duplicates by `webhook-id`).
 *
 * Each attempt POSTs the stored body with the Standard Webhooks headers (`webhook-secret.ts`),
 * through the guarded `WebhookFetcher`. Outcome:
 * - 2xx: `delivered`;
 * - 410 Gone: the receiver asks us to stop: the delivery `failed` and the endpoint is disabled
 *   (reason `gone`), its other pending deliveries failed with it;
 * - anything else (other statuses, redirects, timeouts, refused addresses, connection errors):
 *   retried after 30 s, 2 min, 10 min, 1 h, 6 h, 24 h (±20 % jitter), then `failed`.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/open-database.js';
import type { MasterKey } from '../keys/master-key.js';
import type { WebhookFetcher } from './webhook-fetcher.js';
import { readEndpointSecrets, disableWebhookEndpoint } from './webhook-endpoint-store.js';
import { buildWebhookHeaders } from './webhook-secret.js';
import type { WebhookDeliveriesTable } from './webhook-tables.js';

/** Delays before the 2nd, 3rd… attempt; one more failure after the last gives up. */
export const WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = [
  30_000,
  2 * 60_000,
  10 * 60_000,
  60 * 60_000,
  6 * 60 * 60_000,
  24 * 60 * 60_000,
];

export const DEFAULT_WEBHOOK_POLL_INTERVAL_MS = 5_000;
const DEFAULT_BATCH_SIZE = 20;
/** How long a claimed delivery is left alone: well over the 10 s attempt deadline. */
const DEFAULT_LEASE_MS = 2 * 60_000;
const JITTER = 0.2;
const MAX_ERROR_LENGTH = 500;

export type WebhookDispatcherLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export interface WebhookDispatcherOptions {
  readonly db: Database;
  readonly fetcher: WebhookFetcher;
  /** Decrypts the endpoints' signing secrets. */
  readonly masterKey: MasterKey;
  readonly clock?: () => Date;
  readonly log?: WebhookDispatcherLog;
  /** Time between polls when there is nothing to do (default 5 s). */
  readonly pollIntervalMs?: number;
  /** Deliveries claimed per round (default 20), sent concurrently. */
  readonly batchSize?: number;
  /** Delays between attempts (default `WEBHOOK_RETRY_SCHEDULE_MS`). */
  readonly retrySchedule?: readonly number[];
  /** In [0, 1): the jitter's source (default `Math.random`). */
  readonly random?: () => number;
  readonly leaseMs?: number;
}

export interface WebhookDispatcher {
  /** Starts polling (the first round after one interval); does nothing when started. */
  start(): void;
  /** Stops polling and waits for the round in progress. */
  stop(): Promise<void>;
  /** One round now: claims due deliveries and attempts them; resolves with how many. */
  runOnce(): Promise<number>;
}

const SILENT_LOG: WebhookDispatcherLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const describeError = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);

export const createWebhookDispatcher = (options: WebhookDispatcherOptions): WebhookDispatcher => {
  const { db, fetcher, masterKey } = options;
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? SILENT_LOG;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_WEBHOOK_POLL_INTERVAL_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const schedule = options.retrySchedule ?? WEBHOOK_RETRY_SCHEDULE_MS;
  const random = options.random ?? Math.random;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = schedule.length + 1;

  const claim = async (now: Date): Promise<WebhookDeliveriesTable[]> => {
    const nowIso = now.toISOString();
    let due = db.kysely
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .orderBy('next_attempt_at')
      .limit(batchSize);
    if (db.dialect === 'postgres') due = due.forUpdate().skipLocked();
    return db.kysely
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: new Date(now.getTime() + leaseMs).toISOString() })
      .where('id', 'in', due)
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .returningAll()
      .execute();
  };

  const settle = (
    delivery: WebhookDeliveriesTable,
    values: Partial<Omit<WebhookDeliveriesTable, 'id'>>,
  ) =>
    db.kysely
      .updateTable('webhook_deliveries')
      .set(values)
      .where('id', '=', delivery.id)
      .where('state', '=', 'pending')
      .execute();

  const retryDelay = (attempts: number): number => {
    const base = schedule[Math.min(attempts, schedule.length) - 1] ?? 0;
    return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
  };

  const attempt = async (delivery: WebhookDeliveriesTable): Promise<void> => {
    const endpoint = await readEndpointSecrets(db, masterKey, delivery.endpoint_id, clock());
    const startedAt = clock();
    const attempts = delivery.attempts + 1;
    if (endpoint === undefined || !endpoint.active) {
      await settle(delivery, {
        state: 'failed',
        next_attempt_at: null,
        last_error: 'The endpoint is disabled.',
      });
      return;
    }
    let status: number | undefined;
    let error: string | null = null;
    try {
      const response = await fetcher({
        url: endpoint.url,
        headers: buildWebhookHeaders(
          endpoint.secrets,
          delivery.event_id,
          startedAt,
          delivery.payload,
        ),
        body: delivery.payload,
      });
      status = response.status;
    } catch (cause) {
      error = describeError(cause);
    }
    const now = clock();
    const common = {
      attempts,
      last_attempt_at: startedAt.toISOString(),
      last_status_code: status ?? null,
    };
    if (status !== undefined && status >= 200 && status < 300) {
      await settle(delivery, {
        ...common,
        state: 'delivered',
        delivered_at: now.toISOString(),
        next_attempt_at: null,
        last_error: null,
      });
      return;
    }
    if (status === 410) {
      await settle(delivery, {
        ...common,
        state: 'failed',
        next_attempt_at: null,
        last_error: 'The endpoint answered 410 Gone; it has been disabled.',
      });
      await disableWebhookEndpoint(db, delivery.endpoint_id, 'gone', now);
      log.warn(
        { webhookEndpointId: delivery.endpoint_id, deliveryId: delivery.id },
        'webhook endpoint answered 410 Gone: disabled',
      );
      return;
    }
    const lastError =
      error ??
      (status !== undefined && status >= 300 && status < 400
        ? `HTTP ${String(status)} (redirects are not followed)`
        : `HTTP ${String(status)}`);
    const gaveUp = attempts >= maxAttempts;
    await settle(delivery, {
      ...common,
      state: gaveUp ? 'failed' : 'pending',
      next_attempt_at: gaveUp ? null : new Date(now.getTime() + retryDelay(attempts)).toISOString(),
      last_error: lastError,
    });
    if (gaveUp) {
      log.warn(
        { webhookEndpointId: delivery.endpoint_id, deliveryId: delivery.id, attempts },
        'webhook delivery failed: gave up',
      );
    }
  };

  const runOnce = async (): Promise<number> => {
    const claimed = await claim(clock());
    await Promise.all(
      claimed.map(async (delivery) => {
        try {
          await attempt(delivery);
        } catch (cause) {
          // The row stays pending and is tried again when its lease ends.
          log.error({ err: cause, deliveryId: delivery.id }, 'webhook delivery attempt failed');
        }
      }),
    );
    return claimed.length;
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let started = false;
  let lastFailure: string | undefined;

  const round = async (): Promise<void> => {
    let count = 0;
    try {
      count = await runOnce();
      lastFailure = undefined;
    } catch (cause) {
      const message = describeError(cause);
      // One line per kind of failure, not one per poll (a database that is down).
      if (message !== lastFailure) log.warn({ err: cause }, 'webhook dispatcher round failed');
      lastFailure = message;
    }
    if (started) scheduleRound(count >= batchSize ? 0 : pollIntervalMs);
  };

  const scheduleRound = (delayMs: number): void => {
    timer = setTimeout(() => {
      timer = undefined;
      running = round().finally(() => {
        running = undefined;
      });
    }, delayMs);
    timer.unref();
  };

  return {
    start() {
      if (started) return;
      started = true;
      scheduleRound(pollIntervalMs);
    },
    async stop() {
      started = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    runOnce,
  };
};
