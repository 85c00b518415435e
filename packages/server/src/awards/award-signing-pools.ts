/**
 * Worker threads for signing large award batches (bulk jobs): one core issuer pool per signing
 * key, started on first use and shut down after a minute without work (or by
 * `closeAwardSigningPools` when the app closes), so a 100,000-row award signs on every core while
 * the main thread reads rows and writes the database. Small batches (a single award) sign inline:
 * handing one credential to a worker would only add latency.
 */
import { availableParallelism } from 'node:os';
import { createIssuerPool, type IssuerPool, type PoolResult, type SigningKey } from '@akashi/core';

/** Batches at least this large go to the workers. */
export const POOL_THRESHOLD = 64;

const IDLE_MS = 60_000;

interface Entry {
  readonly pool: IssuerPool;
  timer: NodeJS.Timeout | undefined;
}

const pools = new Map<string, Entry>();

const keyOf = (key: SigningKey, verificationMethod: string) => `${key.kid} ${verificationMethod}`;

const scheduleClose = (id: string, entry: Entry): void => {
  if (entry.timer !== undefined) clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    pools.delete(id);
    void entry.pool.close();
  }, IDLE_MS);
  entry.timer.unref();
};

/** Signs `credentials` (eddsa-rdfc-2022) on the key's pool; results in input order. */
export const signOnPool = async (
  key: SigningKey,
  verificationMethod: string,
  credentials: readonly Record<string, unknown>[],
): Promise<PoolResult[]> => {
  const id = keyOf(key, verificationMethod);
  let entry = pools.get(id);
  if (entry === undefined) {
    entry = {
      pool: createIssuerPool({
        key,
        verificationMethod,
        workers: Math.max(1, availableParallelism()),
        chunkSize: 32,
        // A long bulk run keeps each worker's heap small: it collects instead of growing.
        resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
      }),
      timer: undefined,
    };
    pools.set(id, entry);
  }
  if (entry.timer !== undefined) clearTimeout(entry.timer);
  try {
    return await entry.pool.issueMany(credentials);
  } finally {
    scheduleClose(id, entry);
  }
};

/** Stops every signing worker (the app's close, the end of a benchmark). */
export const closeAwardSigningPools = async (): Promise<void> => {
  const entries = [...pools.values()];
  pools.clear();
  for (const entry of entries) if (entry.timer !== undefined) clearTimeout(entry.timer);
  await Promise.all(entries.map((entry) => entry.pool.close()));
};
