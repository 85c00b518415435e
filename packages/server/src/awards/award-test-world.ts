/**
 * Test support for awards: an app on a migrated database with an approved organisation, its
 * default issuer profile (keys made) and an achievement, plus a verifier that reads our own
 * documents in process. Not for production code.
 */
import { randomUUID } from 'node:crypto';
import { createBadgeVerifier, type BadgeVerifier } from '@akashi/core';
import { createAchievement } from '../achievements/manage-achievements.js';
import type { Achievement } from '../achievements/achievement.js';
import type { CreateAchievementBody } from '../achievements/achievement-schemas.js';
import { insertTestApiKey, insertTestOrganisation } from '../auth/test-factories.js';
import type { Config } from '../config/load-config.js';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { buildTestApp, createTestConfig, type TestApp } from '../http/build-test-app.js';
import { createInProcessFetchDocument } from '../http/in-process-fetch.js';
import type { IssuerProfile } from '../issuers/issuer-profile.js';
import { insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import { createKeyStore } from '../keys/key-store.js';
import { createTestMasterKey, testActor } from '../keys/key-test-factories.js';
import type { CommandOrigin } from '../policy/command-origin.js';

export interface AwardTestWorld {
  readonly test: TestApp;
  readonly context: AppContext;
  readonly organisationId: string;
  readonly profile: IssuerProfile;
  readonly achievement: Achievement;
  readonly origin: () => CommandOrigin;
  /** A verifier that fetches our own URLs through the app (status lists, DID documents). */
  readonly verifier: BadgeVerifier;
  readonly apiKey: (scopes: readonly string[]) => Promise<Record<string, string>>;
  readonly createAchievement: (overrides?: Partial<CreateAchievementBody>) => Promise<Achievement>;
}

export const ACHIEVEMENT_BODY: CreateAchievementBody = {
  name: { ja: '情報リテラシー', en: 'Information literacy' },
  description: {
    ja: '情報の扱い方の基礎を修得した。',
    en: 'Learnt the basics of handling information.',
  },
  criteria: { narrative: { ja: '全課題を提出すること。', en: 'Hand in every assignment.' } },
};

export const buildAwardTestWorld = async (
  db: Database,
  options: { readonly config?: Partial<Config>; readonly clock?: () => Date } = {},
): Promise<AwardTestWorld> => {
  const masterKey = createTestMasterKey();
  const clock = options.clock ?? (() => new Date());
  const test = buildTestApp({
    db,
    masterKey,
    clock,
    ...(options.config === undefined ? {} : { config: options.config }),
  });
  const context: AppContext = {
    config: createTestConfig(options.config),
    db,
    clock,
    keys: createKeyStore({ db, masterKey, clock }),
    masterKey,
  };
  const organisationId = await insertTestOrganisation(db, {
    domain: `u${randomUUID().slice(0, 8)}.example.ac.jp`,
  });
  const profile = await insertTestIssuerProfile(context, organisationId);
  const origin = (): CommandOrigin => ({ actor: testActor(), now: clock() });
  const makeAchievement = (overrides: Partial<CreateAchievementBody> = {}) =>
    createAchievement(db, organisationId, { ...ACHIEVEMENT_BODY, ...overrides }, origin());
  const achievement = await makeAchievement();
  const verifier = createBadgeVerifier({
    fetchDocument: createInProcessFetchDocument(test.app, context.config.publicUrl),
    cacheTtlMs: 0,
  });
  return {
    test,
    context,
    organisationId,
    profile,
    achievement,
    origin,
    verifier,
    apiKey: async (scopes) => (await insertTestApiKey(db, organisationId, scopes)).headers,
    createAchievement: makeAchievement,
  };
};
