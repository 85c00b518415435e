/**
 * Test support for `bulk-award-crash-resume.test.ts`, run as a child process
 * (`node --import tsx bulk-award-child.ts`): a bulk-job runner that really issues (signing pool,
 * stored awards) on the database named by `AWARD_CHILD_DATABASE` (a JSON `DatabaseTarget`), with
 * the master key `AWARD_CHILD_MASTER_KEY`, until the test kills it with SIGKILL mid-job.
 */
import { createBulkJobRunner } from '../bulk/bulk-job-runner.js';
import { openDatabase, type DatabaseTarget } from '../db/open-database.js';
import { createTestConfig } from '../http/build-test-app.js';
import { createKeyStore } from '../keys/key-store.js';
import { deriveMasterKey, parseMasterKey } from '../keys/master-key.js';
import { createBulkAwardProcessor } from './bulk-award-processor.js';

const target = JSON.parse(process.env.AWARD_CHILD_DATABASE ?? 'null') as DatabaseTarget | null;
const secret = parseMasterKey(process.env.AWARD_CHILD_MASTER_KEY ?? '');
if (target === null || secret === undefined) throw new Error('bulk-award-child: set the env');
const db = openDatabase(target);
const masterKey = deriveMasterKey(secret, 'environment');
const clock = () => new Date();
const context = {
  config: createTestConfig(),
  db,
  clock,
  masterKey,
  keys: createKeyStore({ db, masterKey, clock }),
};
const runner = createBulkJobRunner({
  db,
  processRows: createBulkAwardProcessor(context),
  workerId: 'child',
  batchSize: 50,
  leaseMs: Number(process.env.AWARD_CHILD_LEASE_MS ?? 1000),
  pollIntervalMs: 20,
});
runner.start();
process.stdout.write('ready\n');
