/**
 * Test support: the app on a given database with a test configuration, its JSON log lines
 * captured instead of printed.
 */
import type { Config } from '../config/load-config.js';
import { openDatabase, type Database } from '../db/open-database.js';
import { createTestMasterKey } from '../keys/key-test-factories.js';
import type { MasterKey } from '../keys/master-key.js';
import type { App, RouteModule } from './app-context.js';
import { createApp } from './create-app.js';

export const createTestConfig = (overrides: Partial<Config> = {}): Config => ({
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent/akashi-test',
  database: { dialect: 'sqlite', file: ':memory:' },
  publicUrl: 'https://badges.example.ac.jp',
  logLevel: 'info',
  bodyLimit: 1024 * 1024,
  trustProxy: false,
  webhookAllowPrivateTargets: false,
  imageStore: 'database',
  ...overrides,
});

export interface TestApp {
  readonly app: App;
  readonly db: Database;
  /** Every log line so far, parsed. */
  readonly logs: () => Record<string, unknown>[];
  /** Closes the app and the database. */
  readonly close: () => Promise<void>;
}

export interface BuildTestAppOptions {
  /** Default: a fresh in-memory SQLite database (not migrated). */
  readonly db?: Database;
  readonly config?: Partial<Config>;
  readonly routes?: readonly RouteModule[];
  readonly clock?: () => Date;
  /** Default: a new random master key. */
  readonly masterKey?: MasterKey;
}

export const buildTestApp = (options: BuildTestAppOptions = {}): TestApp => {
  const db = options.db ?? openDatabase({ dialect: 'sqlite', file: ':memory:' });
  const lines: string[] = [];
  const app = createApp({
    config: createTestConfig(options.config),
    db,
    masterKey: options.masterKey ?? createTestMasterKey(),
    logger: {
      destination: {
        write: (line) => {
          lines.push(line);
        },
      },
    },
    ...(options.routes === undefined ? {} : { routes: options.routes }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return {
    app,
    db,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
};
