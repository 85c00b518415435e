import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import type { Database } from '../db/open-database.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { ServerError } from '../http/server-error.js';
import { createTestContext, insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import { archiveIssuerProfile } from '../issuers/manage-issuer-profiles.js';
import { testActor } from '../keys/key-test-factories.js';
import { insertTestDepartment } from '../policy/policy-test-world.js';
import { readAchievement } from './achievement.js';
import { sampleAchievementBody } from './achievement-test-factories.js';
import { listAchievements } from './list-achievements.js';
import {
  archiveAchievement,
  createAchievement,
  unarchiveAchievement,
  updateAchievement,
} from './manage-achievements.js';

let tick = Date.parse('2025-04-01T00:00:00.000Z');
const origin = () => ({ actor: testActor(), now: new Date((tick += 1000)) });

const rejects = async (promise: Promise<unknown>, code: string, fields?: string[]) => {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ServerError, String(error));
    assert.equal(error.code, code);
    if (fields !== undefined)
      assert.deepEqual(
        error.fields?.map((f) => f.path),
        fields,
      );
    return true;
  });
};

const setUp = async (db: Database) => {
  const { context } = createTestContext(db);
  const org = await insertTestOrganisation(db);
  const dept1 = await insertTestDepartment(db, org, '工学部');
  const dept2 = await insertTestDepartment(db, org, '文学部');
  const profile = await insertTestIssuerProfile(context, org);
  const profile1 = await insertTestIssuerProfile(context, org, {
    departmentId: dept1,
    name: { ja: '工学部', en: 'Engineering' },
  });
  return { context, org, dept1, dept2, profile: profile.id, profile1: profile1.id };
};

