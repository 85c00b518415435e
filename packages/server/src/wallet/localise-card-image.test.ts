import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createGuardedFetcher } from '@akashi/core';
import { buildPng, encodeText, listChunkTypes } from '../images/image-test-factories.js';
import { createCardImageLocaliser, MAX_CARD_IMAGE_BYTES } from './localise-card-image.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';
const PNG = buildPng({ after: [encodeText('tEXt', 'Author', 'someone')] });
const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10" fill="#c00" onclick="x()"/></svg>';

const BODIES: Record<string, { type: string; body: Uint8Array | string }> = {
  '/badge.png': { type: 'image/png', body: PNG },
  '/badge.svg': { type: 'image/svg+xml', body: HOSTILE_SVG },
  '/photo.jpg': { type: 'image/jpeg', body: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16) },
  '/huge.png': { type: 'image/png', body: new Uint8Array(MAX_CARD_IMAGE_BYTES + 1) },
  '/page.html': { type: 'text/html', body: '<html></html>' },
};

describe('createCardImageLocaliser', () => {
  let origin = '';
  let host = '';
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(request.url ?? '');
    const found = BODIES[request.url ?? ''];
    if (found === undefined) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': found.type });
    response.end(found.body);
  });
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    host = `127.0.0.1:${port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  });
  const localise = () =>
    createCardImageLocaliser(
      createGuardedFetcher({ allowHosts: [host] }).fetchDocument,
      PUBLIC_URL,
    );

  it('keeps a remote PNG in the card, its metadata stripped', async () => {
    const image = (await localise()(`${origin}/badge.png`)) ?? '';
    assert.ok(image.startsWith('data:image/png;base64,'), image);
    const bytes = new Uint8Array(
      Buffer.from(image.slice('data:image/png;base64,'.length), 'base64'),
    );
    assert.ok(!listChunkTypes(bytes).includes('tEXt'));
  });

  it('keeps a remote SVG only sanitised', async () => {
    const image = (await localise()(`${origin}/badge.svg`)) ?? '';
    assert.ok(image.startsWith('data:image/svg+xml;base64,'), image);
    const svg = Buffer.from(image.split(',')[1] ?? '', 'base64').toString('utf8');
    assert.doesNotMatch(svg, /script|onclick/);
    assert.match(svg, /<rect/);
  });

  it('leaves the URL when the image cannot be kept', async () => {
    for (const path of ['/photo.jpg', '/huge.png', '/page.html', '/missing.png']) {
      assert.equal(await localise()(`${origin}${path}`), `${origin}${path}`, path);
    }
    // The default policy refuses loopback: the URL stays, nothing breaks.
    const guarded = createCardImageLocaliser(createGuardedFetcher().fetchDocument, PUBLIC_URL);
    assert.equal(await guarded(`${origin}/badge.png`), `${origin}/badge.png`);
  });

  it("fetches nothing for data: URLs, this platform's own images and no image", async () => {
    const before = seen.length;
    const own = `${PUBLIC_URL}/images/abc`;
    assert.equal(await localise()(own), own);
    assert.equal(await localise()('data:image/png;base64,AAAA'), 'data:image/png;base64,AAAA');
    assert.equal(await localise()(null), null);
    assert.equal(seen.length, before);
  });
});
