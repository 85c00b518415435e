/**
 * Test support for `bulk-job-crash-resume.test.ts`, run as a child process
 * (`node --import tsx crash-resume-child.ts`): a bulk-job runner on the database named by
 * `BULK_CHILD_DATABASE` (a JSON `DatabaseTarget`), with the recording test processor, polling
 * until the test kills it with SIGKILL mid-job. Prints `ready` once it has started.
 */
import { openDatabase, type DatabaseTarget } from '../db/open-database.js';
import { createBulkJobRunner } from './bulk-job-runner.js';
import { createRecordingProcessor } from './bulk-job-test-support.js';

const target = JSON.parse(process.env.BULK_CHILD_DATABASE ?? 'null') as DatabaseTarget | null;
if (target === null) throw new Error('crash-resume-child: BULK_CHILD_DATABASE is not set');
const db = openDatabase(target);
const { processRows } = createRecordingProcessor(db, { delayMs: 5 });
const runner = createBulkJobRunner({
  db,
  processRows,
  workerId: 'child',
  batchSize: 20,
  leaseMs: Number(process.env.BULK_CHILD_LEASE_MS ?? 1000),
  pollIntervalMs: 20,
});
runner.start();
process.stdout.write('ready\n');
