/**
 * Test support for the issue and verify suites: a temporary directory holding an achievement
 * and one key of each type, with helpers that run `akashi` there.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createWorkDir,
  runAkashi,
  SAMPLE_ACHIEVEMENT,
  writeJson,
  type AkashiRun,
} from './run-akashi.js';

export interface ReportCheck {
  readonly name: string;
  readonly outcome: string;
  readonly code: string;
}

export interface ReportJson {
  readonly status: string;
  readonly checks: readonly ReportCheck[];
  readonly proofFormat?: string;
}

export const RECIPIENT = 'hanako@example.ac.jp';

/** `akashi issue` with the Ed25519 key, the achievement and RECIPIENT. */
export const ISSUE_ED25519 = [
  'issue',
  '--key',
  'ed25519.json',
  '--achievement',
  'achievement.json',
  '--recipient',
  RECIPIENT,
];

export const findCheck = (report: ReportJson, name: string): ReportCheck => {
  const check = report.checks.find((c) => c.name === name);
  assert.ok(check, `no ${name} check in ${JSON.stringify(report.checks)}`);
  return check;
};

export interface IssuerWorkspace {
  /** Writes achievement.json and generates ed25519.json, p256.json and rsa.json. */
  readonly dir: string;
  readonly prepare: () => void;
  readonly remove: () => void;
  readonly run: (args: string[], env?: Record<string, string>) => AkashiRun;
  readonly path: (name: string) => string;
  readonly readJson: (name: string) => Record<string, unknown>;
  /** `akashi verify NAME --json …`: its exit status and parsed report (nothing on stderr). */
  readonly verifyJson: (
    name: string,
    extra?: string[],
  ) => { status: number | null; report: ReportJson };
}

export const createIssuerWorkspace = (): IssuerWorkspace => {
  const work = createWorkDir();
  const run = (args: string[], env?: Record<string, string>) =>
    runAkashi(args, { cwd: work.dir, ...(env === undefined ? {} : { env }) });
  const path = (name: string) => join(work.dir, name);
  return {
    dir: work.dir,
    prepare: () => {
      writeJson(path('achievement.json'), SAMPLE_ACHIEVEMENT);
      for (const type of ['ed25519', 'p256', 'rsa']) {
        const result = run(['keys', 'generate', '--type', type, '--out', `${type}.json`]);
        assert.equal(result.status, 0, result.stderr);
      }
    },
    remove: work.remove,
    run,
    path,
    readJson: (name) => JSON.parse(readFileSync(path(name), 'utf8')) as Record<string, unknown>,
    verifyJson: (name, extra = []) => {
      const result = run(['verify', name, '--json', ...extra]);
      assert.equal(result.stderr, '');
      return { status: result.status, report: JSON.parse(result.stdout) as ReportJson };
    },
  };
};
