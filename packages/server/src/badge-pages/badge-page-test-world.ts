/**
 * Test support for the badge page: the app on a migrated database, with the badge page's
 * verifier reaching "the rest of the world" through a stub that records every request (there
 * should be none: everything an award names is ours), an approved
 * organisation with its issuer profile, an achievement, and a way to award it. Not for
 * production code.
 */
import { randomUUID } from 'node:crypto';
import type { FetchDocument } from '@akashi/core';
import { createAchievement } from '../achievements/manage-achievements.js';
import type { Achievement } from '../achievements/achievement.js';
import type { CreateAchievementBody } from '../achievements/achievement-schemas.js';
import type { Award } from '../awards/award.js';
import type { AwardInput } from '../awards/award-input.js';
import { issueAward } from '../awards/issue-awards.js';
import { insertTestOrganisation } from '../auth/test-factories.js';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { buildTestApp, createTestConfig, type TestApp } from '../http/build-test-app.js';
import { ROUTE_MODULES } from '../http/route-modules.js';
import { insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import { createKeyStore } from '../keys/key-store.js';
import { createTestMasterKey, testActor } from '../keys/key-test-factories.js';
import type { CommandOrigin } from '../policy/command-origin.js';
import { createBadgePageRoutes, registerBadgePageRoutes } from './badge-page-routes.js';

export const APPROVED_AT = '2024-03-31T15:00:00.000Z'; // 2024-04-01 in Japan

export const TEST_ACHIEVEMENT: CreateAchievementBody = {
  name: { ja: '情報リテラシー', en: 'Information literacy' },
  description: {
    ja: '情報の扱い方の基礎を修得した。\n第二行。',
    en: 'Learnt the basics of handling information.',
  },
  criteria: { narrative: { ja: '全課題を提出すること。', en: 'Hand in every assignment.' } },
};

export interface BadgePageWorld {
  readonly test: TestApp;
  readonly context: AppContext;
  readonly organisationId: string;
  readonly achievement: Achievement;
  /** Every URL the verifier asked the outside world for. */
  readonly remoteCalls: readonly string[];
  readonly origin: () => CommandOrigin;
  readonly award: (input: Partial<AwardInput>, achievement?: Achievement) => Promise<Award>;
  readonly createAchievement: (body: CreateAchievementBody) => Promise<Achievement>;
  readonly close: () => Promise<void>;
}

/** The outside world as the tests see it: nothing there, every request recorded. */
const stubRemote =
  (calls: string[]): FetchDocument =>
  (url) => {
    calls.push(url);
    return Promise.resolve({
      url,
      status: 404,
      contentType: 'application/json',
      body: new TextEncoder().encode('{}'),
    });
  };

export const buildBadgePageWorld = async (
  db: Database,
  options: { readonly fetchRemote?: FetchDocument } = {},
): Promise<BadgePageWorld> => {
  const masterKey = createTestMasterKey();
  const clock = () => new Date();
  const remoteCalls: string[] = [];
  const routes = ROUTE_MODULES.map((module) =>
    module.routes === registerBadgePageRoutes
      ? {
          ...module,
          routes: createBadgePageRoutes({
            fetchRemote: options.fetchRemote ?? stubRemote(remoteCalls),
          }),
        }
      : module,
  );
  const test = buildTestApp({ db, masterKey, clock, routes });
  const context: AppContext = {
    config: createTestConfig(),
    db,
    clock,
    keys: createKeyStore({ db, masterKey, clock }),
    masterKey,
  };
  const organisationId = await insertTestOrganisation(db, {
    domain: `u${randomUUID().slice(0, 8)}.example.ac.jp`,
  });
  await db.kysely
    .updateTable('organisations')
    .set({ decided_at: APPROVED_AT })
    .where('id', '=', organisationId)
    .execute();
  await insertTestIssuerProfile(context, organisationId);
  const origin = (): CommandOrigin => ({ actor: testActor(), now: clock() });
  const makeAchievement = (body: CreateAchievementBody) =>
    createAchievement(db, organisationId, body, origin());
  const achievement = await makeAchievement(TEST_ACHIEVEMENT);
  const award = async (input: Partial<AwardInput>, of: Achievement = achievement) =>
    (
      await issueAward(
        context,
        {
          organisationId,
          achievementId: of.id,
          input: { recipient: { email: 'hanako@example.ac.jp', name: '山田花子' }, ...input },
        },
        origin(),
      )
    ).award;
  return {
    test,
    context,
    organisationId,
    achievement,
    remoteCalls,
    origin,
    award,
    createAchievement: makeAchievement,
    close: () => test.close(),
  };
};
