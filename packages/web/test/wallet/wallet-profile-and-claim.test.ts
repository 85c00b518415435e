import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  assertNoInline,
  assertRedirect,
  callApi,
  claimPath,
  createAchievement,
  h1,
  issueBadge,
} from './wallet-test-support.js';

const PROFILE = {
  enabled: 'true',
  slug: 'hanako-yamada',
  displayName: '山田　花子',
  nameKana: 'やまだ はなこ',
  nameRomaji: 'Hanako YAMADA',
  headline: '情報工学専攻',
};

describe('the public profile settings page', () => {
  let world: WebTestWorld;
  let learner: Record<string, string>;

  before(async () => {
    world = await buildWebTestWorld();
    learner = world.headers.learner;
  });
  after(() => world.close());

  it('shows the settings with the address the slug gives, off at first (ja and en)', async () => {
    const ja = await world.get('/wallet/profile', learner);
    assert.equal(ja.statusCode, 200, ja.body);
    assert.equal(h1(ja.body), '公開プロフィール');
    assert.match(ja.body, /現在、公開プロフィールは無効です/);
    assert.match(ja.body, /https:\/\/badges\.example\.ac\.jp\/p\//);
    for (const name of ['slug', 'displayName', 'nameKana', 'nameRomaji', 'headline']) {
      assert.match(ja.body, new RegExp(`<label for="f-${name}"`), name);
    }
    assert.match(ja.body, /<input\s+type="checkbox"\s+id="f-enabled-true"\s+name="enabled"/);
    assertNoInline(ja.body);
    const en = await world.get('/wallet/profile?lang=en', learner);
    assert.match(en.body, /Your public profile is turned off/);
    assert.match(en.body, /Shown exactly as you type it/);
    assertRedirect(await world.get('/wallet/profile'), '/sign-in?next=%2Fwallet%2Fprofile');
  });

  it('saves the profile, the name exactly as typed, and links to the public page', async () => {
    const saved = await world.post('/wallet/profile', PROFILE, learner);
    assertRedirect(saved, '/wallet/profile?done=saved');
    const page = await world.get('/wallet/profile?done=saved', learner);
    assert.match(page.body, /公開プロフィールを保存しました/);
    assert.match(page.body, /href="\/p\/hanako-yamada"\s+data-testid="profile-public-link"/);
    assert.ok(page.body.includes(`value="${PROFILE.displayName}"`));
    const api = await callApi(world, 'GET', '/api/v1/wallet/profile', learner);
    const profile = api.json<{ displayName: string; enabled: boolean; nameKana: string }>();
    assert.equal(profile.displayName, '山田　花子');
    assert.equal(profile.enabled, true);
    assert.equal(profile.nameKana, 'やまだ はなこ');
  });

  it('answers a slug already taken and a bad slug next to the field, keeping what was typed', async () => {
    const taken = await world.post(
      '/wallet/profile',
      { ...PROFILE, displayName: '佐藤 太郎' },
      world.headers['org-admin'],
    );
    assert.equal(taken.statusCode, 409, taken.body);
    assert.match(taken.body, /<p class="field-error" id="f-slug-error">/);
    assert.match(taken.body, /<a href="#f-slug">/);
    assert.match(taken.body, /value="佐藤 太郎"/);
    const bad = await world.post('/wallet/profile', { ...PROFILE, slug: 'A b' }, learner);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<p class="field-error" id="f-slug-error">/);
    const noName = await world.post('/wallet/profile', { ...PROFILE, displayName: '' }, learner);
    assert.equal(noName.statusCode, 400);
    assert.match(noName.body, /<p class="field-error" id="f-displayName-error">/);
  });
});

