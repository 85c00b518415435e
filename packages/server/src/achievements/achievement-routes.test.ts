import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import type { Role } from '../policy/policy-test-world.js';
import type { AchievementView } from './achievement-schemas.js';
import {
  buildAchievementWorld,
  sampleAchievementBody,
  type AchievementWorld,
} from './achievement-test-factories.js';

type Who = Role | 'writer-key' | 'reader-key';

const headersOf = (world: AchievementWorld, who: Who): Record<string, string> =>
  who === 'writer-key'
    ? world.writerKey
    : who === 'reader-key'
      ? world.readerKey
      : world.headers[who];

const codeOf = (body: string): string => (JSON.parse(body) as ErrorEnvelope).error.code;

describe('achievement routes', () => {
  forEachDatabase('who may read and write achievements', async (db) => {
    const world = await buildAchievementWorld(db);
    const { app } = world.testApp;
    try {
      const url = `/api/v1/organisations/${world.orgA}/achievements`;
      const call = async (
        who: Who,
        method: 'GET' | 'POST' | 'PATCH',
        path: string,
        payload?: object,
      ) =>
        app.inject({
          method,
          url: `${url}${path}`,
          headers: headersOf(world, who),
          ...(payload === undefined ? {} : { payload }),
        });
      const expect = async (
        who: Who,
        method: 'GET' | 'POST' | 'PATCH',
        path: string,
        payload: object | undefined,
        status: number,
        code?: string,
      ) => {
        const response = await call(who, method, path, payload);
        assert.equal(response.statusCode, status, `${who} ${method} ${path}: ${response.body}`);
        if (code !== undefined) assert.equal(codeOf(response.body), code, who);
        return response;
      };

      // Organisation-wide achievements: org admins and API keys with achievements:write.
      const orgWide = sampleAchievementBody();
      const created = await expect('org-admin', 'POST', '', orgWide, 201);
      const orgWideId = created.json<AchievementView>().id;
      await expect('writer-key', 'POST', '', orgWide, 201);
      for (const [who, status, code] of [
        ['issuer-in-department', 403, 'ERR_HTTP_FORBIDDEN'],
        ['viewer', 403, 'ERR_HTTP_FORBIDDEN'],
        ['reader-key', 403, 'ERR_POLICY_SCOPE_MISSING'],
        ['api-key-with-scope', 403, 'ERR_POLICY_SCOPE_MISSING'],
        ['other-org-admin', 403, 'ERR_HTTP_FORBIDDEN'],
        ['other-org-api-key', 403, 'ERR_HTTP_FORBIDDEN'],
        ['operator', 403, 'ERR_HTTP_FORBIDDEN'],
        ['learner', 403, 'ERR_HTTP_FORBIDDEN'],
        ['anonymous', 401, 'ERR_HTTP_UNAUTHENTICATED'],
      ] as const) {
        await expect(who, 'POST', '', orgWide, status, code);
        await expect(who, 'PATCH', `/${orgWideId}`, { humanCode: 'X' }, status, code);
        await expect(who, 'POST', `/${orgWideId}/archive`, {}, status, code);
      }

      // A department's achievements: also its issuers, not other departments' issuers.
      const inDept = { ...sampleAchievementBody(), departmentId: world.deptA1 };
      const deptCreated = await expect('issuer-in-department', 'POST', '', inDept, 201);
      const deptAchievement = deptCreated.json<AchievementView>();
      assert.equal(deptAchievement.issuerProfileId, world.profileA1);
      await expect('org-admin', 'POST', '', inDept, 201);
      await expect('writer-key', 'POST', '', inDept, 201);
      await expect('issuer-other-department', 'POST', '', inDept, 403, 'ERR_HTTP_FORBIDDEN');
      await expect('viewer', 'POST', '', inDept, 403, 'ERR_HTTP_FORBIDDEN');
      const patched = await expect(
        'issuer-in-department',
        'PATCH',
        `/${deptAchievement.id}`,
        { humanCode: 'DS102' },
        200,
      );
      assert.equal(patched.json<AchievementView>().version, 2);
      await expect(
        'issuer-other-department',
        'PATCH',
        `/${deptAchievement.id}`,
        { humanCode: 'X' },
        403,
      );
      // Moving it needs rights in both departments.
      await expect(
        'issuer-in-department',
        'PATCH',
        `/${deptAchievement.id}`,
        { departmentId: world.deptA2, issuerProfileId: world.profileA },
        403,
      );
      await expect(
        'issuer-in-department',
        'PATCH',
        `/${deptAchievement.id}`,
        { departmentId: null, issuerProfileId: world.profileA },
        403,
      );
      await expect('issuer-in-department', 'POST', `/${deptAchievement.id}/archive`, {}, 200);
      await expect('issuer-in-department', 'POST', `/${deptAchievement.id}/unarchive`, {}, 200);

      // Reading: every member and keys with achievements:read.
      for (const who of [
        'org-admin',
        'viewer',
        'issuer-other-department',
        'reader-key',
        'writer-key',
      ] as const) {
        const list = await expect(who, 'GET', '', undefined, 200);
        assert.equal(list.json<{ achievements: unknown[] }>().achievements.length, 5);
        await expect(who, 'GET', `/${orgWideId}`, undefined, 200);
      }
      for (const [who, status] of [
        ['api-key-with-scope', 403],
        ['other-org-admin', 403],
        ['other-org-api-key', 403],
        ['learner', 403],
        ['anonymous', 401],
      ] as const) {
        await expect(who, 'GET', '', undefined, status);
        await expect(who, 'GET', `/${orgWideId}`, undefined, status);
      }

      // Another organisation's achievement is not found under this one.
      const other = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${world.orgB}/achievements`,
        headers: world.headers['other-org-admin'],
        payload: orgWide,
      });
      assert.equal(other.statusCode, 201, other.body);
      await expect(
        'org-admin',
        'GET',
        `/${other.json<AchievementView>().id}`,
        undefined,
        404,
        'ERR_ACHIEVEMENT_NOT_FOUND',
      );
      // The organisation's issuer profiles only.
      await expect(
        'org-admin',
        'POST',
        '',
        { ...orgWide, issuerProfileId: world.profileB },
        422,
        'ERR_ACHIEVEMENT_ISSUER_PROFILE_NOT_FOUND',
      );
    } finally {
      await world.testApp.close();
    }
  });

  forEachDatabase(
    'the API shows every field, pages and filters; bad input is refused clearly',
    async (db) => {
      const world = await buildAchievementWorld(db);
      const { app } = world.testApp;
      try {
        const url = `/api/v1/organisations/${world.orgA}/achievements`;
        const headers = world.writerKey;
        const created = await app.inject({
          method: 'POST',
          url,
          headers,
          payload: sampleAchievementBody(),
        });
        assert.equal(created.statusCode, 201, created.body);
        const view = created.json<AchievementView>();
        const { departmentId: _d, issuerProfileId: _i, ...fields } = sampleAchievementBody();
        for (const [key, value] of Object.entries(fields)) {
          assert.deepEqual((view as unknown as Record<string, unknown>)[key], value, key);
        }
        assert.deepEqual(view.urls, {
          achievement: `https://badges.example.ac.jp/achievements/${view.id}`,
          achievementEn: `https://badges.example.ac.jp/achievements/${view.id}?lang=en`,
          badgeClass: `https://badges.example.ac.jp/achievements/${view.id}/badgeclass`,
          image: view.urls.image,
        });
        assert.equal(view.imageId, null);

        const conflict = await app.inject({
          method: 'PATCH',
          url: `${url}/${view.id}`,
          headers,
          payload: { expectedVersion: 7, humanCode: 'X' },
        });
        assert.equal(conflict.statusCode, 409);
        assert.equal(codeOf(conflict.body), 'ERR_ACHIEVEMENT_VERSION_CONFLICT');

        const bad = await app.inject({
          method: 'POST',
          url,
          headers,
          payload: {
            name: { en: 'No Japanese' },
            description: { ja: '説明' },
            criteria: { url: 'http://example.ac.jp/criteria' },
            tags: Array.from({ length: 31 }, (_, i) => `t${String(i)}`),
            creditsAvailable: -1,
            colour: 'red',
          },
        });
        assert.equal(bad.statusCode, 400);
        const envelope = bad.json<ErrorEnvelope>();
        assert.equal(envelope.error.code, 'ERR_HTTP_VALIDATION');
        const paths = (envelope.error.fields ?? []).map((field) => field.path);
        for (const path of ['/name/ja', '/criteria/url', '/tags', '/creditsAvailable'])
          assert.ok(paths.includes(path), `${path} in ${paths.join()}`);

        const semantic = await app.inject({
          method: 'POST',
          url,
          headers,
          payload: { ...sampleAchievementBody(), criteria: {}, achievementType: 'Nonsense' },
        });
        assert.equal(semantic.statusCode, 400);
        assert.deepEqual(
          semantic.json<ErrorEnvelope>().error.fields?.map((f) => f.path),
          ['/criteria', '/achievementType'],
        );

        const archived = await app.inject({
          method: 'POST',
          url: `${url}/${view.id}/archive`,
          headers,
        });
        assert.equal(archived.json<AchievementView>().status, 'archived');
        const refused = await app.inject({
          method: 'PATCH',
          url: `${url}/${view.id}`,
          headers,
          payload: { humanCode: 'X' },
        });
        assert.equal(codeOf(refused.body), 'ERR_ACHIEVEMENT_ARCHIVED');

        for (let i = 0; i < 3; i++) {
          await app.inject({
            method: 'POST',
            url,
            headers,
            payload: sampleAchievementBody({
              name: { ja: `講座${String(i)}` },
              description: { ja: '説明' },
            }),
          });
        }
        const first = await app.inject({ url: `${url}?limit=2`, headers });
        const page = first.json<{ achievements: AchievementView[]; nextCursor: string | null }>();
        assert.deepEqual(
          page.achievements.map((a) => a.name.ja),
          ['講座2', '講座1'],
        );
        assert.ok(page.nextCursor !== null);
        const second = await app.inject({
          url: `${url}?limit=2&cursor=${page.nextCursor}`,
          headers,
        });
        assert.deepEqual(
          second.json<{ achievements: AchievementView[]; nextCursor: string | null }>(),
          {
            achievements: [second.json<{ achievements: AchievementView[] }>().achievements[0]],
            nextCursor: null,
          },
        );
        const archivedList = await app.inject({
          url: `${url}?status=archived&q=${encodeURIComponent('データ')}`,
          headers,
        });
        assert.deepEqual(
          archivedList.json<{ achievements: AchievementView[] }>().achievements.map((a) => a.id),
          [view.id],
        );
        const badQuery = await app.inject({ url: `${url}?limit=1000&status=gone`, headers });
        assert.equal(badQuery.statusCode, 400);
      } finally {
        await world.testApp.close();
      }
    },
  );
});
