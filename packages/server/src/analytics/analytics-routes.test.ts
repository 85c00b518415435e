import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestApiKey } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { buildTestApp } from '../http/build-test-app.js';
import { createTestContext, insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import { buildPolicyTestWorld } from '../policy/policy-test-world.js';
import type { AnalyticsView } from './analytics-schemas.js';
import { awardIdOfCredential, recordVerification } from './record-verification.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';
/** 2025-06-15 09:00 in Japan: the default range is 2024-07 … 2025-06. */
const NOW = new Date('2025-06-15T00:00:00.000Z');

const buildWorld = async (db: Database) => {
  const world = await buildPolicyTestWorld(db);
  const clock = () => NOW;
  const { context, masterKey } = createTestContext(db, {
    config: { publicUrl: PUBLIC_URL },
    clock,
  });
  await insertTestIssuerProfile(context, world.orgA);
  const test = buildTestApp({ db, masterKey, clock, config: { publicUrl: PUBLIC_URL } });
  await test.app.ready();
  const admin = world.headers['org-admin'];
  const call = async (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ): Promise<{ status: number; body: unknown }> => {
    const response = await test.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.json() };
  };
  const createAchievement = async (ja: string, en?: string) => {
    const answer = await call('POST', `/api/v1/organisations/${world.orgA}/achievements`, admin, {
      name: en === undefined ? { ja } : { ja, en },
      description: en === undefined ? { ja: `${ja}を修得した。` } : { ja: `${ja}を修得した。`, en },
      criteria: {
        narrative:
          en === undefined
            ? { ja: '全課題を提出すること。' }
            : { ja: '全課題を提出すること。', en: 'Hand in every assignment.' },
      },
    });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return (answer.body as { id: string }).id;
  };
  const award = async (achievementId: string, email: string) => {
    const answer = await call(
      'POST',
      `/api/v1/organisations/${world.orgA}/achievements/${achievementId}/awards`,
      admin,
      { recipient: { email }, notify: false },
    );
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return (answer.body as { award: { id: string } }).award.id;
  };
  const analytics = async (query: string, as: Record<string, string> = admin) => {
    const answer = await call('GET', `/api/v1/organisations/${world.orgA}/analytics${query}`, as);
    return { status: answer.status, body: answer.body as AnalyticsView };
  };
  return { world, context, test, call, createAchievement, award, analytics };
};

const setCreatedAt = (db: Database, awardId: string, at: string) =>
  db.kysely.updateTable('awards').set({ created_at: at }).where('id', '=', awardId).execute();

