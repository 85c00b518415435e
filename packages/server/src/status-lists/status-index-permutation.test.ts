/** Tests of the keyed index permutation: a bijection, keyed, random-looking. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { MIN_STATUS_LIST_LENGTH } from '@akashi/core';
import { createStatusIndexPermutation } from './status-index-permutation.js';

const imageOf = (key: Uint8Array, length: number, count = length): Set<number> => {
  const permute = createStatusIndexPermutation(key, length);
  const seen = new Set<number>();
  for (let counter = 0; counter < count; counter += 1) {
    const index = permute(counter);
    assert.ok(index >= 0 && index < length, `index ${index} outside [0, ${length})`);
    seen.add(index);
  }
  return seen;
};

describe('status index permutation', () => {
  it('is a bijection of [0, length) for every small length (even, odd, powers of two)', () => {
    const key = randomBytes(32);
    for (const length of [1, 2, 3, 7, 8, 100, 255, 256, 257, 1000, 4096, 5000]) {
      assert.equal(imageOf(key, length).size, length, `length ${length}`);
    }
  });

  it('is a bijection over the whole 2^17 list (131,072 = the published length)', () => {
    assert.equal(MIN_STATUS_LIST_LENGTH, 2 ** 17);
    assert.equal(imageOf(randomBytes(32), MIN_STATUS_LIST_LENGTH).size, MIN_STATUS_LIST_LENGTH);
  });

  it('spot-checks a list larger than the default (2^20 + 8): no collision in 50,000', () => {
    assert.equal(imageOf(randomBytes(32), 2 ** 20 + 8, 50_000).size, 50_000);
  });

  it('depends on the key, and the same key gives the same mapping', () => {
    const key = randomBytes(32);
    const a = createStatusIndexPermutation(key, MIN_STATUS_LIST_LENGTH);
    const b = createStatusIndexPermutation(Buffer.from(key), MIN_STATUS_LIST_LENGTH);
    const c = createStatusIndexPermutation(randomBytes(32), MIN_STATUS_LIST_LENGTH);
    const first = Array.from({ length: 64 }, (_, i) => a(i));
    assert.deepEqual(
      first,
      Array.from({ length: 64 }, (_, i) => b(i)),
    );
    assert.notDeepEqual(
      first,
      Array.from({ length: 64 }, (_, i) => c(i)),
    );
  });

  it('looks random: consecutive counters are spread over the whole list', () => {
    const permute = createStatusIndexPermutation(randomBytes(32), MIN_STATUS_LIST_LENGTH);
    const indexes = Array.from({ length: 1000 }, (_, i) => permute(i));
    // Not in counter order, and every eighth of the list gets a share (expected 125 each).
    assert.ok(indexes.some((index, i) => i > 0 && index < (indexes[i - 1] ?? 0)));
    const buckets = new Array<number>(8).fill(0);
    for (const index of indexes) {
      const bucket = Math.floor(index / (MIN_STATUS_LIST_LENGTH / 8));
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) assert.ok(count > 60 && count < 200, `buckets ${buckets.join()}`);
    // Adjacent counters do not give adjacent indexes.
    const close = indexes.filter(
      (index, i) => i > 0 && Math.abs(index - (indexes[i - 1] ?? 0)) < 16,
    );
    assert.ok(close.length < 5, `${close.length} adjacent pairs`);
  });

  it('refuses a short key, a bad length and a counter outside the list', () => {
    assert.throws(() => createStatusIndexPermutation(randomBytes(8), 8), TypeError);
    assert.throws(() => createStatusIndexPermutation(randomBytes(32), 0), TypeError);
    assert.throws(() => createStatusIndexPermutation(randomBytes(32), 2 ** 31), TypeError);
    const permute = createStatusIndexPermutation(randomBytes(32), 8);
    assert.throws(() => permute(8), RangeError);
    assert.throws(() => permute(-1), RangeError);
    assert.throws(() => permute(1.5), RangeError);
  });
});
