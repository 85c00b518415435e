import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { validateModel, validateOb2Model } from '@akashi/core';
import { forEachDatabase } from '../db/for-each-database.js';
import type { AchievementView } from './achievement-schemas.js';
import {
  buildAchievementWorld,
  PUBLIC_URL,
  sampleAchievementBody,
} from './achievement-test-factories.js';

describe('public achievement documents', () => {
  forEachDatabase(
    'JSON-LD for verifiers, HTML for people, OB 2.0 BadgeClass; archived still served',
    async (db) => {
      const world = await buildAchievementWorld(db);
      const { app } = world.testApp;
      try {
        const body = sampleAchievementBody({
          criteria: {
            narrative: {
              ja: '<script>alert(1)</script> [詳細](javascript:alert(1)) と **合格**',
              en: 'Pass the **exam**.',
            },
          },
        });
        const created = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${world.orgA}/achievements`,
          headers: world.writerKey,
          payload: body,
        });
        const { id } = created.json<AchievementView>();
        const path = `/achievements/${id}`;

        const json = await app.inject({ url: path });
        assert.equal(json.statusCode, 200);
        assert.equal(json.headers['content-type'], 'application/ld+json; charset=utf-8');
        assert.equal(json.headers['access-control-allow-origin'], '*');
        const { '@context': context, ...document } = json.json<Record<string, unknown>>();
        assert.deepEqual(context, [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ]);
        assert.deepEqual(validateModel('strict', 'Achievement', document), { ok: true });
        assert.equal(document.id, `${PUBLIC_URL}${path}`);
        assert.equal(document.inLanguage, 'ja');

        const plain = await app.inject({ url: path, headers: { accept: 'application/json' } });
        assert.equal(plain.headers['content-type'], 'application/json; charset=utf-8');
        const english = await app.inject({ url: `${path}?lang=en` });
        assert.equal(
          english.json<{ id: string; name: string }>().id,
          `${PUBLIC_URL}${path}?lang=en`,
        );
        assert.equal(english.json<{ name: string }>().name, 'Foundations of Data Science');

        const browser = 'text/html,application/xhtml+xml,*/*;q=0.8';
        const page = await app.inject({
          url: path,
          headers: { accept: browser, 'accept-language': 'ja' },
        });
        assert.equal(page.statusCode, 200);
        assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
        const csp = String(page.headers['content-security-policy']);
        assert.ok(
          csp.startsWith("default-src 'none'; img-src 'self'; style-src 'self' 'sha256-"),
          csp,
        );
        assert.ok(page.body.includes('<h1>データサイエンス基礎</h1>'));
        assert.ok(page.body.includes('<strong>合格</strong>'));
        assert.ok(!page.body.includes('<script'), 'no raw HTML from the narrative');
        assert.ok(!page.body.includes('href="javascript:'), 'no javascript: links');
        assert.ok(page.body.includes('国立証大学'), 'the issuer name');
        assert.ok(page.body.includes('授与から3年'));
        const englishPage = await app.inject({
          url: path,
          headers: { accept: browser, 'accept-language': 'en' },
        });
        assert.ok(englishPage.body.includes('<h1>Foundations of Data Science</h1>'));
        assert.ok(englishPage.body.includes('Pass the <strong>exam</strong>.'));
        const forcedJson = await app.inject({
          url: `${path}?format=json`,
          headers: { accept: browser },
        });
        assert.equal(forcedJson.headers['content-type'], 'application/ld+json; charset=utf-8');

        const badgeClass = await app.inject({ url: `${path}/badgeclass` });
        assert.equal(badgeClass.statusCode, 200);
        assert.deepEqual(validateOb2Model('strict', 'BadgeClass', badgeClass.json()), { ok: true });
        assert.equal(
          badgeClass.json<{ issuer: string }>().issuer,
          `${PUBLIC_URL}/issuers/${world.profileA}`,
        );

        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${world.orgA}/achievements/${id}/archive`,
          headers: world.writerKey,
        });
        assert.equal((await app.inject({ url: path })).statusCode, 200);
        assert.equal((await app.inject({ url: `${path}/badgeclass` })).statusCode, 200);
        const archivedPage = await app.inject({
          url: path,
          headers: { accept: browser, 'accept-language': 'en' },
        });
        assert.ok(archivedPage.body.includes('This achievement is archived'));

        const missing = await app.inject({
          url: '/achievements/00000000-0000-4000-8000-000000000000',
        });
        assert.equal(missing.statusCode, 404);
        assert.equal(
          (await app.inject({ url: '/achievements/not-a-uuid/badgeclass' })).statusCode,
          400,
        );
      } finally {
        await world.testApp.close();
      }
    },
  );
});
