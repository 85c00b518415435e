import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  assertNoInline,
  assertRedirect,
  createAchievement,
  h1,
  issueBadge,
  tampered,
} from './wallet-test-support.js';

const BOUNDARY = '----akashi-wallet-import-test';

type Part = { name: string; value: string | Buffer; filename?: string; type?: string };

/** A multipart body built by hand, as a browser sends the import form. */
const multipart = (parts: readonly Part[]): Buffer =>
  Buffer.concat([
    ...parts.flatMap((part) => [
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"` +
          (part.filename === undefined ? '' : `; filename="${part.filename}"`) +
          '\r\n' +
          (part.type === undefined ? '' : `Content-Type: ${part.type}\r\n`) +
          '\r\n',
      ),
      typeof part.value === 'string' ? Buffer.from(part.value) : part.value,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);

const ID_IN_LOCATION = /^\/wallet\/credentials\/([^/?]+)\?done=(imported|merged)$/;

describe('the wallet import page', () => {
  let world: WebTestWorld;
  let learner: Record<string, string>;
  let achievementId: string;

  before(async () => {
    world = await buildWebTestWorld();
    learner = world.headers.learner;
    achievementId = await createAchievement(world, '情報リテラシー');
  });
  after(() => world.close());

  /** Posts the import form as multipart, with the learner's CSRF token. */
  const postImport = (parts: readonly Part[], headers: Record<string, string> = {}) =>
    world.testApp.app.inject({
      method: 'POST',
      url: '/wallet/import',
      headers: {
        accept: 'text/html',
        'accept-language': 'ja,en;q=0.8',
        cookie: learner.cookie ?? '',
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        ...headers,
      },
      payload: multipart([{ name: '_csrf', value: learner['x-csrf-token'] ?? '' }, ...parts]),
    });

  const hidden = (body: string, name: string): string | undefined =>
    new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(body)?.[1];

  it('shows the three ways in, in Japanese and English, as forms that need no script', async () => {
    const ja = await world.get('/wallet/import', learner);
    assert.equal(ja.statusCode, 200);
    assert.equal(h1(ja.body), 'バッジを追加');
    assert.equal(
      ja.body.match(
        /<form\s+method="post"\s+action="\/wallet\/import"\s+enctype="multipart\/form-data"/g,
      )?.length,
      3,
    );
    for (const name of ['file', 'text', 'url']) {
      assert.match(ja.body, new RegExp(`<label for="f-${name}"`));
    }
    assert.match(ja.body, /accept="\.png,\.svg,\.pdf,\.json/);
    assert.match(ja.body, /name="_csrf"/);
    assertNoInline(ja.body);
    const en = await world.get('/wallet/import?lang=en', learner);
    assert.equal(h1(en.body), 'Add a badge');
    assert.match(en.body, /Paste JSON or a JWT/);
    assertRedirect(await world.get('/wallet/import'), '/sign-in?next=%2Fwallet%2Fimport');
  });

  it('imports a pasted credential, and merges the same one pasted again', async () => {
    const { credential } = await issueBadge(world, achievementId);
    const first = await postImport([{ name: 'text', value: JSON.stringify(credential) }]);
    const location = assertRedirect(first, ID_IN_LOCATION);
    const [, id, done] = ID_IN_LOCATION.exec(location) ?? [];
    assert.equal(done, 'imported');
    const page = await world.get(location, learner);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /バッジをウォレットに追加しました/);
    const again = await postImport([{ name: 'text', value: JSON.stringify(credential) }]);
    assertRedirect(again, `/wallet/credentials/${id ?? ''}?done=merged`);
    const merged = await world.get(`/wallet/credentials/${id ?? ''}?done=merged`, learner);
    assert.match(merged.body, /1 件にまとめました/);
  });

  it('imports a baked badge image uploaded as a file, and a credential file', async () => {
    const { award } = await issueBadge(world, achievementId);
    const image = await world.testApp.app.inject({ url: `/badges/${award.id}/image` });
    assert.equal(image.statusCode, 200);
    const response = await postImport([
      { name: 'file', value: image.rawPayload, filename: 'badge.png', type: 'image/png' },
    ]);
    const [, , done] = ID_IN_LOCATION.exec(assertRedirect(response, ID_IN_LOCATION)) ?? [];
    assert.equal(done, 'imported');
    const { credential } = await issueBadge(world, achievementId);
    const file = await postImport([
      {
        name: 'file',
        value: JSON.stringify(credential),
        filename: 'badge.json',
        type: 'application/json',
      },
    ]);
    assertRedirect(file, ID_IN_LOCATION);
  });

  it('imports from a URL of this platform', async () => {
    const { award } = await issueBadge(world, achievementId);
    const response = await postImport([
      { name: 'url', value: `https://badges.example.ac.jp/badges/${award.id}/credential.json` },
    ]);
    assertRedirect(response, ID_IN_LOCATION);
  });

  it('shows why a badge did not verify, and keeps it as unverified when asked', async () => {
    const fake = tampered((await issueBadge(world, achievementId)).credential);
    const response = await postImport([{ name: 'text', value: JSON.stringify(fake) }]);
    assert.equal(response.statusCode, 422, response.body);
    const body = response.body;
    assert.match(body, /data-testid="import-unverified"/);
    assert.match(body, /このバッジは検証に合格しませんでした/);
    assert.match(body, /data-verdict="tampered"/);
    assert.match(body, /data-check="proof"\s+data-outcome="failed"/);
    assert.match(body, /data-testid="import-keep"/);
    assert.equal(hidden(body, 'keepUnverified'), 'true');
    const text = hidden(body, 'text');
    assert.ok(text !== undefined);
    // The form carries the same input again, with keepUnverified.
    const keep = await postImport([
      { name: 'keepUnverified', value: 'true' },
      { name: 'text', value: JSON.stringify(fake) },
    ]);
    const location = assertRedirect(keep, ID_IN_LOCATION);
    const page = await world.get(location, learner);
    assert.match(page.body, /data-status="unverified"/);
    const en = await postImport([{ name: 'text', value: JSON.stringify(fake) }], {
      'accept-language': 'en',
    });
    assert.match(en.body, /This badge did not pass verification/);
    assert.match(en.body, /Keep it, marked as unverified/);
  });

  it('carries an unverified file back in the form, so it need not be chosen again', async () => {
    const fake = tampered((await issueBadge(world, achievementId)).credential);
    const bytes = Buffer.from(JSON.stringify(fake));
    const response = await postImport([
      { name: 'file', value: bytes, filename: 'badge.json', type: 'application/json' },
    ]);
    assert.equal(response.statusCode, 422);
    const carried = hidden(response.body, 'fileData') ?? '';
    assert.equal(carried, bytes.toString('base64'));
    const keep = await postImport([
      { name: 'keepUnverified', value: 'true' },
      { name: 'fileData', value: carried },
    ]);
    assertRedirect(keep, ID_IN_LOCATION);
  });

  it('answers input that is no badge next to its field', async () => {
    const text = await postImport([{ name: 'text', value: 'これはバッジではありません' }]);
    assert.equal(text.statusCode, 400);
    assert.match(text.body, /data-testid="error-summary"/);
    assert.match(text.body, /<p class="field-error" id="f-text-error">/);
    assert.match(text.body, /これはバッジではありません<\/textarea>/); // kept in the field
    const binary = await postImport([
      { name: 'file', value: Buffer.from([0, 1, 2, 3, 255]), filename: 'x.bin' },
    ]);
    assert.equal(binary.statusCode, 400);
    assert.match(binary.body, /<p class="field-error" id="f-file-error">/);
    const nothing = await postImport([{ name: 'url', value: '  ' }]);
    assert.equal(nothing.statusCode, 400);
    assert.match(nothing.body, /<p class="field-error" id="f-url-error">URL を入力してください。/);
    const badUrl = await postImport([{ name: 'url', value: 'ftp://example.org/badge' }]);
    assert.equal(badUrl.statusCode, 400);
    assert.match(badUrl.body, /<p class="field-error" id="f-url-error">https:\/\/ または/);
  });

  it('refuses a form without its token', async () => {
    const response = await world.testApp.app.inject({
      method: 'POST',
      url: '/wallet/import',
      headers: {
        accept: 'text/html',
        cookie: learner.cookie ?? '',
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      },
      payload: multipart([{ name: 'text', value: '{}' }]),
    });
    assert.equal(response.statusCode, 403);
  });
});
