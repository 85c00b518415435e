/**
 * The wallet's background re-check (ADR 0010): badges whose `next_check_at` has passed are
 * verified again, oldest first, a small batch at a time — a URL import by fetching its URL again
 * (how an OB 2.0 hosted assertion's revocation shows), an image by its original bytes, anything
 * else by its JWT or JSON. A change of status sets `previous_status` (the oldest the learner has
 * not seen yet; cleared when the status comes back to it) and `status_changed_at`.
 *
 * An issuer that cannot be reached during a re-check changes nothing: the badge keeps its last
 * verdict and is tried again in an hour, so a passing network failure never shows the learner a
 * change that did not happen.
 *
 * The runner (`createWalletRechecker`) ticks every minute; a tick never throws (errors are
 * logged) and never overlaps the previous one.
 */
import type { BadgeInput } from '@akashi/core';
import type { FastifyBaseLogger } from 'fastify';
import { checkedColumns, verifyForWallet, type WalletDeps } from './import-wallet-credential.js';
import type { WalletCredentialsTable } from './wallet-tables.js';

export const DEFAULT_RECHECK_INTERVAL_MS = 60_000;
export const DEFAULT_RECHECK_BATCH_SIZE = 10;
/** When an issuer could not be reached, the next try. */
export const UNREACHABLE_RETRY_MS = 3_600_000;

/** What a stored badge is verified again from. */
export const recheckInputOf = (row: WalletCredentialsTable): BadgeInput => {
  if (row.format === 'url' && row.source_url !== null) return row.source_url;
  if ((row.format === 'png' || row.format === 'svg') && row.original !== null) {
    return new Uint8Array(Buffer.from(row.original, 'base64'));
  }
  if (row.credential_jwt !== null) return row.credential_jwt;
  return JSON.parse(row.credential) as Record<string, unknown>;
};

const recheckOne = async (deps: WalletDeps, row: WalletCredentialsTable): Promise<void> => {
  const verification = await verifyForWallet(deps, recheckInputOf(row));
  const now = deps.clock();
  if (verification.verdict === 'issuer-unreachable' && row.verdict !== null) {
    await deps.db.kysely
      .updateTable('wallet_credentials')
      .set({ next_check_at: new Date(now.getTime() + UNREACHABLE_RETRY_MS).toISOString() })
      .where('id', '=', row.id)
      .execute();
    return;
  }
  const changed = verification.status !== row.status;
  const previous = row.previous_status ?? row.status;
  await deps.db.kysely
    .updateTable('wallet_credentials')
    .set({
      ...checkedColumns(deps, verification),
      ...(changed
        ? {
            previous_status: previous === verification.status ? null : previous,
            status_changed_at: now.toISOString(),
          }
        : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
};

export interface RecheckOptions {
  /** At most this many badges (default 10). */
  readonly limit?: number;
  readonly log?: FastifyBaseLogger;
}

/** Re-verifies the badges due now; the number re-checked. */
export const recheckDueWalletCredentials = async (
  deps: WalletDeps,
  options: RecheckOptions = {},
): Promise<number> => {
  const rows = await deps.db.kysely
    .selectFrom('wallet_credentials')
    .selectAll()
    .where('next_check_at', '<=', deps.clock().toISOString())
    .where('removed_at', 'is', null)
    .orderBy('next_check_at')
    .orderBy('id')
    .limit(options.limit ?? DEFAULT_RECHECK_BATCH_SIZE)
    .execute();
  let done = 0;
  for (const row of rows) {
    try {
      await recheckOne(deps, row);
      done += 1;
    } catch (error) {
      options.log?.error({ err: error, walletCredentialId: row.id }, 'wallet re-check failed');
      // Tried again at the next period, not at every tick.
      await deps.db.kysely
        .updateTable('wallet_credentials')
        .set({
          next_check_at: new Date(
            deps.clock().getTime() + deps.recheckHours * 3_600_000,
          ).toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return done;
};

export interface WalletRecheckerOptions {
  readonly deps: WalletDeps;
  readonly log: FastifyBaseLogger;
  /** Between ticks (default 60 s); the first tick comes one interval after `start()`. */
  readonly intervalMs?: number;
  /** Badges per tick (default 10). */
  readonly batchSize?: number;
}

export interface WalletRechecker {
  start(): void;
  /** Stops ticking, after the batch in flight. */
  stop(): Promise<void>;
  /** One tick now; resolves with the number re-checked (0 after an error, which is logged). */
  runOnce(): Promise<number>;
}

export const createWalletRechecker = (options: WalletRecheckerOptions): WalletRechecker => {
  const intervalMs = options.intervalMs ?? DEFAULT_RECHECK_INTERVAL_MS;
  const limit = options.batchSize ?? DEFAULT_RECHECK_BATCH_SIZE;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);
  let started = false;

  const runOnce = (): Promise<number> => {
    running = running.then(() =>
      recheckDueWalletCredentials(options.deps, { limit, log: options.log }).catch(
        (error: unknown) => {
          options.log.error({ err: error }, 'the wallet re-check could not run');
          return 0;
        },
      ),
    );
    return running;
  };

  const schedule = () => {
    timer = setTimeout(() => {
      void runOnce().then(() => {
        if (started) schedule();
      });
    }, intervalMs);
    timer.unref();
  };

  return {
    start: () => {
      if (started) return;
      started = true;
      schedule();
    },
    stop: async () => {
      started = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    runOnce,
  };
};
