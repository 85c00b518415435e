import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

describe('home and preferences', () => {
  let world: WebTestWorld;
  before(async () => {
    world = await buildWebTestWorld();
  });
  after(() => world.close());

  it('renders the home page in the browser language, with Open Graph tags and a strict CSP', async () => {
    const response = await world.get('/');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/html/);
    assert.match(response.body, /<html lang="ja">/);
    assert.match(response.body, /<meta property="og:title"/);
    assert.match(String(response.headers['content-security-policy']), /script-src 'self'/);
    assert.doesNotMatch(response.body, /<script/);
  });

  it('switches the language with a cookie and comes back to the page, never to another site', async () => {
    const switched = await world.get('/preferences?lang=en&next=%2Fverify%3Flang%3Dja');
    assert.equal(switched.statusCode, 303);
    assert.equal(switched.headers.location, '/verify');
    assert.match(String(switched.headers['set-cookie']), /akashi_lang=en/);
    const page = await world.get('/', { cookie: 'akashi_lang=en' });
    assert.match(page.body, /<html lang="en">/);
    const away = await world.get('/preferences?lang=en&next=%2F%2Fevil.example');
    assert.equal(away.headers.location, '/');
  });

  it('shows the signed-in navigation and a sign-out form carrying the CSRF token', async () => {
    const page = await world.get('/', world.headers['org-admin']);
    assert.match(page.body, /href="\/console"/);
    assert.match(
      page.body,
      new RegExp(`name="_csrf" value="${world.headers['org-admin']['x-csrf-token'] ?? ''}"`),
    );
  });

  it('answers an unknown page with an HTML 404 for browsers and the JSON envelope for the API', async () => {
    const page = await world.get('/no/such/page');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /<h1>ページが見つかりません<\/h1>/);
    const api = await world.testApp.app.inject({ url: '/api/v1/no/such' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json<{ error: { code: string } }>().error.code, 'ERR_HTTP_NOT_FOUND');
  });

  it('serves the style sheet with a year of caching', async () => {
    const css = await world.testApp.app.inject({ url: '/assets/app.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['cache-control']), /immutable/);
  });

  it('serves the Japanese font slices it lists, and no other file', async () => {
    const url = '/assets/fonts/noto-sans-jp-0-wght-normal.woff2';
    const slice = await world.testApp.app.inject({ url });
    assert.equal(slice.statusCode, 200);
    assert.equal(slice.headers['content-type'], 'font/woff2');
    assert.equal(
      (await world.testApp.app.inject({ url })).rawPayload.length,
      slice.rawPayload.length,
    );
    const unknown = await world.testApp.app.inject({
      url: '/assets/fonts/noto-sans-jp-999-wght-normal.woff2',
    });
    assert.equal(unknown.statusCode, 404);
  });
});
