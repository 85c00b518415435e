import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { createDataDirectoryImageStore } from './data-directory-image-store.js';
import { createDatabaseImageStore } from './database-image-store.js';
import { buildPng } from './image-test-factories.js';
import type { ImageStore } from './image-store.js';
import { prepareBadgeImage } from './prepare-badge-image.js';

const BASE_URL = 'https://badges.example.org/images/';
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The behaviour every ImageStore must have, run once per implementation. */
const checkImageStore = async (store: ImageStore): Promise<void> => {
  const png = (await prepareBadgeImage(buildPng({ width: 7 }))).bytes;
  const svg = (
    await prepareBadgeImage(
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>'),
    )
  ).bytes;

  const pngId = await store.put(png, 'image/png');
  assert.equal(pngId, sha256(png));
  const svgId = await store.put(svg, 'image/svg+xml');
  assert.equal(svgId, sha256(svg));

  assert.deepEqual(await store.get(pngId), {
    id: pngId,
    mediaType: 'image/png',
    bytes: new Uint8Array(png),
  });
  assert.deepEqual(await store.get(svgId), {
    id: svgId,
    mediaType: 'image/svg+xml',
    bytes: new Uint8Array(svg),
  });

  // Content-addressed: the same bytes again are the same image, stored once.
  assert.equal(await store.put(Uint8Array.from(png), 'image/png'), pngId);
  assert.deepEqual((await store.get(pngId))?.bytes, new Uint8Array(png));

  // A view into a larger buffer stores only its own bytes.
  const framed = new Uint8Array(png.length + 10);
  framed.set(png, 5);
  assert.equal(await store.put(framed.subarray(5, 5 + png.length), 'image/png'), pngId);

  assert.equal(await store.get('0'.repeat(64)), undefined);
  for (const bad of ['../../etc/passwd', `${pngId}.png`, pngId.toUpperCase(), '']) {
    assert.equal(await store.get(bad), undefined, bad);
  }
  assert.equal(store.url(pngId), `${BASE_URL}${pngId}`);
  assert.throws(() => store.url('../x'), TypeError);
  await assert.rejects(store.put(png, 'image/gif' as 'image/png'), TypeError);
  await assert.rejects(store.put(new Uint8Array(), 'image/png'), TypeError);
};

describe('the database image store', () => {
  forEachDatabase('stores, finds and deduplicates images by SHA-256', async (database) => {
    await checkImageStore(createDatabaseImageStore(database, { baseUrl: BASE_URL }));
    const rows = await database.kysely.selectFrom('images').select(['id', 'created_at']).execute();
    assert.equal(rows.length, 2);
  });

  forEachDatabase('keeps every byte value, NUL and high bytes included', async (database) => {
    const store = createDatabaseImageStore(database, {
      baseUrl: BASE_URL,
      now: () => new Date('2025-04-01T00:00:00.000Z'),
    });
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const id = await store.put(bytes, 'image/png');
    assert.deepEqual((await store.get(id))?.bytes, bytes);
    const row = await database.kysely.selectFrom('images').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.created_at, '2025-04-01T00:00:00.000Z');
  });
});

describe('the data directory image store', () => {
  it('stores, finds and deduplicates images by SHA-256, as <sha256>.<ext> files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'akashi-images-'));
    try {
      await checkImageStore(createDataDirectoryImageStore({ dataDir, baseUrl: BASE_URL }));
      const files = readdirSync(join(dataDir, 'images')).sort();
      assert.equal(files.length, 2);
      assert.ok(
        files.every((file) => /^[0-9a-f]{64}\.(png|svg)$/.test(file)),
        files.join(),
      );
      const png = files.find((file) => file.endsWith('.png'))!;
      assert.equal(sha256(readFileSync(join(dataDir, 'images', png))), png.slice(0, 64));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('writes concurrently without leaving temporary files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'akashi-images-'));
    try {
      const store = createDataDirectoryImageStore({ dataDir, baseUrl: BASE_URL });
      const images = Array.from({ length: 20 }, (_, i) => buildPng({ width: 1 + (i % 5) }));
      const ids = await Promise.all(images.map((bytes) => store.put(bytes, 'image/png')));
      assert.equal(new Set(ids).size, 5);
      assert.deepEqual(
        readdirSync(join(dataDir, 'images')).filter((f) => f.endsWith('.tmp')),
        [],
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a configuration without a data directory or with a relative base URL', () => {
    assert.throws(
      () => createDataDirectoryImageStore({ dataDir: '', baseUrl: BASE_URL }),
      TypeError,
    );
    assert.throws(
      () => createDataDirectoryImageStore({ dataDir: '/x', baseUrl: '/images/' }),
      TypeError,
    );
    assert.throws(
      () => createDataDirectoryImageStore({ dataDir: '/x', baseUrl: 'https://x/images' }),
      TypeError,
    );
  });
});
