import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { deflateSync } from 'node:zlib';
import { forEachDatabase } from '../db/for-each-database.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { buildPng, encodeText } from '../images/image-test-factories.js';
import type { AchievementView } from './achievement-schemas.js';
import { buildAchievementWorld, sampleAchievementBody } from './achievement-test-factories.js';
import { DEFAULT_ACHIEVEMENT_IMAGE } from './default-achievement-image.js';

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const svg = (inner: string, attributes = '') =>
  `<svg ${NS} width="64" height="64" viewBox="0 0 64 64"${attributes}>${inner}</svg>`;

describe('achievement images', () => {
  forEachDatabase(
    'uploads are checked, cleaned, stored and served; hostile ones refused',
    async (db) => {
      const world = await buildAchievementWorld(db);
      const { app } = world.testApp;
      try {
        const url = `/api/v1/organisations/${world.orgA}/achievements`;
        const headers = world.headers['org-admin'];
        const created = await app.inject({
          method: 'POST',
          url,
          headers,
          payload: sampleAchievementBody(),
        });
        const achievement = created.json<AchievementView>();
        const imageUrl = `${url}/${achievement.id}/image`;
        const put = (body: Uint8Array | string, contentType: string, who = headers) =>
          app.inject({
            method: 'PUT',
            url: imageUrl,
            headers: { ...who, 'content-type': contentType },
            payload: Buffer.from(body),
          });

        // The default image until one is uploaded.
        assert.equal(
          achievement.urls.image,
          `https://badges.example.ac.jp/images/${DEFAULT_ACHIEVEMENT_IMAGE.id}`,
        );
        const fallback = await app.inject({ url: `/images/${DEFAULT_ACHIEVEMENT_IMAGE.id}` });
        assert.equal(fallback.statusCode, 200);
        assert.equal(fallback.headers['content-type'], 'image/svg+xml');

        // A PNG with a text chunk: stored without it, served as it was stored.
        const png = buildPng({ after: [encodeText('tEXt', 'Comment', 'secret')] });
        const uploaded = await put(png, 'image/png');
        assert.equal(uploaded.statusCode, 200, uploaded.body);
        const result = uploaded.json<{ achievement: AchievementView; removed: string[] }>();
        assert.equal(result.achievement.imageMediaType, 'image/png');
        assert.equal(result.achievement.version, 2);
        assert.ok(
          result.removed.some((item) => item.includes('tEXt')),
          result.removed.join(),
        );
        const imageId = result.achievement.imageId ?? '';
        assert.match(imageId, /^[0-9a-f]{64}$/);
        const served = await app.inject({ url: `/images/${imageId}` });
        assert.equal(served.statusCode, 200);
        assert.equal(served.headers['content-type'], 'image/png');
        assert.equal(served.headers['cache-control'], 'public, max-age=31536000, immutable');
        assert.equal(served.headers['x-content-type-options'], 'nosniff');
        assert.equal(
          served.headers['content-security-policy'],
          "default-src 'none'; style-src 'unsafe-inline'",
        );
        assert.ok(!served.rawPayload.includes(Buffer.from('secret')));
        const notModified = await app.inject({
          url: `/images/${imageId}`,
          headers: { 'if-none-match': `"${imageId}"` },
        });
        assert.equal(notModified.statusCode, 304);
        assert.equal((await app.inject({ url: `/images/${'0'.repeat(64)}` })).statusCode, 404);
        assert.equal((await app.inject({ url: '/images/../../etc/passwd' })).statusCode, 404);

        // SVG: scripts, event handlers and external references are removed.
        const hostile = svg(
          '<script>alert(1)</script><a href="javascript:alert(1)"><circle cx="32" cy="32" r="30" fill="red"/></a><image href="https://evil.example/x.png" width="10" height="10"/><use xlink:href="https://evil.example/s.svg#a"/>',
          ' onload="alert(1)"',
        );
        const cleaned = await put(hostile, 'image/svg+xml');
        assert.equal(cleaned.statusCode, 200, cleaned.body);
        const svgId = cleaned.json<{ achievement: AchievementView }>().achievement.imageId ?? '';
        const svgServed = await app.inject({ url: `/images/${svgId}` });
        assert.equal(svgServed.headers['content-type'], 'image/svg+xml');
        assert.equal(
          svgServed.headers['content-security-policy'],
          "default-src 'none'; style-src 'unsafe-inline'",
        );
        for (const danger of ['<script', 'onload', 'javascript:', 'evil.example']) {
          assert.ok(!svgServed.body.includes(danger), `${danger} in ${svgServed.body}`);
        }
        assert.ok(svgServed.body.includes('<circle'));

        // Refused: entities, bombs, broken or foreign files, oversized uploads, JSON.
        const refusals: [string, Uint8Array | string, string, number, string][] = [
          [
            'DOCTYPE entity',
            `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${svg('<text>&xxe;</text>')}`,
            'image/svg+xml',
            400,
            'ERR_IMAGE_SVG_DOCTYPE',
          ],
          [
            'PNG bomb',
            buildPng({ width: 100_000, height: 100_000, idat: deflateSync(Uint8Array.of(0)) }),
            'image/png',
            0,
            'ERR_IMAGE_DIMENSIONS_TOO_LARGE',
          ],
          [
            'truncated PNG',
            png.subarray(0, png.length - 20),
            'image/png',
            0,
            'ERR_IMAGE_PNG_MALFORMED',
          ],
          [
            'JPEG',
            Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0),
            'image/png',
            415,
            'ERR_IMAGE_UNSUPPORTED_TYPE',
          ],
          [
            'over 2 MiB',
            new Uint8Array(2 * 1024 * 1024 + 1).fill(0x20),
            'image/svg+xml',
            413,
            'ERR_HTTP_BODY_TOO_LARGE',
          ],
          ['JSON', '{"image":"x"}', 'application/json', 415, 'ERR_HTTP_UNSUPPORTED_MEDIA_TYPE'],
          ['GIF as text', 'GIF89a', 'text/plain', 415, 'ERR_HTTP_UNSUPPORTED_MEDIA_TYPE'],
        ];
        for (const [name, body, type, status, code] of refusals) {
          const response = await put(body, type);
          if (status !== 0) assert.equal(response.statusCode, status, `${name}: ${response.body}`);
          assert.equal(response.json<ErrorEnvelope>().error.code, code, name);
        }
        const after = await app.inject({ url: `${url}/${achievement.id}`, headers });
        assert.equal(after.json<AchievementView>().imageId, svgId);
        assert.equal(after.json<AchievementView>().version, 3);

        // Writers only; archived achievements keep their image.
        const viewer = await put(png, 'image/png', world.headers.viewer);
        assert.equal(viewer.statusCode, 403);
        await app.inject({ method: 'POST', url: `${url}/${achievement.id}/archive`, headers });
        const archived = await put(png, 'image/png');
        assert.equal(archived.json<ErrorEnvelope>().error.code, 'ERR_ACHIEVEMENT_ARCHIVED');
        const events = await db.kysely
          .selectFrom('audit_events')
          .select('action')
          .where('action', '=', 'achievement.image')
          .execute();
        assert.equal(events.length, 2);
      } finally {
        await world.testApp.close();
      }
    },
  );
});