describe('analytics', () => {
  forEachDatabase('an organisation without awards: every month of the range, zeros', async (db) => {
    const { analytics, test } = await buildWorld(db);
    try {
      const { status, body } = await analytics('');
      assert.equal(status, 200);
      assert.equal(body.from, '2024-07');
      assert.equal(body.to, '2025-06');
      assert.equal(body.awardsPerMonth.length, 12);
      assert.deepEqual(body.awardsPerMonth[0], { month: '2024-07', issued: 0, revoked: 0 });
      assert.deepEqual(body.awardsPerAchievement, []);
      assert.deepEqual(body.verifications, {
        total: 0,
        perMonth: body.awardsPerMonth.map(({ month }) => ({ month, count: 0 })),
        bySource: { 'badge-page': 0, 'verify-page': 0, 'vc-api': 0 },
      });
      assert.deepEqual(body.totals, { awards: 0, active: 0, revoked: 0, suspended: 0 });
    } finally {
      await test.close();
    }
  });

  forEachDatabase(
    'counts awards per month in Japan, per achievement, revocations and verifications',
    async (db) => {
      const { world, context, test, call, createAchievement, award, analytics } =
        await buildWorld(db);
      try {
        const literacy = await createAchievement('情報リテラシー', 'Information literacy');
        const safety = await createAchievement('安全衛生');
        const a1 = await award(literacy, 'a1@example.ac.jp');
        const a2 = await award(literacy, 'a2@example.ac.jp');
        const a3 = await award(safety, 'a3@example.ac.jp');
        const a4 = await award(safety, 'a4@example.ac.jp');
        // 2025-04-01 00:30 in Japan, 2025-03-31 23:59 in Japan, and one before the range.
        await setCreatedAt(db, a1, '2025-03-31T15:30:00.000Z');
        await setCreatedAt(db, a2, '2025-03-31T14:59:59.999Z');
        await setCreatedAt(db, a4, '2023-01-10T00:00:00.000Z');
        const revoked = await call(
          'POST',
          `/api/v1/organisations/${world.orgA}/awards/${a3}/revoke`,
          world.headers['org-admin'],
          { reason: '誤発行' },
        );
        assert.equal(revoked.status, 200);

        // The public badge page counts (badge-page); the upsert counts up.
        for (let i = 0; i < 2; i += 1) {
          const page = await test.app.inject({
            url: `/badges/${a1}`,
            headers: { accept: 'text/html' },
          });
          assert.equal(page.statusCode, 200);
        }
        await recordVerification(context, {
          credentialId: `${PUBLIC_URL}/badges/${a1}/assertion`,
          source: 'verify-page',
        });
        await recordVerification(context, { credentialId: `urn:uuid:${a2}`, source: 'vc-api' });
        // Not ours, and not an award: ignored without a fuss.
        await recordVerification(context, {
          credentialId: `https://elsewhere.example/badges/${a2}`,
          source: 'vc-api',
        });
        await recordVerification(context, { credentialId: 'not a url', source: 'vc-api' });

        const { status, body } = await analytics('?from=2025-03&to=2025-06');
        assert.equal(status, 200);
        assert.deepEqual(body.awardsPerMonth, [
          { month: '2025-03', issued: 1, revoked: 0 },
          { month: '2025-04', issued: 1, revoked: 0 },
          { month: '2025-05', issued: 0, revoked: 0 },
          { month: '2025-06', issued: 1, revoked: 1 },
        ]);
        assert.deepEqual(body.awardsPerAchievement, [
          {
            achievementId: literacy,
            name: { ja: '情報リテラシー', en: 'Information literacy' },
            issued: 2,
          },
          { achievementId: safety, name: { ja: '安全衛生' }, issued: 1 },
        ]);
        assert.deepEqual(body.verifications, {
          total: 4,
          perMonth: [
            { month: '2025-03', count: 0 },
            { month: '2025-04', count: 0 },
            { month: '2025-05', count: 0 },
            { month: '2025-06', count: 4 },
          ],
          bySource: { 'badge-page': 2, 'verify-page': 1, 'vc-api': 1 },
        });
        assert.deepEqual(body.totals, { awards: 4, active: 3, revoked: 1, suspended: 0 });

        const rows = await db.kysely
          .selectFrom('verification_counts')
          .selectAll()
          .where('award_id', '=', a1)
          .orderBy('source')
          .execute();
        assert.deepEqual(
          rows.map((row) => [row.day, row.source, row.count, row.achievement_id]),
          [
            ['2025-06-15', 'badge-page', 2, literacy],
            ['2025-06-15', 'verify-page', 1, literacy],
          ],
        );

        // Only one month asked for: the default `to` follows `from`.
        const one = await analytics('?from=2023-01');
        assert.equal(one.body.to, '2023-12');
        assert.deepEqual(one.body.awardsPerMonth[0], { month: '2023-01', issued: 1, revoked: 0 });
      } finally {
        await test.close();
      }
    },
  );

  forEachDatabase('POST /credentials/verify counts our genuine awards as vc-api', async (db) => {
    const { test, createAchievement, award, analytics } = await buildWorld(db);
    try {
      const awardId = await award(await createAchievement('安全衛生'), 'v@example.ac.jp');
      const row = await db.kysely
        .selectFrom('awards')
        .select('credential')
        .where('id', '=', awardId)
        .executeTakeFirstOrThrow();
      const credential = JSON.parse(row.credential) as Record<string, unknown>;
      const verify = (verifiableCredential: unknown) =>
        test.app.inject({
          method: 'POST',
          url: '/credentials/verify',
          payload: { verifiableCredential } as Record<string, unknown>,
        });
      assert.equal((await verify(credential)).statusCode, 200);
      // Tampered: not verified, and not counted (the proof does not hold).
      assert.equal((await verify({ ...credential, name: 'x' })).statusCode, 400);
      // Someone else's id: not counted.
      await verify({ ...credential, id: 'https://elsewhere.example/badges/1' });
      const { body } = await analytics('');
      assert.deepEqual(body.verifications.bySource, {
        'badge-page': 0,
        'verify-page': 0,
        'vc-api': 1,
      });
    } finally {
      await test.close();
    }
  });

  forEachDatabase('every member and a key with badges:read may read; no one else', async (db) => {
    const { world, test, analytics } = await buildWorld(db);
    try {
      const { headers } = world;
      assert.equal((await analytics('', headers.viewer)).status, 200);
      assert.equal((await analytics('', headers['issuer-other-department'])).status, 200);
      const reader = await insertTestApiKey(db, world.orgA, ['badges:read']);
      assert.equal((await analytics('', reader.headers)).status, 200);
      const orgOnly = await insertTestApiKey(db, world.orgA, ['org:read']);
      assert.equal((await analytics('', orgOnly.headers)).status, 403);
      assert.equal((await analytics('', headers['other-org-admin'])).status, 403);
      assert.equal((await analytics('', headers['other-org-api-key'])).status, 403);
      assert.equal((await analytics('', headers.learner)).status, 403);
      assert.equal((await analytics('', headers.operator)).status, 403);
      assert.equal((await analytics('', headers.anonymous)).status, 401);
    } finally {
      await test.close();
    }
  });

  forEachDatabase('refuses a backwards, too long or malformed range', async (db) => {
    const { test, analytics } = await buildWorld(db);
    try {
      const backwards = await analytics('?from=2025-05&to=2025-04');
      assert.equal(backwards.status, 400);
      const error = (backwards.body as unknown as { error: { code: string; fields: unknown[] } })
        .error;
      assert.equal(error.code, 'ERR_HTTP_VALIDATION');
      assert.equal((error.fields[0] as { path: string }).path, '/to');
      assert.equal((await analytics('?from=2020-01&to=2025-01')).status, 400);
      assert.equal((await analytics('?from=2021-02&to=2025-12')).status, 200);
      assert.equal((await analytics('?from=2025-13')).status, 400);
      assert.equal((await analytics('?from=2025-1')).status, 400);
    } finally {
      await test.close();
    }
  });
});

