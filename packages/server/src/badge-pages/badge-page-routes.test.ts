import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { updateAchievement } from '../achievements/manage-achievements.js';
import { changeAwardState } from '../awards/change-award-state.js';
import { migrateDatabase } from '../db/migrate-database.js';
import { openDatabase } from '../db/open-database.js';
import { BADGE_PAGE_CONTENT_SECURITY_POLICY } from './badge-page-style.js';
import {
  buildBadgePageWorld,
  TEST_ACHIEVEMENT,
  type BadgePageWorld,
} from './badge-page-test-world.js';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const JA = { ...HTML, 'accept-language': 'ja,en;q=0.8' };
const EN = { ...HTML, 'accept-language': 'en-GB,en;q=0.9' };

let world: BadgePageWorld;

before(async () => {
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
  await migrateDatabase(db);
  world = await buildBadgePageWorld(db);
});

after(async () => {
  await world.close();
});

const page = async (path: string, headers: Record<string, string> = JA) => {
  const response = await world.test.app.inject({ method: 'GET', url: path, headers });
  return { response, body: response.body };
};

/** The rows of the verification table: check name → outcome. */
const checksOf = (body: string): Record<string, string> =>
  Object.fromEntries(
    Array.from(
      body.matchAll(/data-check="([a-z]+)" data-outcome="([a-z]+)"/g),
      (m): [string, string] => [m[1] ?? '', m[2] ?? ''],
    ),
  );

