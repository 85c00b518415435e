/**
 * Test support for pages: the whole platform (every API route and the web app) on a migrated
 * in-memory SQLite database, with the policy test world's organisations and users (an approved
 * organisation A with a default issuer profile, its admin, issuers, a viewer, a learner, the
 * operator), and helpers that load a page or post a form as a browser does.
 */
import type { LightMyRequestResponse } from 'fastify';
import { migrateDatabase } from '../../server/src/db/migrate-database.js';
import { openDatabase, type Database } from '../../server/src/db/open-database.js';
import { buildTestApp, type TestApp } from '../../server/src/http/build-test-app.js';
import {
  createTestContext,
  insertTestIssuerProfile,
} from '../../server/src/issuers/issuer-test-factories.js';
import {
  buildPolicyTestWorld,
  type PolicyTestWorld,
} from '../../server/src/policy/policy-test-world.js';

export const PUBLIC_URL = 'https://badges.example.ac.jp';

export interface WebTestWorld extends PolicyTestWorld {
  readonly testApp: TestApp;
  readonly db: Database;
  /** Organisation A's default issuer profile. */
  readonly profileA: string;
  /** Loads a page as a browser would (Accept: text/html; `as`: a role's session headers). */
  readonly get: (url: string, as?: Record<string, string>) => Promise<LightMyRequestResponse>;
  /**
   * Posts a form (urlencoded) as a browser would; the session's CSRF token is added as `_csrf`
   * unless the fields give one.
   */
  readonly post: (
    url: string,
    fields: Readonly<Record<string, string | readonly string[]>>,
    as?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  readonly close: () => Promise<void>;
}

export const buildWebTestWorld = async (
  options: { clock?: () => Date } = {},
): Promise<WebTestWorld> => {
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
  await migrateDatabase(db);
  const world = await buildPolicyTestWorld(db);
  const { context, masterKey } = createTestContext(db, { config: { publicUrl: PUBLIC_URL } });
  const profileA = (await insertTestIssuerProfile(context, world.orgA)).id;
  const testApp = buildTestApp({
    db,
    masterKey,
    config: { publicUrl: PUBLIC_URL },
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  await testApp.app.ready();
  const browserHeaders = (as: Record<string, string> | undefined) => ({
    accept: 'text/html,application/xhtml+xml',
    'accept-language': 'ja,en;q=0.8',
    ...(as?.cookie === undefined ? {} : { cookie: as.cookie }),
  });
  return {
    ...world,
    testApp,
    db,
    profileA,
    get: (url, as) => testApp.app.inject({ method: 'GET', url, headers: browserHeaders(as) }),
    post: (url, fields, as) => {
      const form = new URLSearchParams();
      const csrf = as?.['x-csrf-token'];
      if (csrf !== undefined && !('_csrf' in fields)) form.append('_csrf', csrf);
      for (const [name, value] of Object.entries(fields)) {
        for (const one of typeof value === 'string' ? [value] : value) form.append(name, one);
      }
      return testApp.app.inject({
        method: 'POST',
        url,
        headers: {
          ...browserHeaders(as),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: form.toString(),
      });
    },
    close: () => testApp.close(),
  };
};
