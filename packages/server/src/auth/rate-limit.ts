/**
 * Fixed-window rate limits kept in the `rate_limits` table, so that every app node behind a load
 * balancer counts the same attempts. A key names what is counted (`sign-in:ip:203.0.113.7`,
 * `sign-in:account:hanako@example.ac.jp`); a rule says how many attempts one window allows.
 *
 *   const state = await hitRateLimit(db, `sign-in:ip:${ip}`, SIGN_IN_PER_IP, now);
 *   if (state.exceeded) throw rateLimited(reply, state);
 *
 * Counting is one atomic upsert on both databases: concurrent attempts never lose a count.
 */
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';

export interface RateLimitRule {
  /** Attempts allowed in one window. */
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitState {
  /** Attempts counted in the current window. */
  readonly count: number;
  /** True when no further attempt is allowed in this window. */
  readonly exceeded: boolean;
  /** Whole seconds until the window ends (at least 1), for Retry-After. */
  readonly retryAfterSeconds: number;
}

/** Rows older than this are deleted now and then; no rule has a longer window. */
export const RATE_LIMIT_MAX_WINDOW_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 100;
let hitsSincePrune = 0;

const secondsUntil = (windowStart: string, rule: RateLimitRule, now: Date): number =>
  Math.max(1, Math.ceil((Date.parse(windowStart) + rule.windowMs - now.getTime()) / 1000));

/** Counts one attempt against `key`; `exceeded` when this attempt is over the limit. */
export const hitRateLimit = async (
  db: Kysely<Tables>,
  key: string,
  rule: RateLimitRule,
  now: Date,
): Promise<RateLimitState> => {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - rule.windowMs).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: at, count: 1 })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start <= ${cutoff} then 1 else rate_limits.count + 1 end`,
        window_start: sql<string>`case when rate_limits.window_start <= ${cutoff} then ${at} else rate_limits.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  hitsSincePrune += 1;
  if (hitsSincePrune >= PRUNE_EVERY) {
    hitsSincePrune = 0;
    await db
      .deleteFrom('rate_limits')
      .where('window_start', '<', new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_MS).toISOString())
      .execute();
  }
  return {
    count: row.count,
    exceeded: row.count > rule.limit,
    retryAfterSeconds: secondsUntil(row.window_start, rule, now),
  };
};

/** The attempts counted against `key` in its current window, without counting one more. */
export const readRateLimit = async (
  db: Kysely<Tables>,
  key: string,
  rule: RateLimitRule,
  now: Date,
): Promise<RateLimitState> => {
  const row = await db
    .selectFrom('rate_limits')
    .select(['count', 'window_start'])
    .where('key', '=', key)
    .executeTakeFirst();
  const cutoff = new Date(now.getTime() - rule.windowMs).toISOString();
  if (row === undefined || row.window_start <= cutoff) {
    return { count: 0, exceeded: false, retryAfterSeconds: 0 };
  }
  return {
    count: row.count,
    exceeded: row.count >= rule.limit,
    retryAfterSeconds: secondsUntil(row.window_start, rule, now),
  };
};

/** Forgets the attempts counted against `key` (after a successful sign-in, a password reset). */
export const clearRateLimit = async (db: Kysely<Tables>, key: string): Promise<void> => {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
};
