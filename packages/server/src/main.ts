/**
 * `npm start`: runs the platform until SIGTERM or SIGINT, then shuts down gracefully (in-flight
 * requests finish, the database is closed) and exits 0. A second signal, or a shutdown longer
 * than SHUTDOWN_TIMEOUT_MS, exits 1 at once. Start-up failures (bad configuration, a failed
 * migration, a busy port) are logged as one JSON line with every detail, and exit 1.
 */
import { isConfigError } from './config/config-error.js';
import { isMigrationError } from './db/migration-error.js';
import { startServer, type RunningServer } from './start-server.js';

export const SHUTDOWN_TIMEOUT_MS = 10_000;

/** A log line in the same JSON shape as the app's, for when there is no app logger yet. */
const logFatal = (msg: string, fields: Record<string, unknown>): void => {
  const line = { level: 'fatal', time: new Date().toISOString(), pid: process.pid, msg, ...fields };
  process.stderr.write(`${JSON.stringify(line)}\n`);
};

const describeStartFailure = (error: unknown): [string, Record<string, unknown>] => {
  if (isConfigError(error)) {
    return [
      error.message,
      {
        code: error.code,
        issues: error.issues.map(({ variable, message }) => ({ variable, ...message })),
        ja: error.ja,
      },
    ];
  }
  if (isMigrationError(error)) {
    return [error.message, { code: error.code, migration: error.migration, ja: error.ja }];
  }
  const err = error instanceof Error ? { message: error.message, stack: error.stack } : error;
  return ['the platform could not start', { err }];
};

const run = async (): Promise<void> => {
  // Signals are taken from the very start: one that arrives while the server is still starting
  // (migrations, the first-run link, background workers) stops it as soon as it is up, cleanly,
  // instead of killing the process half-way.
  let server: RunningServer | undefined;
  let pending: NodeJS.Signals | undefined;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (server === undefined) {
      pending ??= signal;
      return;
    }
    const { log } = server.app;
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    server.stop().then(
      () => {
        clearTimeout(timer);
        log.info('stopped');
        process.exitCode = 0;
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  try {
    server = await startServer();
  } catch (error) {
    logFatal(...describeStartFailure(error));
    process.exitCode = 1;
    process.off('SIGTERM', shutdown);
    process.off('SIGINT', shutdown);
    return;
  }
  if (pending !== undefined) shutdown(pending);
};

await run();