describe('managing achievements', () => {
  forEachDatabase('create, change, archive and unarchive; versions and audit', async (db) => {
    const { org, profile } = await setUp(db);
    const created = await createAchievement(db, org, sampleAchievementBody(), origin());
    assert.equal(created.version, 1);
    assert.equal(created.status, 'active');
    assert.equal(created.issuerProfileId, profile);
    assert.equal(created.departmentId, null);
    assert.deepEqual(await readAchievement(db, created.id), created);

    const updated = await updateAchievement(
      db,
      org,
      created.id,
      {
        expectedVersion: 1,
        name: { ja: 'データサイエンス入門' },
        description: { ja: '説明' },
        validity: null,
        tags: [],
      },
      origin(),
    );
    assert.equal(updated.version, 2);
    assert.deepEqual(updated.name, { ja: 'データサイエンス入門' });
    assert.equal(updated.validity, undefined);
    assert.deepEqual(updated.tags, []);
    assert.equal(updated.humanCode, 'DS101');
    assert.deepEqual(await readAchievement(db, created.id), updated);

    const unchanged = await updateAchievement(
      db,
      org,
      created.id,
      { humanCode: 'DS101' },
      origin(),
    );
    assert.equal(unchanged.version, 2);
    await rejects(
      updateAchievement(db, org, created.id, { expectedVersion: 1, humanCode: 'X' }, origin()),
      'ERR_ACHIEVEMENT_VERSION_CONFLICT',
    );

    const archived = await archiveAchievement(db, org, created.id, origin());
    assert.equal(archived.status, 'archived');
    assert.equal(archived.version, 3);
    assert.ok(archived.archivedAt !== null);
    assert.deepEqual(await archiveAchievement(db, org, created.id, origin()), archived);
    await rejects(
      updateAchievement(db, org, created.id, { humanCode: 'X' }, origin()),
      'ERR_ACHIEVEMENT_ARCHIVED',
    );
    const active = await unarchiveAchievement(db, org, created.id, origin());
    assert.equal(active.status, 'active');
    assert.equal(active.archivedAt, null);
    assert.equal(active.version, 4);

    const otherOrg = await insertTestOrganisation(db);
    await rejects(
      archiveAchievement(db, otherOrg, created.id, origin()),
      'ERR_ACHIEVEMENT_NOT_FOUND',
    );
    await rejects(
      readAchievement(db, '00000000-0000-4000-8000-000000000000'),
      'ERR_ACHIEVEMENT_NOT_FOUND',
    );

    const events = await db.kysely
      .selectFrom('audit_events')
      .select(['action', 'details', 'target_id'])
      .where('target_type', '=', 'achievement')
      .orderBy('occurred_at')
      .execute();
    assert.deepEqual(
      events.map((event) => [event.action, JSON.parse(event.details) as unknown]),
      [
        [
          'achievement.create',
          { name: 'データサイエンス基礎', departmentId: null, issuerProfileId: profile },
        ],
        [
          'achievement.update',
          { version: 2, changed: ['name', 'description', 'validity', 'tags'] },
        ],
        ['achievement.archive', { version: 3 }],
        ['achievement.unarchive', { version: 4 }],
      ],
    );
    assert.ok(events.every((event) => event.target_id === created.id));
  });

  forEachDatabase(
    'the issuer profile belongs to the organisation and the department',
    async (db) => {
      const { context, org, dept1, dept2, profile, profile1 } = await setUp(db);
      const body = sampleAchievementBody();
      // Implicit: the department's own profile, else the organisation's default.
      assert.equal(
        (await createAchievement(db, org, { ...body, departmentId: dept1 }, origin()))
          .issuerProfileId,
        profile1,
      );
      assert.equal(
        (await createAchievement(db, org, { ...body, departmentId: dept2 }, origin()))
          .issuerProfileId,
        profile,
      );
      // Explicit: an organisation-wide profile anywhere, a department's only in that department.
      assert.equal(
        (
          await createAchievement(
            db,
            org,
            { ...body, departmentId: dept1, issuerProfileId: profile },
            origin(),
          )
        ).issuerProfileId,
        profile,
      );
      await rejects(
        createAchievement(
          db,
          org,
          { ...body, departmentId: dept2, issuerProfileId: profile1 },
          origin(),
        ),
        'ERR_ACHIEVEMENT_ISSUER_PROFILE_DEPARTMENT',
      );
      await rejects(
        createAchievement(db, org, { ...body, issuerProfileId: profile1 }, origin()),
        'ERR_ACHIEVEMENT_ISSUER_PROFILE_DEPARTMENT',
      );
      const other = await setUp(db);
      await rejects(
        createAchievement(db, org, { ...body, issuerProfileId: other.profile }, origin()),
        'ERR_ACHIEVEMENT_ISSUER_PROFILE_NOT_FOUND',
      );
      await rejects(
        createAchievement(db, org, { ...body, issuerProfileId: 'no-such-profile' }, origin()),
        'ERR_ACHIEVEMENT_ISSUER_PROFILE_NOT_FOUND',
      );
      await rejects(
        createAchievement(db, org, { ...body, departmentId: other.dept1 }, origin()),
        'ERR_ACHIEVEMENT_DEPARTMENT_NOT_FOUND',
      );
      // Moving an achievement re-checks its profile.
      const inDept1 = await createAchievement(db, org, { ...body, departmentId: dept1 }, origin());
      await rejects(
        updateAchievement(db, org, inDept1.id, { departmentId: dept2 }, origin()),
        'ERR_ACHIEVEMENT_ISSUER_PROFILE_DEPARTMENT',
      );
      const moved = await updateAchievement(
        db,
        org,
        inDept1.id,
        { departmentId: dept2, issuerProfileId: profile },
        origin(),
      );
      assert.deepEqual(
        [moved.departmentId, moved.issuerProfileId, moved.version],
        [dept2, profile, 2],
      );
      // An archived profile cannot be chosen.
      await archiveIssuerProfile(context, org, profile1, { actor: testActor(), now: new Date() });
      await rejects(
        createAchievement(
          db,
          org,
          { ...body, departmentId: dept1, issuerProfileId: profile1 },
          origin(),
        ),
        'ERR_ACHIEVEMENT_ISSUER_PROFILE_ARCHIVED',
      );
      // An organisation without any profile.
      const bare = await insertTestOrganisation(db);
      await rejects(
        createAchievement(db, bare, body, origin()),
        'ERR_ACHIEVEMENT_NO_ISSUER_PROFILE',
      );
      const stored = await db.kysely
        .selectFrom('achievements')
        .select('id')
        .where('organisation_id', '=', bare)
        .execute();
      assert.deepEqual(stored, []);
    },
  );

  forEachDatabase(
    'rules beyond the schema are all reported at once; nothing is stored',
    async (db) => {
      const { org } = await setUp(db);
      await rejects(
        createAchievement(
          db,
          org,
          sampleAchievementBody({
            criteria: {},
            description: { ja: '説明' },
            achievementType: 'Diploma2',
            tags: ['a', 'b', 'a'],
            validity: { years: 0 },
          }),
          origin(),
        ),
        'ERR_HTTP_VALIDATION',
        ['/criteria', '/description/en', '/achievementType', '/tags/2', '/validity'],
      );
      const created = await createAchievement(db, org, sampleAchievementBody(), origin());
      await rejects(
        updateAchievement(db, org, created.id, { criteria: {} }, origin()),
        'ERR_HTTP_VALIDATION',
        ['/criteria'],
      );
      assert.equal((await readAchievement(db, created.id)).version, 1);
      assert.equal((await db.kysely.selectFrom('achievements').select('id').execute()).length, 1);
    },
  );

  forEachDatabase('lists page by page, filtered by status, department and name', async (db) => {
    const { org, dept1 } = await setUp(db);
    const names = ['Python入門', 'python応用', '統計学 100%', 'Data_Science', '機械学習'];
    const ids: string[] = [];
    for (const [index, ja] of names.entries()) {
      const created = await createAchievement(
        db,
        org,
        sampleAchievementBody({
          name: { ja },
          description: { ja: '説明' },
          ...(index % 2 === 0 ? { departmentId: dept1 } : {}),
        }),
        origin(),
      );
      ids.push(created.id);
    }
    await archiveAchievement(db, org, ids[4] ?? '', origin());

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAchievements(db, org, {
        status: 'all',
        limit: 2,
        ...(cursor === undefined ? {} : { cursor }),
      });
      assert.ok(page.achievements.length <= 2);
      seen.push(...page.achievements.map((a) => a.name.ja));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    assert.deepEqual(seen, [...names].reverse());

    const list = async (options: Parameters<typeof listAchievements>[2]) =>
      (await listAchievements(db, org, options)).achievements.map((a) => a.name.ja);
    assert.deepEqual(await list({}), ['Data_Science', '統計学 100%', 'python応用', 'Python入門']);
    assert.deepEqual(await list({ status: 'archived' }), ['機械学習']);
    assert.deepEqual(await list({ departmentId: dept1 }), ['統計学 100%', 'Python入門']);
    assert.deepEqual(await list({ q: 'PYTHON' }), ['python応用', 'Python入門']);
    assert.deepEqual(await list({ q: '%' }), ['統計学 100%']);
    assert.deepEqual(await list({ q: '_' }), ['Data_Science']);
    assert.deepEqual(await list({ q: 'Science' }), ['Data_Science']);
    assert.deepEqual(await list({ q: 'Foundations' }), []);
    await rejects(listAchievements(db, org, { cursor: 'not-a-cursor' }), 'ERR_HTTP_VALIDATION', [
      '/cursor',
    ]);
  });
});