describe('recordVerification', () => {
  forEachDatabase(
    'never throws, even when the database fails',
    async (db) => {
      const { context } = createTestContext(db);
      const broken: AppContext = {
        ...context,
        db: {
          ...db,
          kysely: new Proxy(db.kysely, {
            get: () => {
              throw new Error('database down');
            },
          }),
        },
      };
      const warnings: string[] = [];
      await recordVerification(
        broken,
        {
          credentialId: `${context.config.publicUrl}/badges/${crypto.randomUUID()}`,
          source: 'vc-api',
        },
        { error: (_object, message) => warnings.push(message) },
      );
      assert.deepEqual(warnings, ['could not count a verification']);
    },
    { dialects: ['sqlite'] },
  );

  forEachDatabase(
    'maps the ids of our credentials to awards',
    () => {
      const id = '0b7f6c1e-2a5d-4c3b-9e8f-1a2b3c4d5e6f';
      assert.equal(awardIdOfCredential(PUBLIC_URL, `${PUBLIC_URL}/badges/${id}`), id);
      assert.equal(awardIdOfCredential(PUBLIC_URL, `${PUBLIC_URL}/badges/${id}/assertion`), id);
      assert.equal(awardIdOfCredential(PUBLIC_URL, `urn:uuid:${id.toUpperCase()}`), id);
      assert.equal(awardIdOfCredential(PUBLIC_URL, `${PUBLIC_URL}/badges/${id}/x`), undefined);
      assert.equal(
        awardIdOfCredential(PUBLIC_URL, `https://other.example/badges/${id}`),
        undefined,
      );
      return Promise.resolve();
    },
    { dialects: ['sqlite'], migrated: false },
  );
});
