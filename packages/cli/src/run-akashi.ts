/**
 * Test support: runs the real `akashi` binary as a child process in a temporary directory, the
 * way a user would, with an English locale unless the test sets another.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const AKASHI_BIN = fileURLToPath(new URL('../bin/akashi.js', import.meta.url));

/** The shared fixtures (the 1EdTech validator's samples), as core's tests find them. */
export const fixturePath = (path: string): string =>
  fileURLToPath(new URL(path, new URL('../../../../shared/fixtures/', import.meta.url)));

export interface AkashiRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunAkashiOptions {
  readonly cwd: string;
  readonly input?: string | Uint8Array;
  readonly env?: Readonly<Record<string, string>>;
}

export const runAkashi = (args: readonly string[], options: RunAkashiOptions): AkashiRun => {
  const result = spawnSync(process.execPath, [AKASHI_BIN, ...args], {
    cwd: options.cwd,
    ...(options.input === undefined ? {} : { input: options.input }),
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** A fresh temporary directory, removed by the returned function. */
export const createWorkDir = (): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'akashi-cli-'));
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** An Achievement as a user would write it in ACHIEVEMENT.json. */
export const SAMPLE_ACHIEVEMENT = {
  id: 'https://example.org/achievements/robotics-basics',
  name: 'Robotics Basics',
  description: 'Built and programmed a line-following robot.',
  criteria: { narrative: 'Complete the robotics workshop and demonstrate a working robot.' },
};

export const writeJson = (path: string, value: unknown): void => {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
};
