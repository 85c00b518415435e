/**
 * The platform as a user starts it (`node packages/server/dist/main.js`, what `npm start` runs),
 * on a fresh data directory (embedded SQLite), a free loopback port and a loopback SMTP server;
 * its JSON log lines are kept, and the first-run set-up link is read from them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PlatformProcess {
  readonly url: string;
  readonly setupUrl: string;
  readonly logs: readonly string[];
  /** The data directory (embedded SQLite, master key file), removed by `stop`. */
  readonly dataDir: string;
  /** The environment the platform runs with (for the `akashi admin` commands on its database). */
  readonly env: Readonly<Record<string, string>>;
  readonly stop: () => Promise<void>;
}

const freePort = async (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });

const MAIN = new URL('../../packages/server/dist/main.js', import.meta.url);

export interface StartPlatformOptions {
  readonly smtpUrl: string;
  /**
   * The host name in `PUBLIC_URL` (the server listens on 127.0.0.1 either way): `localhost` for
   * WebAuthn, which refuses an IP address as its relying-party id.
   */
  readonly host?: '127.0.0.1' | 'localhost';
}

export const startPlatform = async (options: StartPlatformOptions): Promise<PlatformProcess> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'akashi-browser-'));
  const port = await freePort();
  const url = `http://${options.host ?? '127.0.0.1'}:${String(port)}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    AKASHI_DATA_DIR: dataDir,
    SMTP_URL: options.smtpUrl,
    MAIL_FROM: 'akashi@example.ac.jp',
    LOG_LEVEL: 'info',
  };
  const child: ChildProcess = spawn(process.execPath, [MAIN.pathname], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  let setupUrl: string | undefined;
  let listening = false;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The platform did not start in 60 s:\n${logs.join('\n')}`));
    }, 60_000);
    const onLine = (line: string) => {
      logs.push(line);
      if (/"setupUrl":"([^"]+)"/.test(line)) setupUrl = /"setupUrl":"([^"]+)"/.exec(line)?.[1];
      if (/listening|Server listening/i.test(line)) listening = true;
      if (listening && setupUrl !== undefined) {
        clearTimeout(timer);
        resolve();
      }
    };
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`The platform exited (${String(code)}) while starting:\n${logs.join('\n')}`),
      );
    });
  });
  await ready;
  return {
    url,
    setupUrl: setupUrl ?? '',
    logs,
    dataDir,
    env,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
