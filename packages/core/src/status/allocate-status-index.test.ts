import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AkashiError } from '../errors/akashi-error.js';
import { allocateStatusIndex } from './allocate-status-index.js';

const LENGTH = 131_072;

/** mulberry32: a small seeded PRNG so that the statistics below are reproducible. */
const seeded = (seed: number) => (): number => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const allocateMany = (count: number, random?: () => number): number[] => {
  const taken = new Set<number>();
  const order: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const index = allocateStatusIndex(
      taken,
      random === undefined ? { length: LENGTH } : { length: LENGTH, random },
    );
    taken.add(index);
    order.push(index);
  }
  return order;
};

const assertUniqueAndSpread = (order: readonly number[]): void => {
  assert.equal(new Set(order).size, order.length, 'indexes are unique');
  assert.ok(order.every((index) => Number.isInteger(index) && index >= 0 && index < LENGTH));
  // Spread: 16 equal buckets each get about 1/16 of the indexes.
  const buckets = new Array<number>(16).fill(0);
  for (const index of order) buckets[Math.floor(index / (LENGTH / 16))]! += 1;
  const expected = order.length / 16;
  for (const count of buckets)
    assert.ok(Math.abs(count - expected) < expected * 0.25, `bucket ${count}`);
  // Not sequential: consecutive allocations are almost never neighbours or increasing runs.
  let neighbours = 0;
  let increasing = 0;
  for (let n = 1; n < order.length; n += 1) {
    if (Math.abs(order[n]! - order[n - 1]!) === 1) neighbours += 1;
    if (order[n]! > order[n - 1]!) increasing += 1;
  }
  assert.ok(neighbours < 10, `${neighbours} neighbouring pairs`);
  assert.ok(
    Math.abs(increasing - order.length / 2) < order.length * 0.05,
    `${increasing} increases`,
  );
};

describe('allocateStatusIndex', () => {
  it('gives 10,000 unique, spread, non-sequential indexes (seeded random)', () => {
    assertUniqueAndSpread(allocateMany(10_000, seeded(2025)));
  });

  it('gives 10,000 unique, spread, non-sequential indexes (crypto random by default)', () => {
    assertUniqueAndSpread(allocateMany(10_000));
  });

  it('finds the single free index of an otherwise full list', () => {
    const free = 98_765;
    assert.equal(
      allocateStatusIndex((index) => index !== free, { length: LENGTH }),
      free,
    );
    const taken = new Set(Array.from({ length: LENGTH }, (_, index) => index));
    taken.delete(0);
    assert.equal(allocateStatusIndex(taken, { length: LENGTH }), 0);
  });

  it('stays cheap when the list is 99 % full: at most 64 probes plus one scan', () => {
    const random = seeded(7);
    const taken = new Set<number>();
    while (taken.size < LENGTH * 0.99) taken.add(Math.floor(random() * LENGTH));
    let calls = 0;
    const started = performance.now();
    for (let n = 0; n < 100; n += 1) {
      const index = allocateStatusIndex(
        (candidate) => {
          calls += 1;
          return taken.has(candidate);
        },
        { length: LENGTH, random },
      );
      assert.equal(taken.has(index), false);
      taken.add(index);
    }
    assert.ok(calls <= 100 * (64 + LENGTH), `${calls} calls`);
    assert.ok(performance.now() - started < 5000);
  });

  it('picks uniformly among the free indexes when it falls back to scanning', () => {
    const free = [3, 40, 41, 99];
    const taken = (index: number): boolean => !free.includes(index);
    const random = seeded(11);
    const counts = new Map<number, number>();
    for (let n = 0; n < 4000; n += 1) {
      const index = allocateStatusIndex(taken, { length: 100, random });
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    assert.deepEqual(
      [...counts.keys()].sort((a, b) => a - b),
      free,
    );
    for (const count of counts.values()) assert.ok(Math.abs(count - 1000) < 150, `count ${count}`);
  });

  it('throws ERR_STATUS_LIST_FULL when every index is taken', () => {
    assert.throws(
      () => allocateStatusIndex(() => true, { length: LENGTH }),
      (error: unknown) => error instanceof AkashiError && error.code === 'ERR_STATUS_LIST_FULL',
    );
    assert.throws(
      () => allocateStatusIndex(new Set([0, 1, 2, 3]), { length: 4 }),
      (error: unknown) => error instanceof AkashiError && error.code === 'ERR_STATUS_LIST_FULL',
    );
  });

  it('treats a bad length, a bad random source or a bad isTaken as misuse', () => {
    assert.throws(() => allocateStatusIndex(new Set(), { length: 0 }), TypeError);
    assert.throws(() => allocateStatusIndex(new Set(), { length: 1.5 }), TypeError);
    assert.throws(() => allocateStatusIndex(new Set(), { length: 8, random: () => 1 }), TypeError);
    assert.throws(
      () => allocateStatusIndex(new Set(), { length: 8, random: () => Number.NaN }),
      TypeError,
    );
    assert.throws(
      () => allocateStatusIndex([] as unknown as Set<number>, { length: 8 }),
      TypeError,
    );
  });
});
