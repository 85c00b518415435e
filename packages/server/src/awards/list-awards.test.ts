import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { insertTestMember } from '../policy/policy-test-world.js';
import type { AwardView } from './award-schemas.js';
import { buildAwardTestWorld } from './award-test-world.js';

describe('listing awards: search, award dates, expiry', () => {
  forEachDatabase(
    'finds by a part of the e-mail, the name as stored or the external id; filters by dates and expiry',
    async (db) => {
      const world = await buildAwardTestWorld(db);
      try {
        const { app } = world.test;
        const org = world.organisationId;
        const admin = await insertTestMember(db, org, 'org_admin');
        const issue = (recipient: Record<string, string>, extra: Record<string, unknown> = {}) =>
          app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${org}/achievements/${world.achievement.id}/awards`,
            headers: admin.headers,
            payload: { recipient, notify: false, ...extra },
          });
        for (const [recipient, extra] of [
          [
            { email: 'Hanako.Yamada@example.ac.jp', name: '山田 花子', nameKana: 'ヤマダ ハナコ' },
            { awardedDate: '2025-04-01' },
          ],
          [
            { email: 'taro@example.ac.jp', name: '髙橋 太郎' },
            { awardedDate: '2025-09-30', externalId: 'S2025_001' },
          ],
          [
            { email: 'jiro@example.ac.jp', name: '山﨑 次郎' },
            { awardedDate: '2024-04-01', validUntil: '2025-01-01' },
          ],
          [{ email: 'percent%@example.ac.jp', name: 'Percent' }, {}],
        ] as const) {
          const response = await issue(recipient, extra);
          assert.equal(response.statusCode, 201, response.body);
        }
        const list = async (query: string) => {
          const response = await app.inject({
            url: `/api/v1/organisations/${org}/awards?${query}`,
            headers: admin.headers,
          });
          assert.equal(response.statusCode, 200, response.body);
          return response
            .json<{ awards: AwardView[] }>()
            .awards.map((award) => award.recipient.email)
            .sort();
        };
        assert.deepEqual(await list('q=hanako.YAMADA'), ['Hanako.Yamada@example.ac.jp']);
        assert.deepEqual(await list(`q=${encodeURIComponent('山田')}`), [
          'Hanako.Yamada@example.ac.jp',
        ]);
        assert.deepEqual(await list(`q=${encodeURIComponent('ハナコ')}`), [
          'Hanako.Yamada@example.ac.jp',
        ]);
        // Names are matched as stored: 髙 is not 高, 﨑 is not 崎.
        assert.deepEqual(await list(`q=${encodeURIComponent('髙橋')}`), ['taro@example.ac.jp']);
        assert.deepEqual(await list(`q=${encodeURIComponent('高橋')}`), []);
        assert.deepEqual(await list('q=s2025_0'), ['taro@example.ac.jp']);
        // LIKE's own wildcards are plain characters in a search.
        assert.deepEqual(await list(`q=${encodeURIComponent('%')}`), ['percent%@example.ac.jp']);
        assert.deepEqual(await list(`q=${encodeURIComponent('_')}`), ['taro@example.ac.jp']);
        // Award dates: from inclusive, to exclusive (Japan midnight as instants).
        assert.deepEqual(
          await list(
            `awardedFrom=${encodeURIComponent('2025-03-31T15:00:00Z')}&awardedTo=${encodeURIComponent('2025-09-29T15:00:00Z')}`,
          ),
          ['Hanako.Yamada@example.ac.jp'],
        );
        assert.deepEqual(await list('validity=expired'), ['jiro@example.ac.jp']);
        assert.equal((await list('validity=current')).length, 3);
        const bad = await app.inject({
          url: `/api/v1/organisations/${org}/awards?awardedFrom=yesterday`,
          headers: admin.headers,
        });
        assert.equal(bad.statusCode, 400);
      } finally {
        await world.test.close();
      }
    },
  );
});
