import { randomInt } from 'node:crypto';
import { AkashiError } from '../errors/akashi-error.js';

/** Which indexes are already in use: a predicate, or the set of used indexes. */
export type StatusIndexTaken = ((index: number) => boolean) | ReadonlySet<number>;

export interface AllocateStatusIndexOptions {
  /** The number of statuses in the list (bits ÷ statusSize). */
  readonly length: number;
  /**
   * A source of uniform numbers in [0, 1), for deterministic tests. Defaults to the
   * cryptographically secure `crypto.randomInt`, which production code should keep.
   */
  readonly random?: () => number;
}

/** Random probes before falling back to a scan of the free indexes. */
const RANDOM_PROBES = 64;

/**
 * A uniformly random index in `[0, length)` that is not taken. The spec asks issuers to assign
 * indexes randomly so that nothing can be inferred from a position (§2.1 `statusListIndex`).
 *
 * It probes random indexes first; when the list is so full that {@link RANDOM_PROBES} probes all
 * hit used indexes, it lists the free indexes and picks one of them at random, so a 99 % full
 * list costs one pass over `length` indexes. Either way every free index is equally likely.
 *
 * The caller must still record the index atomically (a unique constraint, say): two concurrent
 * calls can return the same free index.
 *
 * @throws AkashiError `ERR_STATUS_LIST_FULL` when every index is taken.
 */
export const allocateStatusIndex = (
  isTaken: StatusIndexTaken,
  options: AllocateStatusIndexOptions,
): number => {
  const { length, random } = options;
  if (!Number.isSafeInteger(length) || length < 1 || length > 2 ** 48) {
    throw new TypeError(
      `"options.length" must be an integer from 1 to 2^48; got ${String(length)}.`,
    );
  }
  const taken = toPredicate(isTaken);
  const pick = random === undefined ? (bound: number) => randomInt(bound) : scaled(random);

  for (let probe = 0; probe < RANDOM_PROBES; probe += 1) {
    const index = pick(length);
    if (!taken(index)) return index;
  }

  const free: number[] = [];
  for (let index = 0; index < length; index += 1) {
    if (!taken(index)) free.push(index);
  }
  const chosen = free[free.length === 0 ? 0 : pick(free.length)];
  if (chosen === undefined) {
    throw new AkashiError(
      'ERR_STATUS_LIST_FULL',
      {
        en: `Every one of the ${length} status list indexes is in use; start a new status list.`,
        ja: `ステータスリストの ${length} 個のインデックスがすべて使用済みです。新しいステータスリストを作成してください。`,
      },
      { details: { length } },
    );
  }
  return chosen;
};

const toPredicate = (isTaken: StatusIndexTaken): ((index: number) => boolean) => {
  if (typeof isTaken === 'function') return isTaken;
  if (isTaken instanceof Set) return (index) => isTaken.has(index);
  throw new TypeError('"isTaken" must be a function or a Set of indexes.');
};

const scaled =
  (random: () => number) =>
  (bound: number): number => {
    const value = random();
    if (!Number.isFinite(value) || value < 0 || value >= 1) {
      throw new TypeError(`"options.random" must return a number in [0, 1); got ${String(value)}.`);
    }
    return Math.floor(value * bound);
  };