describe('the claim page of an award e-mail', () => {
  let world: WebTestWorld;
  let achievementId: string;

  before(async () => {
    world = await buildWebTestWorld();
    achievementId = await createAchievement(world, '情報リテラシー');
  });
  after(() => world.close());

  const claimable = async () => {
    const { award } = await issueBadge(world, achievementId, { notify: true });
    return { awardId: award.id, path: await claimPath(world, award.id) };
  };

  it('explains the link to a signed-out visitor and offers sign-in and sign-up that come back', async () => {
    const { path } = await claimable();
    const ja = await world.get(path);
    assert.equal(ja.statusCode, 200, ja.body);
    assert.match(ja.body, /data-testid="claim-signed-out"/);
    assert.equal(h1(ja.body), 'バッジをウォレットに追加');
    const next = encodeURIComponent(path);
    assert.match(ja.body, new RegExp(`href="/sign-in\\?next=${next}"`));
    assert.match(ja.body, new RegExp(`href="/sign-up\\?next=${next}"`));
    assert.doesNotMatch(ja.body, /data-testid="claim-submit"/);
    const en = await world.get(`${path}&lang=en`);
    assert.match(en.body, /Sign in to add it/);
    assertNoInline(en.body);
    // Sign-up keeps `next` to its "check your e-mail" page, whose sign-in link comes back here.
    const signUp = await world.get(`/sign-up?next=${next}`);
    assert.match(signUp.body, new RegExp(`action="/sign-up\\?next=${next}"`));
    assert.match(signUp.body, new RegExp(`href="/sign-in\\?next=${next}"`));
    const posted = await world.post(`/sign-up?next=${next}`, {
      displayName: '新井 一郎',
      email: 'arai@example.jp',
      password: 'a long enough passphrase 2026',
    });
    const sent = assertRedirect(posted, `/sign-up/sent?next=${next}`);
    const sentPage = await world.get(sent);
    assert.match(
      sentPage.body,
      new RegExp(`href="/sign-in\\?next=${next}"\\s+data-testid="sign-up-continue"`),
    );
    assert.doesNotMatch((await world.get('/sign-up/sent')).body, /sign-up-continue/);
  });

  it('adds the award to the signed-in learner’s wallet with a POST, then shows the badge', async () => {
    const { awardId, path } = await claimable();
    const learner = world.headers.learner;
    const page = await world.get(path, learner);
    assert.match(page.body, /data-testid="claim-signed-in"/);
    assert.match(page.body, new RegExp(`action="/wallet/claim/${awardId}"`));
    const token = new URL(path, 'https://x').searchParams.get('token') ?? '';
    assert.match(page.body, new RegExp(`name="token" value="${token}"`));
    const claimed = await world.post(`/wallet/claim/${awardId}`, { token }, learner);
    const location = assertRedirect(claimed, /^\/wallet\/credentials\/[^/?]+\?done=claimed$/);
    const badge = await world.get(location, learner);
    assert.equal(badge.statusCode, 200);
    assert.match(badge.body, /バッジをウォレットに追加しました/);
    assert.match(badge.body, /この基盤で授与されたバッジです/);
    // Another account cannot take it: a clear page.
    const elsewhere = await world.post(
      `/wallet/claim/${awardId}`,
      { token },
      world.headers['org-admin'],
    );
    assert.equal(elsewhere.statusCode, 409);
    assert.match(elsewhere.body, /data-problem="elsewhere"/);
    assert.match(elsewhere.body, /別のアカウントに追加済みです/);
  });

  it('says a wrong or missing token cannot be used, and an unknown award is not found', async () => {
    const { awardId } = await claimable();
    const learner = world.headers.learner;
    const wrong = await world.post(`/wallet/claim/${awardId}`, { token: 'x'.repeat(43) }, learner);
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.body, /data-problem="token"/);
    const missing = await world.get(`/wallet/claim/${awardId}`, learner);
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /このリンクは使えません/);
    const unknown = await world.post(
      '/wallet/claim/00000000-0000-4000-8000-000000000000',
      { token: 'x'.repeat(43) },
      learner,
    );
    // Without the platform's key no token fits an unknown award: the same clear page.
    assert.equal(unknown.statusCode, 403, unknown.body);
    assert.match(unknown.body, /data-problem="token"/);
    const en = await world.post(`/wallet/claim/${awardId}?lang=en`, { token: 'y' }, learner);
    assert.equal(en.statusCode, 403);
    assert.match(en.body, /This link cannot be used/);
    assertRedirect(
      await world.post(`/wallet/claim/${awardId}`, { token: 'y' }),
      /^\/sign-in\?next=/,
    );
  });
});
