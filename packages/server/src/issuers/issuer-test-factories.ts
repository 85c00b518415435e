/**
 * Test support: an `AppContext` on a test database, and issuer profiles made through the real
 * command (keys included). Not for production code.
 *
 *   const { context, masterKey } = createTestContext(db);
 *   const { app } = buildTestApp({ db, masterKey }); // the app sees the same keys
 *   const profile = await insertTestIssuerProfile(context, organisationId);
 */
import type { Config } from '../config/load-config.js';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { createTestConfig } from '../http/build-test-app.js';
import { createKeyStore } from '../keys/key-store.js';
import { createTestMasterKey, testActor } from '../keys/key-test-factories.js';
import type { MasterKey } from '../keys/master-key.js';
import type { IssuerProfile } from './issuer-profile.js';
import { createIssuerProfile, type CreateIssuerProfileInput } from './manage-issuer-profiles.js';

export interface TestContext {
  readonly context: AppContext;
  readonly masterKey: MasterKey;
}

export const createTestContext = (
  db: Database,
  options: { readonly config?: Partial<Config>; readonly clock?: () => Date } = {},
): TestContext => {
  const masterKey = createTestMasterKey();
  const clock = options.clock ?? (() => new Date());
  return {
    masterKey,
    context: {
      config: createTestConfig(options.config),
      db,
      clock,
      keys: createKeyStore({ db, masterKey, clock }),
      masterKey,
    },
  };
};

/** A profile of `organisationId` (its default one unless `departmentId` is given), with keys. */
export const insertTestIssuerProfile = (
  context: AppContext,
  organisationId: string,
  overrides: Partial<CreateIssuerProfileInput> = {},
): Promise<IssuerProfile> =>
  createIssuerProfile(
    context,
    organisationId,
    {
      name: { ja: '国立証大学', en: 'Akashi National University' },
      url: 'https://www.example.ac.jp',
      email: 'badges@example.ac.jp',
      ...overrides,
    },
    { actor: testActor(), now: context.clock() },
  );
