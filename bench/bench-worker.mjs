// One benchmark worker: sets up (keys, warm-up), waits for "go", runs its share, reports.
import { parentPort, workerData } from 'node:worker_threads';
import { setupOurs, setupReference } from './bench-setup.mjs';

const { kind, start, count } = workerData;
const setup = kind.startsWith('ours') ? await setupOurs() : await setupReference();
const run = kind.endsWith('issue') ? setup.issue : setup.verify;
// Warm-up: compile shapes, JIT.
await run(start, Math.min(50, count));
parentPort.postMessage({ ready: true });
parentPort.once('message', async () => {
  const t0 = performance.now();
  const failures = await run(start, count);
  parentPort.postMessage({ done: true, ms: performance.now() - t0, failures });
});
