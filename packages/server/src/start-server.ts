/**
 * Starts the platform: reads the configuration, opens the database, applies pending migrations,
 * builds the app and listens (on first run it also prints the operator set-up link). `stop()` closes the server (in-flight requests finish, new ones get
 * 503 ERR_SERVER_SHUTTING_DOWN) and then the database.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config/load-config.js';
import { migrateDatabase } from './db/migrate-database.js';
import { openDatabase, type Database } from './db/open-database.js';
import { readInstance } from './db/read-instance.js';
import type { App } from './http/app-context.js';
import { createApp, type CreateAppOptions } from './http/create-app.js';
import { loadMasterKey } from './keys/load-master-key.js';
import { announceOperatorSetup } from './setup/announce-operator-setup.js';

export interface StartServerOptions {
  /** The environment to read the configuration from (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The directory a relative AKASHI_DATA_DIR is resolved against (default: process.cwd()). */
  readonly cwd?: string;
  readonly logger?: CreateAppOptions['logger'];
}

export interface RunningServer {
  readonly config: Config;
  readonly db: Database;
  readonly app: App;
  /** Where the server listens, e.g. http://127.0.0.1:3000. */
  readonly address: string;
  /** Stops listening, lets in-flight requests finish, then closes the database. */
  stop(): Promise<void>;
}

export const startServer = async (options: StartServerOptions = {}): Promise<RunningServer> => {
  const config = loadConfig(options.env ?? process.env, {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  let app: App | undefined;
  const db = openDatabase(config.database, {
    onIdleError: (error) => app?.log.warn({ err: error }, 'idle database connection failed'),
  });
  try {
    const masterKey = await loadMasterKey(config);
    app = createApp({
      config,
      db,
      masterKey,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
    const { applied } = await migrateDatabase(db);
    const instance = await readInstance(db);
    app.log.info(
      { database: db.description, applied, instanceId: instance.id },
      applied.length === 0 ? 'database up to date' : `applied ${applied.length} migration(s)`,
    );
    await app.listen({ port: config.port, host: config.host });
    // First run: a one-time link to create the operator account (setup/announce-operator-setup.ts).
    await announceOperatorSetup({ db, config, log: app.log });
    const { address, port, family } = app.server.address() as AddressInfo;
    const host = family === 'IPv6' ? `[${address}]` : address;
    const running = app;
    return {
      config,
      db,
      app: running,
      address: `http://${host}:${port}`,
      stop: async () => {
        try {
          await running.close();
        } finally {
          await db.close();
        }
      },
    };
  } catch (error) {
    await app?.close();
    await db.close();
    throw error;
  }
};
