/**
 * Test support for achievements: a sample create body, and a world of two organisations with
 * departments, issuer profiles (made through the issuers domain) and one actor of every kind,
 * with the app mounting this domain's routes. Not for production code.
 */
import type { CreateAchievementBody } from './achievement-schemas.js';
import type { Database } from '../db/open-database.js';
import { insertTestApiKey } from '../auth/test-factories.js';
import { buildTestApp, type TestApp } from '../http/build-test-app.js';
import type { AppContext } from '../http/app-context.js';
import { createTestContext, insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import { buildPolicyTestWorld, type PolicyTestWorld } from '../policy/policy-test-world.js';
import { registerAchievementRoutes } from './achievement-routes.js';
import { registerPublicAchievementRoutes } from './public-achievement-routes.js';

export const PUBLIC_URL = 'https://badges.example.ac.jp';

/** A full achievement: every optional field set. */
export const sampleAchievementBody = (
  overrides: Partial<CreateAchievementBody> = {},
): CreateAchievementBody => ({
  name: { ja: 'データサイエンス基礎', en: 'Foundations of Data Science' },
  description: {
    ja: 'データの収集・分析・可視化の基礎を修得したことを証明します。',
    en: 'Certifies the foundations of collecting, analysing and visualising data.',
  },
  criteria: {
    url: 'https://www.example.ac.jp/courses/ds101',
    narrative: {
      ja: '全15回の授業に出席し、**最終課題**に合格すること。',
      en: 'Attend all 15 classes and pass the **final project**.',
    },
  },
  achievementType: 'MicroCredential',
  alignments: [
    {
      targetName: '数理・データサイエンス・AI教育プログラム',
      targetUrl: 'https://www.mext.go.jp/a_menu/koutou/suuri_datascience_ai/',
      targetFramework: 'MDASH',
      targetCode: 'literacy',
      targetDescription: 'リテラシーレベル',
    },
  ],
  tags: ['データサイエンス', 'Python'],
  skills: [
    {
      name: 'データ分析',
      url: 'https://esco.ec.europa.eu/skill/data-analysis',
      framework: 'ESCO',
      code: 'S1.2',
    },
    { name: '統計的思考' },
  ],
  creditsAvailable: 2,
  fieldOfStudy: '情報学',
  specialization: 'データサイエンス',
  humanCode: 'DS101',
  validity: { years: 3 },
  evidenceRequirement: { ja: '最終課題のレポート（PDF）', en: 'The final project report (PDF)' },
  ...overrides,
});

export interface AchievementWorld extends PolicyTestWorld {
  readonly testApp: TestApp;
  readonly context: AppContext;
  /** Default profile of A, A's department-1 profile, B's default profile. */
  readonly profileA: string;
  readonly profileA1: string;
  readonly profileB: string;
  /** API keys of A: with achievements:read and :write, and with :read only. */
  readonly writerKey: Record<string, string>;
  readonly readerKey: Record<string, string>;
}

export const ACHIEVEMENT_ROUTE_MODULES = [
  { prefix: '/api/v1', routes: registerAchievementRoutes },
  { prefix: '', routes: registerPublicAchievementRoutes },
] as const;

export const buildAchievementWorld = async (db: Database): Promise<AchievementWorld> => {
  const world = await buildPolicyTestWorld(db);
  const { context, masterKey } = createTestContext(db, { config: { publicUrl: PUBLIC_URL } });
  const testApp = buildTestApp({
    db,
    masterKey,
    config: { publicUrl: PUBLIC_URL },
    routes: ACHIEVEMENT_ROUTE_MODULES,
  });
  const profileA = (await insertTestIssuerProfile(context, world.orgA)).id;
  const profileA1 = (
    await insertTestIssuerProfile(context, world.orgA, {
      departmentId: world.deptA1,
      name: { ja: '工学部', en: 'Faculty of Engineering' },
    })
  ).id;
  const profileB = (await insertTestIssuerProfile(context, world.orgB)).id;
  const writerKey = (
    await insertTestApiKey(db, world.orgA, ['achievements:read', 'achievements:write'])
  ).headers;
  const readerKey = (await insertTestApiKey(db, world.orgA, ['achievements:read'])).headers;
  return { ...world, testApp, context, profileA, profileA1, profileB, writerKey, readerKey };
};
