import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import {
  ACHIEVEMENT,
  buildWalletWebWorld,
  metaContent,
  PUBLIC_URL,
  unescapeHtml,
  walletItems,
  type WalletWebWorld,
} from './wallet-public-world.js';

/** The href of the "Add to LinkedIn" link. */
const linkedinHref = (body: string): string | undefined =>
  /<a[^>]*href="([^"]+)"[^>]*data-testid="linkedin-link"/.exec(body)?.[1];

/** Exactly as typed: an ideographic space and half-width kana are not normalised. */
const DISPLAY_NAME = '齋藤\u3000ﾀﾛｳ';

describe('the wallet public pages', () => {
  let world: WalletWebWorld;
  let learnerEmail: string;
  let shared: { id: string; name: string | null };
  let hidden: { id: string; awardId: string | null };
  let linkId: string;
  let sequence = 0;

  before(async () => {
    world = await buildWalletWebWorld();
    const as = world.headers.learner;
    learnerEmail = await world.emailOf(world.learnerUserId);
    const first = await world.award(learnerEmail, {
      validUntil: '2031-03-31T14:59:59Z',
      evidence: [{ url: 'https://www.example.ac.jp/works/1', narrative: 'レポート <b>最終版</b>' }],
    });
    const second = await world.award(learnerEmail);
    const items = await walletItems(world, as);
    const one = items.find((item) => item.awardId === first);
    const two = items.find((item) => item.awardId === second);
    assert.ok(one !== undefined && two !== undefined, JSON.stringify(items));
    shared = one;
    hidden = two;
    const link = await world.api(
      'POST',
      `/api/v1/wallet/credentials/${shared.id}/share-links`,
      as,
      {},
    );
    assert.equal(link.statusCode, 201, link.body);
    linkId = link.json<{ id: string }>().id;
  });
  after(() => world.close());

  /** A page as a signed-out visitor, each from its own address (the public API is rate-limited). */
  const visit = (url: string, language: 'ja' | 'en' = 'ja'): Promise<LightMyRequestResponse> => {
    sequence += 1;
    return world.testApp.app.inject({
      method: 'GET',
      url,
      remoteAddress: `198.51.100.${String(sequence % 250)}`,
      headers: {
        accept: 'text/html',
        'accept-language': language === 'ja' ? 'ja,en;q=0.8' : 'en-GB,en;q=0.9',
      },
    });
  };

  const enableProfile = async (enabled: boolean) => {
    const response = await world.api('PUT', '/api/v1/wallet/profile', world.headers.learner, {
      enabled,
      slug: 'saito-taro',
      displayName: DISPLAY_NAME,
      nameKana: 'さいとう たろう',
      nameRomaji: 'Saito Taro',
      headline: '情報工学を学んでいます & <研究中>',
    });
    assert.equal(response.statusCode, 200, response.body);
  };

  it('shows a shared badge signed out, in Japanese, with the live verdict, checks and OG tags', async () => {
    const page = await visit(`/s/${linkId}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /<html lang="ja">/);
    assert.match(page.body, /href="\/sign-in"/);
    assert.equal(
      unescapeHtml(/data-testid="badge-name">([^<]+)</.exec(page.body)?.[1] ?? ''),
      ACHIEVEMENT.name.ja,
    );
    assert.match(page.body, /data-testid="verdict" data-verdict="valid"/);
    assert.match(page.body, /この証明書は有効です/);
    assert.match(page.body, /data-check="proof" data-outcome="passed"/);
    assert.match(page.body, /data-testid="badge-status" data-status="valid"/);
    // Description, criteria, alignment and evidence as text, never as markup.
    assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /全課題を提出すること。/);
    assert.match(page.body, /href="https:\/\/www\.example\.ac\.jp\/criteria"/);
    assert.match(page.body, /data-testid="badge-alignments"[\s\S]*データリテラシー[\s\S]*DL-1/);
    assert.match(
      page.body,
      /data-testid="badge-evidence"[\s\S]*レポート &lt;b&gt;最終版&lt;\/b&gt;/,
    );
    // 和暦 by default in Japanese.
    assert.match(page.body, /2031年3月31日（令和13年3月31日）/);
    // Open Graph for link previews; a capability URL stays out of search engines.
    assert.equal(unescapeHtml(metaContent(page.body, 'og:title') ?? ''), ACHIEVEMENT.name.ja);
    assert.equal(metaContent(page.body, 'og:url'), `${PUBLIC_URL}/s/${linkId}`);
    assert.match(metaContent(page.body, 'og:description') ?? '', /国立証大学/);
    assert.match(page.body, /<meta name="robots" content="noindex"/);
    // Share panel: QR code, LinkedIn through our redirect, the copy fields.
    assert.match(page.body, /data-testid="share-qr"/);
    assert.match(page.body, new RegExp(`href="/s/${linkId}/qr\\.svg"`));
    assert.equal(linkedinHref(page.body), `/s/${linkId}/linkedin`);
    assert.match(page.body, /id="copy-organization"[^>]*value="国立証大学"/);
    assert.match(page.body, new RegExp(`id="copy-cert-url"[^>]*value="${PUBLIC_URL}/s/${linkId}"`));
    assert.match(page.body, /id="copy-expiration-date"[^>]*value="2031年3月"/);
    // Never the recipient's address, and no script on a public page.
    assert.doesNotMatch(page.body, new RegExp(learnerEmail.replace('.', '\\.')));
    assert.doesNotMatch(page.body, /<script/);
    // No profile yet: no holder name.
    assert.doesNotMatch(page.body, /data-testid="badge-holder"/);
  });

  it('shows the shared badge in English, and the same to a signed-in visitor', async () => {
    const page = await visit(`/s/${linkId}`, 'en');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="en">/);
    assert.match(page.body, /This credential is valid/);
    assert.match(page.body, /<h2 id="verification-heading">Verification<\/h2>/);
    assert.match(page.body, /id="copy-expiration-date"[^>]*value="March 2031"/);
    assert.match(page.body, /31 March 2031/);
    const signedIn = await world.get(`/s/${linkId}`, world.headers.viewer);
    assert.equal(signedIn.statusCode, 200);
    assert.match(signedIn.body, /data-verdict="valid"/);
  });

  it('serves the QR code of the page as an SVG file', async () => {
    const qr = await visit(`/s/${linkId}/qr.svg`);
    assert.equal(qr.statusCode, 200);
    assert.match(String(qr.headers['content-type']), /^image\/svg\+xml/);
    assert.match(qr.body, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('redirects to LinkedIn with the fields filled in', async () => {
    const response = await visit(`/s/${linkId}/linkedin`);
    assert.equal(response.statusCode, 302);
    const location = new URL(String(response.headers.location));
    assert.equal(location.origin, 'https://www.linkedin.com');
    assert.equal(location.pathname, '/profile/add');
    const p = location.searchParams;
    assert.equal(p.get('startTask'), 'CERTIFICATION_NAME');
    assert.equal(p.get('name'), ACHIEVEMENT.name.ja);
    assert.equal(p.get('organizationName'), '国立証大学');
    assert.equal(p.get('certUrl'), `${PUBLIC_URL}/s/${linkId}`);
    assert.ok((p.get('certId') ?? '') !== '');
    const now = new Date(Date.now() + 9 * 3600_000);
    assert.equal(p.get('issueYear'), String(now.getUTCFullYear()));
    assert.equal(p.get('issueMonth'), String(now.getUTCMonth() + 1));
    assert.equal(p.get('expirationYear'), '2031');
    assert.equal(p.get('expirationMonth'), '3');
  });

  it('shows the profile name on a shared badge once the profile is public', async () => {
    await enableProfile(true);
    const page = await visit(`/s/${linkId}`);
    assert.match(
      page.body,
      /<a href="\/p\/saito-taro" data-testid="badge-holder">齋藤\u3000ﾀﾛｳ<\/a>/,
    );
  });

  it('shows the public profile with only public badges and public collections', async () => {
    await enableProfile(true);
    const as = world.headers.learner;
    const empty = await visit('/p/saito-taro');
    assert.equal(empty.statusCode, 200, empty.body);
    assert.match(empty.body, /data-testid="profile-empty"/);
    const made = await world.api('PATCH', `/api/v1/wallet/credentials/${shared.id}`, as, {
      visibility: 'public',
    });
    assert.equal(made.statusCode, 200, made.body);
    const collection = await world.api('POST', '/api/v1/wallet/collections', as, {
      name: '2026年度 前期',
    });
    assert.equal(collection.statusCode, 201, collection.body);
    const collectionId = collection.json<{ id: string }>().id;
    const emptyCollection = await world.api('POST', '/api/v1/wallet/collections', as, {
      name: '非公開のコレクション',
    });
    assert.equal(emptyCollection.statusCode, 201);
    const items = await world.api('PUT', `/api/v1/wallet/collections/${collectionId}/items`, as, {
      credentialIds: [shared.id],
    });
    assert.equal(items.statusCode, 200, items.body);
    const published = await world.api('PATCH', `/api/v1/wallet/collections/${collectionId}`, as, {
      visibility: 'public',
    });
    assert.equal(published.statusCode, 200, published.body);

    const ja = await visit('/p/saito-taro');
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1 id="profile-name" data-testid="profile-name">齋藤\u3000ﾀﾛｳ<\/h1>/);
    assert.match(ja.body, /data-testid="profile-kana">さいとう たろう</);
    assert.match(ja.body, /lang="ja-Latn" data-testid="profile-romaji">Saito Taro</);
    assert.match(
      ja.body,
      /data-testid="profile-headline">情報工学を学んでいます &amp; &lt;研究中&gt;</,
    );
    assert.match(ja.body, new RegExp(`data-testid="profile-badge" data-id="${shared.id}"`));
    assert.doesNotMatch(ja.body, new RegExp(hidden.id));
    assert.match(ja.body, /data-testid="profile-collection"[\s\S]*2026年度 前期/);
    assert.doesNotMatch(ja.body, /非公開のコレクション/);
    assert.equal(metaContent(ja.body, 'og:title'), DISPLAY_NAME);
    assert.equal(metaContent(ja.body, 'og:url'), `${PUBLIC_URL}/p/saito-taro`);
    assert.ok(metaContent(ja.body, 'og:description') !== undefined);
    assert.doesNotMatch(ja.body, /<script/);
    const en = await visit('/p/saito-taro', 'en');
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /<h2 id="badges-heading">Badges<\/h2>/);
    assert.match(en.body, /1 badge/);

    const badge = await visit(`/p/saito-taro/credentials/${shared.id}`);
    assert.equal(badge.statusCode, 200, badge.body);
    assert.match(badge.body, /data-testid="back-to-profile"/);
    assert.match(badge.body, /data-verdict="valid"/);
    assert.equal(
      metaContent(badge.body, 'og:url'),
      `${PUBLIC_URL}/p/saito-taro/credentials/${shared.id}`,
    );
    assert.doesNotMatch(badge.body, /<meta name="robots"/);
    // On a profile the link goes to LinkedIn itself, with the profile page as the certificate URL.
    const direct = new URL(unescapeHtml(linkedinHref(badge.body) ?? ''));
    assert.equal(direct.origin, 'https://www.linkedin.com');
    assert.equal(
      direct.searchParams.get('certUrl'),
      `${PUBLIC_URL}/p/saito-taro/credentials/${shared.id}`,
    );
    const privateOne = await visit(`/p/saito-taro/credentials/${hidden.id}`, 'en');
    assert.equal(privateOne.statusCode, 404);
    assert.match(privateOne.body, /This badge is not public/);
  });

  it('answers a disabled or unknown profile with a 404 page', async () => {
    await enableProfile(false);
    const disabled = await visit('/p/saito-taro');
    assert.equal(disabled.statusCode, 404);
    assert.match(disabled.body, /<h1 data-testid="public-gone">プロフィールが見つかりません<\/h1>/);
    const unknown = await visit('/p/nobody-here', 'en');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /Profile not found/);
    const badge = await visit(`/p/saito-taro/credentials/${shared.id}`);
    assert.equal(badge.statusCode, 404);
  });

  it('verifies live: an award revoked by its issuer shows as revoked, with the checks unfolded', async () => {
    const link = await world.api(
      'POST',
      `/api/v1/wallet/credentials/${hidden.id}/share-links`,
      world.headers.learner,
      {},
    );
    assert.equal(link.statusCode, 201, link.body);
    const id = link.json<{ id: string }>().id;
    const valid = await visit(`/s/${id}`);
    assert.match(valid.body, /<details class="verify-details">/);
    const revoked = await world.api(
      'POST',
      `/api/v1/organisations/${world.orgA}/awards/${String(hidden.awardId)}/revoke`,
      world.headers['org-admin'],
      { reason: '不正行為が判明したため' },
    );
    assert.equal(revoked.statusCode, 200, revoked.body);
    const page = await visit(`/s/${id}`, 'en');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="verdict" data-verdict="revoked"/);
    assert.match(page.body, /data-testid="verdict-reason"/);
    assert.match(page.body, /<details class="verify-details" open>/);
    assert.match(page.body, /data-check="status" data-outcome="failed"/);
  });

  it('says a revoked or unknown link is no longer shared, for the page, the QR code and LinkedIn', async () => {
    const revoked = await world.api(
      'DELETE',
      `/api/v1/wallet/share-links/${linkId}`,
      world.headers.learner,
    );
    assert.equal(revoked.statusCode, 204, revoked.body);
    for (const url of [
      `/s/${linkId}`,
      `/s/${linkId}/qr.svg`,
      `/s/${linkId}/linkedin`,
      '/s/unknown',
    ]) {
      const response = await visit(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.match(response.body, /このバッジは共有されていません/, url);
    }
    const en = await visit(`/s/${linkId}`, 'en');
    assert.match(en.body, /This badge is no longer shared/);
  });
});
