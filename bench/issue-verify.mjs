#!/usr/bin/env node
// `npm run bench`: OB 3.0 Data Integrity (eddsa-rdfc-2022) issue and verify throughput of
// Akashi and of the reference stack (@digitalbazaar/vc), in the same run, with 1 and 2 worker
// threads. The last line is one JSON object with the headline figures (2 workers).
import { Worker } from 'node:worker_threads';

const OURS_COUNT = Number(process.env.BENCH_OURS ?? 20000);
const REF_COUNT = Number(process.env.BENCH_REF ?? 600);

const runWorkers = async (kind, total, workers) => {
  const per = Math.ceil(total / workers);
  const threads = [];
  const ready = [];
  const done = [];
  for (let w = 0; w < workers; w++) {
    const worker = new Worker(new URL('./bench-worker.mjs', import.meta.url), {
      workerData: { kind, start: 1000 + w * per, count: per },
    });
    threads.push(worker);
    ready.push(
      new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    );
  }
  await Promise.all(ready);
  const t0 = performance.now();
  for (const worker of threads) {
    done.push(
      new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    );
    worker.postMessage('go');
  }
  const results = await Promise.all(done);
  const ms = performance.now() - t0;
  await Promise.all(threads.map((t) => t.terminate()));
  const failures = results.reduce((sum, r) => sum + r.failures, 0);
  if (failures > 0) throw new Error(`${kind}: ${failures} credentials failed verification`);
  return (per * workers) / (ms / 1000);
};

const rows = [];
const measure = async (label, kind, total) => {
  const one = await runWorkers(kind, total, 1);
  const two = await runWorkers(kind, total, 2);
  rows.push({ label, one, two });
  console.log(
    `${label.padEnd(28)} 1 worker: ${one.toFixed(0).padStart(7)}/s   2 workers: ${two.toFixed(0).padStart(7)}/s`,
  );
  return { one, two };
};

console.log(
  `OB 3.0 eddsa-rdfc-2022, ${process.env.BENCH_OURS ?? 20000} (ours) / ${REF_COUNT} (reference) credentials per measurement`,
);
const refIssue = await measure('reference issue', 'ref-issue', REF_COUNT);
const oursIssue = await measure('akashi issue', 'ours-issue', OURS_COUNT);
const refVerify = await measure('reference verify', 'ref-verify', REF_COUNT);
const oursVerify = await measure('akashi verify', 'ours-verify', OURS_COUNT);
console.log(
  `ratios (2 workers): issue ${(oursIssue.two / refIssue.two).toFixed(1)}x, verify ${(oursVerify.two / refVerify.two).toFixed(1)}x; ` +
    `(1 worker): issue ${(oursIssue.one / refIssue.one).toFixed(1)}x, verify ${(oursVerify.one / refVerify.one).toFixed(1)}x`,
);
console.log(
  JSON.stringify({
    issue_per_s: Math.round(oursIssue.two),
    verify_per_s: Math.round(oursVerify.two),
    ref_issue_per_s: Math.round(refIssue.two),
    ref_verify_per_s: Math.round(refVerify.two),
  }),
);
