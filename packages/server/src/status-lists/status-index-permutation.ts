/**
 * The keyed permutation that turns a list's allocation counter (0, 1, 2, …) into its
 * `statusListIndex`: indexes look random to anyone without the list's key (the spec asks for
 * random assignment, so that an index tells nothing about when or to whom a badge was issued),
 * yet the counter hands each index out exactly once, so two entries never collide.
 *
 * A balanced Feistel network over the smallest even bit width that covers the list, with
 * cycle-walking to stay below `length`: a Feistel network is a bijection whatever its round
 * function, and walking a bijection of a larger domain until it lands in [0, length) is a
 * bijection of [0, length). The round functions are HMAC-SHA-256 under the list's key, tabulated
 * once per list (a few thousand bytes for 131,072 entries), so a permutation costs a few table
 * lookups and 10,000 indexes take well under a millisecond.
 */
import { createHmac } from 'node:crypto';

/** Six rounds: four already make a strong pseudo-random permutation (Luby–Rackoff). */
const ROUNDS = 6;

/** The largest list the permutation takes (its arithmetic stays within 31-bit integers). */
export const MAX_PERMUTED_LENGTH = 2 ** 30;

/** Keys shorter than this are refused. */
const MIN_KEY_BYTES = 16;

export type StatusIndexPermutation = (counter: number) => number;

/** One round's function as a table: `table[x]` for every half-block `x`. */
const roundTable = (key: Uint8Array, round: number, size: number, mask: number): Uint16Array => {
  const table = new Uint16Array(size);
  // Each HMAC gives 32 bytes: sixteen 16-bit values (a half-block has at most 15 bits).
  for (let block = 0; block * 16 < size; block += 1) {
    const digest = createHmac('sha256', key)
      .update(`akashi-status-index:${round}:${block}`)
      .digest();
    for (let i = 0; i < 16 && block * 16 + i < size; i += 1) {
      table[block * 16 + i] = digest.readUInt16BE(i * 2) & mask;
    }
  }
  return table;
};

/** A bijection of [0, length) keyed by `key`: the same key and length give the same mapping. */
export const createStatusIndexPermutation = (
  key: Uint8Array,
  length: number,
): StatusIndexPermutation => {
  if (!(key instanceof Uint8Array) || key.length < MIN_KEY_BYTES) {
    throw new TypeError(`"key" must be at least ${MIN_KEY_BYTES} bytes.`);
  }
  if (!Number.isSafeInteger(length) || length < 1 || length > MAX_PERMUTED_LENGTH) {
    throw new TypeError(
      `"length" must be an integer from 1 to ${MAX_PERMUTED_LENGTH}; got ${String(length)}.`,
    );
  }
  let bits = 2;
  while (2 ** bits < length) bits += 1;
  const half = Math.ceil(bits / 2);
  const size = 2 ** half;
  const mask = size - 1;
  const tables = Array.from({ length: ROUNDS }, (_, round) => roundTable(key, round, size, mask));

  const permuteOnce = (value: number): number => {
    let left = value >>> half;
    let right = value & mask;
    for (const table of tables) {
      const next = left ^ (table[right] ?? 0);
      left = right;
      right = next;
    }
    return left * size + right;
  };

  return (counter: number): number => {
    if (!Number.isSafeInteger(counter) || counter < 0 || counter >= length) {
      throw new RangeError(`counter must be an integer from 0 to ${length - 1}; got ${counter}.`);
    }
    let index = permuteOnce(counter);
    // At most 4 × length values lie outside, so the walk ends after a few steps on average.
    while (index >= length) index = permuteOnce(index);
    return index;
  };
};
