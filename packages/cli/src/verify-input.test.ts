import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createWorkDir, fixturePath, runAkashi } from './run-akashi.js';

const VALIDATOR_PNG = fixturePath('validator/ob30/simple-json.png');
const PLAIN_PNG = fixturePath('validator/ob20/assets/robotics-badge.png');

const work = createWorkDir();
after(work.remove);
const run = (args: string[]) => runAkashi(args, { cwd: work.dir });
const path = (name: string) => join(work.dir, name);
const reportOf = (stdout: string) =>
  JSON.parse(stdout) as {
    status: string;
    checks: { name: string; outcome: string; code: string }[];
  };

describe('akashi verify: input that is not a valid credential', () => {
  it('exits 2 with a one-line message for a missing file', () => {
    const result = run(['verify', 'missing.json']);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'akashi: Cannot read missing.json (ENOENT). [ERR_CLI_FILE_UNREADABLE]\n',
    );
  });

  it('exits 2 without an INPUT', () => {
    assert.equal(run(['verify']).status, 2);
  });

  it('exits 2 for random bytes: status unreadable', () => {
    writeFileSync(
      path('random.bin'),
      Buffer.from([0x00, 0x9f, 0x13, 0xfe, 0x42, 0x07, 0xc3, 0x28, 0xa0, 0xa1]),
    );
    const result = run(['verify', 'random.bin', '--json']);
    assert.equal(result.status, 2);
    assert.equal(reportOf(result.stdout).status, 'unreadable');
    const summary = run(['verify', 'random.bin']);
    assert.equal(summary.status, 2);
    assert.match(summary.stdout, /^UNREADABLE: /);
  });

  it('exits 2 for an empty file and for a PNG without a baked credential', () => {
    writeFileSync(path('empty.json'), '');
    assert.equal(run(['verify', 'empty.json']).status, 2);
    copyFileSync(PLAIN_PNG, path('plain.png'));
    const result = run(['verify', 'plain.png', '--json']);
    assert.equal(result.status, 2);
    assert.equal(reportOf(result.stdout).checks[0]?.code, 'ERR_PARSE_NO_CREDENTIAL');
  });

  it('exits 1 for {}: readable JSON, but not a valid credential', () => {
    writeFileSync(path('empty-object.json'), '{}');
    const result = run(['verify', 'empty-object.json', '--json']);
    assert.equal(result.status, 1);
    assert.equal(reportOf(result.stdout).status, 'invalid');
  });

  it('exits 1 (indeterminate) for the validator fixture simple-json.png: its https #z6Mk key is not confirmed offline', () => {
    const result = run(['verify', VALIDATOR_PNG, '--json']);
    assert.equal(result.status, 1);
    const report = reportOf(result.stdout);
    assert.equal(report.status, 'indeterminate');
    assert.equal(report.checks.find((check) => check.name === 'proof')?.outcome, 'error');
    const summary = run(['verify', VALIDATOR_PNG]);
    assert.equal(summary.status, 1);
    assert.match(summary.stdout, /^INDETERMINATE: /);
    assert.match(summary.stdout, /\n {2}! proof: /);
  });
});
