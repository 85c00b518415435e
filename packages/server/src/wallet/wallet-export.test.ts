import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { extractBaked } from '@akashi/core';
import { strFromU8, unzipSync } from 'fflate';
import { forEachDatabase } from '../db/for-each-database.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import type { WalletCredential } from './wallet-schemas.js';
import { buildWalletWorld } from './wallet-test-world.js';

describe('wallet downloads and export', () => {
  forEachDatabase('downloads each format a badge has, with its name as file name', async (db) => {
    const world = await buildWalletWorld(db);
    try {
      const headers = world.learner.headers;
      const issued = await world.issue({ email: 'ken@example.ac.jp', did: 'did:example:ken' });
      const jwt = await world.get(world.path(issued.award.links.credentialJwt ?? ''));
      const imported = await world.importJson({ credential: jwt.body });
      const item = imported.json<{ item: WalletCredential }>().item;
      const download = (format: string) =>
        world.test.app.inject({
          url: `/api/v1/wallet/credentials/${item.id}/download?format=${format}`,
          headers,
        });
      const json = await download('json');
      assert.equal(json.statusCode, 200);
      assert.equal(json.headers['content-type'], 'application/vc+ld+json');
      assert.deepEqual(json.json(), item.credential);
      assert.equal(
        json.headers['content-disposition'],
        `attachment; filename="badge-${item.id}.json"; filename*=UTF-8''%E6%83%85%E5%A0%B1%E3%83%AA%E3%83%86%E3%83%A9%E3%82%B7%E3%83%BC.json`,
      );
      const compact = await download('jwt');
      assert.equal(compact.headers['content-type'], 'application/vc+jwt');
      assert.equal(compact.body, jwt.body);
      for (const format of ['original', 'png']) {
        const missing = await download(format);
        assert.equal(missing.statusCode, 404);
        assert.equal(missing.json<ErrorEnvelope>().error.code, 'ERR_WALLET_DOWNLOAD_UNAVAILABLE');
      }
      assert.equal((await download('pdf')).statusCode, 400);
      // An award of this platform: its baked image, made in process.
      await db.kysely
        .updateTable('wallet_credentials')
        .set({ origin: 'award', award_id: issued.award.id })
        .where('id', '=', item.id)
        .execute();
      const baked = await download('png');
      assert.equal(baked.statusCode, 200, baked.body);
      assert.match(String(baked.headers['content-type']), /^image\/(png|svg\+xml)/);
      assert.deepEqual(
        JSON.parse(extractBaked(new Uint8Array(baked.rawPayload)).payload),
        issued.credential,
      );
    } finally {
      await world.close();
    }
  });

  forEachDatabase('exports the wallet as a ZIP that unzips to what was stored', async (db) => {
    const world = await buildWalletWorld(db);
    try {
      const json = await world.issue();
      const first = (await world.importJson({ credential: json.credential })).json<{
        item: WalletCredential;
      }>().item;
      const imageAward = await world.issue();
      const image = await world.get(world.path(imageAward.award.links.bakedImage));
      const contentType = String(image.headers['content-type']).split(';')[0] ?? '';
      const second = (await world.importBytes(image.rawPayload, contentType)).json<{
        item: WalletCredential;
      }>().item;
      await db.kysely
        .updateTable('wallet_credentials')
        .set({ achievement_name: '=HYPERLINK("x")' })
        .where('id', '=', second.id)
        .execute();
      const response = await world.test.app.inject({
        url: '/api/v1/wallet/export',
        headers: world.learner.headers,
      });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/zip');
      assert.match(
        String(response.headers['content-disposition']),
        /^attachment; filename="akashi-wallet-\d{4}-\d{2}-\d{2}\.zip"$/,
      );
      const files = unzipSync(new Uint8Array(response.rawPayload));
      const extension = contentType === 'image/png' ? 'png' : 'svg';
      assert.deepEqual(
        Object.keys(files).sort(),
        [
          '001-情報リテラシー.json',
          `002-=HYPERLINK(_x_).${extension}`,
          '002-=HYPERLINK(_x_).json',
          'index.csv',
          'index.json',
        ].sort(),
      );
      assert.deepEqual(
        JSON.parse(strFromU8(files['001-情報リテラシー.json'] ?? new Uint8Array())),
        json.credential,
      );
      assert.deepEqual(files[`002-=HYPERLINK(_x_).${extension}`], new Uint8Array(image.rawPayload));
      const index = JSON.parse(strFromU8(files['index.json'] ?? new Uint8Array())) as {
        id: string;
        files: string[];
      }[];
      assert.deepEqual(
        index.map((entry) => [entry.id, entry.files.length]),
        [
          [first.id, 1],
          [second.id, 2],
        ],
      );
      // Read as bytes: TextDecoder would drop the byte order mark this checks.
      const csv = Buffer.from(files['index.csv'] ?? new Uint8Array()).toString('utf8');
      assert.ok(csv.startsWith('\uFEFFid,name,issuerName,'));
      const lines = csv.split('\r\n');
      assert.equal(lines.length, 4);
      assert.match(lines[2] ?? '', new RegExp(`^${second.id},"'=HYPERLINK\\(""x""\\)",`));
      assert.equal((await world.test.app.inject({ url: '/api/v1/wallet/export' })).statusCode, 401);
    } finally {
      await world.close();
    }
  });
});
