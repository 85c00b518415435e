/** Whether the database answers a trivial query in time: what `/readyz` reports. */
import { sql } from 'kysely';
import type { Database } from './open-database.js';

export type PingDatabaseResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface PingDatabaseOptions {
  /** Give up after this many milliseconds (default 2000). */
  readonly timeoutMs?: number;
}

export const pingDatabase = async (
  database: Database,
  { timeoutMs = 2000 }: PingDatabaseOptions = {},
): Promise<PingDatabaseResult> => {
  if (database.closed) return { ok: false, reason: 'the database connection is closed' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PingDatabaseResult>((resolve) => {
    timer = setTimeout(() => {
      resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const query = sql`select 1 as one`.execute(database.kysely).then(
    (): PingDatabaseResult => ({ ok: true }),
    (error: unknown): PingDatabaseResult => ({
      ok: false,
      reason: error instanceof Error ? error.message : String(error),
    }),
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
};
