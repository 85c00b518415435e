import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import { createAchievement, issueAward } from './award-test-support.js';

const rowIds = (body: string): string[] =>
  [...body.matchAll(/data-testid="award-row"\s+data-award-id="([0-9a-f-]{36})"/g)].map(
    (m) => m[1] ?? '',
  );

const nextHref = (body: string): string | undefined =>
  /href="([^"]+)"\s+rel="next"\s+data-testid="award-next"/
    .exec(body)?.[1]
    ?.replaceAll('&amp;', '&');

describe('the awards list', () => {
  let world: WebTestWorld;
  let literacy: string;
  let python: string;
  const ids: Record<string, string> = {};
  let list: string;
  before(async () => {
    world = await buildWebTestWorld();
    list = `/console/${world.orgA}/awards`;
    literacy = await createAchievement(world, '情報リテラシー');
    python = await createAchievement(world, 'Python 入門');
    ids.old = (
      await issueAward(
        world,
        literacy,
        { email: 'old@example.ac.jp', name: '古川 一郎' },
        { awardedDate: '2020-04-01', validUntil: '2021-03-31' },
      )
    ).id;
    ids.hanako = (
      await issueAward(
        world,
        literacy,
        { email: 'hanako@example.ac.jp', name: '山田 花子', nameKana: 'ヤマダ ハナコ' },
        { awardedDate: '2025-04-01' },
      )
    ).id;
    ids.taro = (
      await issueAward(world, literacy, { email: 'taro@example.ac.jp', name: '鈴木 太郎' })
    ).id;
    ids.jiro = (
      await issueAward(world, python, { email: 'jiro@example.ac.jp', name: '佐藤 次郎' })
    ).id;
    ids.saki = (
      await issueAward(world, python, { email: 'Saki@Example.ac.jp', name: '髙橋 﨑子' })
    ).id;
    const revoke = await world.testApp.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${world.orgA}/awards/${ids.jiro}/revoke`,
      headers: world.headers['org-admin'],
      payload: { reason: 'テスト' },
    });
    assert.equal(revoke.statusCode, 200, revoke.body);
  });
  after(() => world.close());

  it('lists every award newest first with name, e-mail, badge, date and status (ja and en)', async () => {
    const ja = await world.get(list, world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>授与一覧<\/h1>/);
    assert.deepEqual(rowIds(ja.body), [ids.saki, ids.jiro, ids.taro, ids.hanako, ids.old]);
    assert.match(
      ja.body,
      new RegExp(`href="/console/${world.orgA}/awards/${ids.hanako}">山田 花子</a>`),
    );
    assert.match(ja.body, /ヤマダ ハナコ/);
    assert.match(ja.body, /2025年4月1日（令和7年4月1日）/);
    assert.match(ja.body, /data-status="revoked"/);
    assert.match(ja.body, /data-status="expired"/);
    assert.match(ja.body, /<form method="get" action="[^"]+\/awards" class="filters"/);
    assert.match(ja.body, /aria-current="page"\s*>授与一覧/);
    const en = await world.get(`${list}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /<h1>Awards<\/h1>/);
    assert.match(en.body, /1 April 2025/);
  });

  it('filters by status, badge, name or e-mail and award dates', async () => {
    const revoked = await world.get(`${list}?status=revoked`, world.headers['org-admin']);
    assert.deepEqual(rowIds(revoked.body), [ids.jiro]);
    const active = await world.get(`${list}?status=active`, world.headers['org-admin']);
    assert.deepEqual(rowIds(active.body), [ids.saki, ids.taro, ids.hanako]);
    const expired = await world.get(`${list}?status=expired`, world.headers['org-admin']);
    assert.deepEqual(rowIds(expired.body), [ids.old]);
    const badge = await world.get(`${list}?achievementId=${python}`, world.headers['org-admin']);
    assert.deepEqual(rowIds(badge.body), [ids.saki, ids.jiro]);
    assert.match(
      badge.body,
      new RegExp(`<option value="${python}"\\s+selected>Python 入門</option>`),
    );
    const both = await world.get(
      `${list}?achievementId=${python}&status=active`,
      world.headers['org-admin'],
    );
    assert.deepEqual(rowIds(both.body), [ids.saki]);
    const byName = await world.get(
      `${list}?q=${encodeURIComponent('髙橋')}`,
      world.headers['org-admin'],
    );
    assert.deepEqual(rowIds(byName.body), [ids.saki]);
    const byMail = await world.get(`${list}?q=saki%40example.ac.jp`, world.headers['org-admin']);
    assert.deepEqual(rowIds(byMail.body), [ids.saki]);
    const dates = await world.get(
      `${list}?from=2025-04-01&to=2025-04-30`,
      world.headers['org-admin'],
    );
    assert.deepEqual(rowIds(dates.body), [ids.hanako]);
    const none = await world.get(`${list}?q=nobody`, world.headers['org-admin']);
    assert.match(none.body, /data-testid="award-empty">該当する授与はありません。/);
    const badDate = await world.get(`${list}?from=2025-13-99`, world.headers['org-admin']);
    assert.equal(badDate.statusCode, 200);
    assert.match(badDate.body, /id="f-from-error"/);
    assert.match(badDate.body, /value="2025-13-99"/);
  });

  it('pages with a cursor, keeping the filters', async () => {
    const first = await world.get(`${list}?limit=2`, world.headers['org-admin']);
    assert.deepEqual(rowIds(first.body), [ids.saki, ids.jiro]);
    const next = nextHref(first.body);
    assert.ok(next !== undefined);
    const second = await world.get(next, world.headers['org-admin']);
    assert.deepEqual(rowIds(second.body), [ids.taro, ids.hanako]);
    assert.match(second.body, /data-testid="award-first"/);
    const third = await world.get(nextHref(second.body) ?? '', world.headers['org-admin']);
    assert.deepEqual(rowIds(third.body), [ids.old]);
    assert.equal(nextHref(third.body), undefined);

    const filtered = await world.get(`${list}?status=active&limit=2`, world.headers['org-admin']);
    assert.deepEqual(rowIds(filtered.body), [ids.saki, ids.taro]);
    const filteredNext = nextHref(filtered.body);
    assert.ok(filteredNext?.includes('status=active'));
    const rest = await world.get(filteredNext ?? '', world.headers['org-admin']);
    assert.deepEqual(rowIds(rest.body), [ids.hanako]);
    assert.equal(nextHref(rest.body), undefined);

    const broken = await world.get(`${list}?cursor=garbage`, world.headers['org-admin']);
    assert.equal(broken.statusCode, 200);
    assert.match(broken.body, /data-testid="award-list-error"/);
  });

  it('is readable by viewers, a 404 for other organisations, and sends signed-out visitors to sign in', async () => {
    const viewer = await world.get(list, world.headers.viewer);
    assert.equal(viewer.statusCode, 200);
    assert.equal(rowIds(viewer.body).length, 5);
    assert.equal((await world.get(list, world.headers['other-org-admin'])).statusCode, 404);
    const signedOut = await world.get(list);
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/sign-in\?next=/);
    const empty = await world.get(
      `/console/${world.orgB}/awards`,
      world.headers['other-org-admin'],
    );
    assert.match(empty.body, /data-testid="award-empty">まだ授与がありません/);
  });
});
