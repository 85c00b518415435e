import assert from 'node:assert/strict';
import { forEachDatabase } from '../db/for-each-database.js';
import { clearRateLimit, hitRateLimit, readRateLimit } from './rate-limit.js';

const RULE = { limit: 3, windowMs: 60_000 };
const T0 = new Date('2026-04-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

forEachDatabase('rate limits count per key and window, and reset after it', async (db) => {
  const k = db.kysely;
  const states = [];
  for (let i = 0; i < 4; i += 1) states.push(await hitRateLimit(k, 'test:a', RULE, at(i * 1000)));
  assert.deepEqual(
    states.map((s) => [s.count, s.exceeded]),
    [
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ],
  );
  assert.equal(states[3]?.retryAfterSeconds, 57);
  assert.deepEqual(await readRateLimit(k, 'test:a', RULE, at(5000)), {
    count: 4,
    exceeded: true,
    retryAfterSeconds: 55,
  });
  assert.equal((await readRateLimit(k, 'test:b', RULE, at(5000))).count, 0, 'keys are separate');
  // A new window starts once the old one is over.
  const fresh = await hitRateLimit(k, 'test:a', RULE, at(60_000));
  assert.deepEqual([fresh.count, fresh.exceeded, fresh.retryAfterSeconds], [1, false, 60]);
  assert.equal((await readRateLimit(k, 'test:a', RULE, at(121_000))).count, 0);
  await clearRateLimit(k, 'test:a');
  assert.equal((await readRateLimit(k, 'test:a', RULE, at(61_000))).count, 0);
});

forEachDatabase('rate limits lose no count under concurrent attempts', async (db) => {
  const hits = await Promise.all(
    Array.from({ length: 25 }, () => hitRateLimit(db.kysely, 'test:burst', RULE, T0)),
  );
  assert.deepEqual(
    hits.map((s) => s.count).sort((a, b) => a - b),
    Array.from({ length: 25 }, (_, i) => i + 1),
  );
});