const meta = (body: string, property: string): string | undefined =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`).exec(body)?.[1];

describe('GET /badges/:awardId', () => {
  it('shows the badge in Japanese for a Japanese browser', async () => {
    const award = await world.award({});
    const { response, body } = await page(`/badges/${award.id}`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.equal(response.headers['content-security-policy'], BADGE_PAGE_CONTENT_SECURITY_POLICY);
    assert.match(String(response.headers.vary), /accept-language/);
    assert.match(body, /<html lang="ja">/);
    assert.match(body, /<h1 id="badge-name">情報リテラシー<\/h1>/);
    assert.match(body, /情報の扱い方の基礎を修得した。<br>第二行。/);
    assert.match(body, /全課題を提出すること。/);
    assert.match(body, /国立証大学/);
    assert.match(
      body,
      /2024年4月1日（令和6年4月1日）にプラットフォーム運営者の審査を経て承認されました/,
    );
    assert.match(body, /href="\/organisations"/);
    assert.match(body, /data-status="active"/);
    assert.match(
      body,
      new RegExp(`<img src="/badges/${award.id}/image" alt="情報リテラシーのバッジ画像"`),
    );
    assert.doesNotMatch(body, /<script/i);
    // The one inline style is the one the policy allows.
    const style = /<style>([\s\S]*?)<\/style>/.exec(body)?.[1] ?? '';
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    assert.ok(BADGE_PAGE_CONTENT_SECURITY_POLICY.includes(`style-src 'self' 'sha256-${hash}'`));
    assert.match(BADGE_PAGE_CONTENT_SECURITY_POLICY, /img-src 'self' data:/);
  });

  it("shows it in English by Accept-Language, ?lang=en or the language switch's cookie", async () => {
    const award = await world.award({});
    for (const [url, headers] of [
      [`/badges/${award.id}`, EN],
      [`/badges/${award.id}?lang=en`, JA],
      [`/badges/${award.id}`, { ...JA, cookie: 'akashi_lang=en' }],
    ] as const) {
      const { body } = await page(url, headers);
      assert.match(body, /<html lang="en">/);
      assert.match(body, /<h1 id="badge-name">Information literacy<\/h1>/);
      assert.match(body, /Hand in every assignment\./);
      assert.match(body, /Akashi National University/);
      assert.match(body, /approved this issuing organisation on 1 April 2024/);
      assert.match(body, /Verification/);
    }
    const { body } = await page(`/badges/${award.id}?lang=ja`, EN);
    assert.match(body, /<html lang="ja">/);
  });

  it('keeps the signed Japanese text on the English page once the achievement was edited', async () => {
    const own = await world.createAchievement({ ...TEST_ACHIEVEMENT });
    const award = await world.award({}, own);
    await updateAchievement(
      world.context.db,
      world.organisationId,
      own.id,
      { name: { ja: '情報リテラシー改', en: 'Information literacy, revised' } },
      world.origin(),
    );
    const { body } = await page(`/badges/${award.id}?lang=en`);
    assert.match(body, /<h1 id="badge-name" lang="ja">情報リテラシー<\/h1>/);
    assert.doesNotMatch(body, /revised/);
    assert.match(body, /Badge image, SVG/);
  });

  it('gives JSON clients the credential, as /credential.json does', async () => {
    const award = await world.award({});
    const direct = await world.test.app.inject({ url: `/badges/${award.id}/credential.json` });
    for (const accept of ['application/ld+json', 'application/json', undefined]) {
      const response = await world.test.app.inject({
        url: `/badges/${award.id}`,
        headers: accept === undefined ? {} : { accept },
      });
      assert.equal(response.statusCode, 200);
      assert.match(
        String(response.headers['content-type']),
        accept === undefined ? /ld\+json/ : new RegExp(accept.replace('+', '\\+')),
      );
      assert.deepEqual(response.json(), award.credential);
      assert.deepEqual(response.json(), direct.json());
    }
  });

  it('verifies a fresh award live, check by check, and every check that runs passes', async () => {
    const award = await world.award({});
    const { body } = await page(`/badges/${award.id}?lang=en`);
    assert.match(body, /data-verdict="valid"/);
    const checks = checksOf(body);
    for (const name of [
      'parse',
      'context',
      'jsonld',
      'schema',
      'proof',
      'issuer',
      'validity',
      'status',
    ]) {
      assert.equal(checks[name], 'passed', name);
    }
    assert.ok(
      Object.values(checks).every((outcome) => outcome === 'passed' || outcome === 'skipped'),
    );
    assert.match(body, /The eddsa-rdfc-2022 signature is valid\./);
    const ja = await page(`/badges/${award.id}?lang=ja`);
    assert.match(ja.body, /電子署名/);
    assert.match(ja.body, /合格/);
    // Everything was answered in process: nothing was asked of the network.
    assert.deepEqual(world.remoteCalls, []);
  });

  it('shows a revoked award as revoked, with the reason, and the verification reports it', async () => {
    const award = await world.award({});
    await changeAwardState(
      world.context,
      {
        organisationId: world.organisationId,
        awardId: award.id,
        change: 'revoke',
        reason: '成績の誤りのため <b>',
      },
      world.origin(),
    );
    const { response, body } = await page(`/badges/${award.id}`);
    assert.equal(response.statusCode, 200);
    assert.match(body, /data-status="revoked"/);
    assert.match(body, /失効（取り消し済み）/);
    assert.match(body, /成績の誤りのため &lt;b&gt;/);
    assert.match(body, /data-verdict="revoked"/);
    assert.equal(checksOf(body).status, 'failed');
  });

  it('tells suspended, expired and not-yet-valid awards apart', async () => {
    const suspended = await world.award({ suspendable: true });
    await changeAwardState(
      world.context,
      {
        organisationId: world.organisationId,
        awardId: suspended.id,
        change: 'suspend',
        reason: '調査中',
      },
      world.origin(),
    );
    const expired = await world.award({ awardedDate: '2020-04-01', validUntil: '2021-03-31' });
    const future = await world.award({ validFrom: '2099-04-01' });
    for (const [award, status] of [
      [suspended, 'suspended'],
      [expired, 'expired'],
      [future, 'not-yet-valid'],
    ] as const) {
      const { body } = await page(`/badges/${award.id}?lang=en`);
      assert.match(body, new RegExp(`data-status="${status}"`), status);
      assert.match(body, new RegExp(`data-verdict="${status}"`), status);
    }
    const { body } = await page(`/badges/${suspended.id}?lang=en`);
    assert.match(body, /調査中/);
  });

  it('confirms the recipient by the hash of the e-mail address, without showing it otherwise', async () => {
    const award = await world.award({});
    const headers = JA;
    const match = await page(
      `/badges/${award.id}?lang=en&email=%20Hanako%40Example.ac.jp`,
      headers,
    );
    assert.equal(match.response.statusCode, 200);
    assert.match(match.body, /data-result="match"/);
    assert.match(match.body, /<meta name="robots" content="noindex">/);
    const miss = await page(`/badges/${award.id}?email=taro%40example.ac.jp`, headers);
    assert.match(miss.body, /data-result="no-match"/);
    assert.match(miss.body, /taro@example\.ac\.jp 宛てには発行されていません/);
    const blank = await page(`/badges/${award.id}?lang=en&email=`, headers);
    assert.equal(blank.response.statusCode, 400);
    assert.match(blank.body, /data-result="refused"/);
  });

  it('rate-limits recipient checks', async () => {
    const award = await world.award({});
    let last;
    for (let i = 0; i < 11; i += 1) {
      last = await page(`/badges/${award.id}?email=guess${i}%40example.ac.jp`);
    }
    assert.ok(last !== undefined);
    assert.equal(last.response.statusCode, 429);
    assert.ok(Number(last.response.headers['retry-after']) > 0);
    assert.match(last.body, /受領者の確認が多すぎます/);
    assert.doesNotMatch(last.body, /data-result="(no-)?match"/);
  });

  it('has Open Graph and Twitter card tags and links the credential', async () => {
    const award = await world.award({});
    const { body } = await page(`/badges/${award.id}`);
    const url = `https://badges.example.ac.jp/badges/${award.id}`;
    assert.equal(meta(body, 'og:title'), '情報リテラシー');
    assert.match(meta(body, 'og:description') ?? '', /^国立証大学：情報の扱い方の基礎/);
    assert.match(
      meta(body, 'og:image') ?? '',
      /^https:\/\/badges\.example\.ac\.jp\/images\/[0-9a-f]{64}$/,
    );
    assert.equal(meta(body, 'og:url'), url);
    assert.equal(meta(body, 'og:type'), 'website');
    assert.equal(meta(body, 'twitter:card'), 'summary');
    assert.match(
      body,
      new RegExp(
        `<link rel="alternate" type="application/ld\\+json" href="${url}/credential.json">`,
      ),
    );
    assert.match(body, new RegExp(`href="/badges/${award.id}/credential.json" download=`));
    assert.match(body, new RegExp(`href="/badges/${award.id}/assertion.jws"`));
    assert.match(body, new RegExp(`href="/badges/${award.id}/ob2-image"`));
    assert.doesNotMatch(body, /credential\.jwt/); // no DID, no VC-JWT
  });

  it('escapes a hostile achievement name everywhere', async () => {
    const hostile = await world.createAchievement({
      ...TEST_ACHIEVEMENT,
      name: { ja: '<script>alert(1)</script>"\'&', en: '<img src=x onerror=alert(1)>' },
    });
    const award = await world.award({}, hostile);
    for (const lang of ['ja', 'en']) {
      const { body } = await page(`/badges/${award.id}?lang=${lang}`);
      assert.doesNotMatch(body, /<script/i);
      assert.doesNotMatch(body, /<img src=x/);
    }
    const { body } = await page(`/badges/${award.id}?lang=ja`);
    assert.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&#39;&amp;/);
  });

  it('shows no personal data unless the recipient made their name public', async () => {
    const award = await world.award({
      recipient: { email: 'hanako@example.ac.jp', name: '山田花子' },
    });
    const hidden = await page(`/badges/${award.id}`);
    assert.doesNotMatch(hidden.body, /山田花子/);
    assert.doesNotMatch(hidden.body, /hanako@/);
    assert.match(hidden.body, /受領者は氏名を公開していません/);
    await world.context.db.kysely
      .updateTable('awards')
      .set({ recipient_public: 1 })
      .where('id', '=', award.id)
      .execute();
    const shown = await page(`/badges/${award.id}`);
    assert.match(shown.body, /山田花子/);
    assert.doesNotMatch(shown.body, /hanako@/);
  });

  it('points a replaced award to the new one', async () => {
    const old = await world.award({});
    const replacement = await world.award({});
    await world.context.db.kysely
      .updateTable('awards')
      .set({ replaced_by_award_id: replacement.id })
      .where('id', '=', old.id)
      .execute();
    const { body } = await page(`/badges/${old.id}?lang=en`);
    assert.match(body, /replaced by a new one/);
    assert.match(
      body,
      new RegExp(`<a href="/badges/${replacement.id}\\?lang=en">See the new badge</a>`),
    );
  });

  it('answers an unknown or malformed id with a 404 page for browsers and the envelope for JSON', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id', '%3Cscript%3E']) {
      const html = await page(`/badges/${id}`);
      assert.equal(html.response.statusCode, 404);
      assert.match(html.body, /バッジが見つかりません/);
      assert.doesNotMatch(html.body, /<script/i);
      const json = await world.test.app.inject({
        url: `/badges/${id}`,
        headers: { accept: 'application/json' },
      });
      assert.equal(json.statusCode, 404);
      assert.equal(json.json<{ error: { code: string } }>().error.code, 'ERR_AWARD_NOT_FOUND');
    }
  });
});
