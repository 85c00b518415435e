import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
import { renderCertificate } from '@akashi/certificates';
import { forEachDatabase } from '../db/for-each-database.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import type { WalletCredential } from './wallet-schemas.js';
import {
  buildWalletWorld,
  createForeignIssuer,
  OB20_FIXTURES,
  OB30_FIXTURES,
  type WalletWorld,
} from './wallet-test-world.js';

interface Imported {
  readonly item: WalletCredential;
  readonly merged: boolean;
  readonly kept?: string;
}

const created = (response: { statusCode: number; body: string }): WalletCredential => {
  assert.equal(response.statusCode, 201, response.body);
  const answer = JSON.parse(response.body) as Imported;
  assert.equal(answer.merged, false);
  return answer.item;
};

const errorOf = (response: { statusCode: number; body: string }, status: number) => {
  assert.equal(response.statusCode, status, response.body);
  return (JSON.parse(response.body) as ErrorEnvelope).error;
};

const countRows = async (world: WalletWorld, userId: string) =>
  (
    await world.context.db.kysely
      .selectFrom('wallet_credentials')
      .select('id')
      .where('user_id', '=', userId)
      .execute()
  ).length;

describe('importing into the wallet', () => {
  forEachDatabase(
    'imports our own badges: JSON, JWT, baked PNG and SVG, OB 2.0 URL and JWS',
    async (db) => {
      const world = await buildWalletWorld(db);
      try {
        const withDid = { email: 'ken@example.ac.jp', did: 'did:example:ken' };
        // JSON
        const json = await world.issue();
        const fromJson = created(await world.importJson({ credential: json.credential }));
        assert.deepEqual(
          [
            fromJson.format,
            fromJson.obVersion,
            fromJson.status,
            fromJson.origin,
            fromJson.visibility,
          ],
          ['ob3-json', 3, 'valid', 'import', 'private'],
        );
        assert.equal(fromJson.name, '情報リテラシー');
        assert.equal(fromJson.issuerName, '国立証大学');
        assert.deepEqual(fromJson.credential, json.credential);
        assert.equal(
          fromJson.explanation?.en,
          'Every check that applies to this credential passed.',
        );
        assert.equal(fromJson.validFrom, new Date(String(json.credential.validFrom)).toISOString());
        assert.deepEqual(fromJson.downloads, ['json']);
        // VC-JWT (the recipient has a DID)
        const jwtAward = await world.issue(withDid);
        const jwt = await world.get(world.path(jwtAward.award.links.credentialJwt ?? ''));
        const fromJwt = created(await world.importJson({ credential: jwt.body }));
        assert.equal(fromJwt.format, 'ob3-jwt');
        assert.equal(fromJwt.credentialJwt, jwt.body);
        assert.equal(fromJwt.credential.id, jwtAward.credential.id);
        assert.deepEqual(fromJwt.downloads, ['json', 'jwt']);
        // Baked PNG: an achievement with a PNG image.
        const { buildPng } = await import('../images/image-test-factories.js');
        const pngAchievement = await world.test.app.inject({
          method: 'PUT',
          url: `/api/v1/organisations/${world.organisationId}/achievements/${world.achievementId}/image`,
          headers: { ...world.issuer, 'content-type': 'image/png' },
          payload: Buffer.from(buildPng()),
        });
        assert.equal(pngAchievement.statusCode, 200, pngAchievement.body);
        const pngAward = await world.issue();
        const png = await world.get(world.path(pngAward.award.links.bakedImage));
        assert.equal(png.headers['content-type'], 'image/png');
        const fromPng = created(await world.importBytes(png.rawPayload, 'image/png'));
        assert.deepEqual([fromPng.format, fromPng.status], ['png', 'valid']);
        assert.deepEqual(fromPng.downloads, ['original', 'json']);
        // Baked SVG: the default image of a new achievement.
        const svgAchievement = await world.test.app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${world.organisationId}/achievements`,
          headers: world.issuer,
          payload: {
            name: { ja: 'データ活用', en: 'Using data' },
            description: { ja: 'データを活用できる。', en: 'Can use data.' },
            criteria: { narrative: { ja: '課題を提出する。', en: 'Hand in the work.' } },
          },
        });
        assert.equal(svgAchievement.statusCode, 201, svgAchievement.body);
        const svgAward = await world.issue(undefined, svgAchievement.json<{ id: string }>().id);
        const svg = await world.get(world.path(svgAward.award.links.bakedImage));
        assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
        const fromSvg = created(await world.importBytes(svg.rawPayload, 'image/svg+xml'));
        assert.deepEqual(
          [fromSvg.format, fromSvg.status, fromSvg.name],
          ['svg', 'valid', 'データ活用'],
        );
        // OB 2.0 hosted assertion URL, and the OB 2.0 signed assertion.
        const hosted = await world.issue();
        const fromUrl = created(await world.importJson({ url: hosted.award.links.ob2Assertion }));
        assert.deepEqual([fromUrl.format, fromUrl.obVersion, fromUrl.status], ['url', 2, 'valid']);
        assert.equal(fromUrl.sourceUrl, hosted.award.links.ob2Assertion);
        assert.equal(fromUrl.name, '情報リテラシー');
        const signed = await world.issue();
        const jws = await world.get(`/badges/${signed.award.id}/assertion.jws`);
        const fromJws = created(await world.importJson({ credential: jws.body }));
        assert.deepEqual(
          [fromJws.format, fromJws.obVersion, fromJws.status],
          ['ob2-jws', 2, 'valid'],
        );
        assert.equal(fromJws.credentialJwt, jws.body.trim());
        assert.equal(await countRows(world, world.learner.userId), 6);
      } finally {
        await world.close();
      }
    },
  );

  forEachDatabase(
    'imports the validator fixtures served from loopback, and a sealed PDF',
    async (db) => {
      const world = await buildWalletWorld(db);
      try {
        const read = (file: string) => readFileSync(`${OB20_FIXTURES}${file}`);
        const hostedJson = (file: string) => {
          const text = read(file).toString('utf8');
          const id = (JSON.parse(text) as { id: string }).id;
          world.exampleOrg.serve(new URL(id).pathname, text);
          return id;
        };
        const basic = created(await world.importJson({ url: hostedJson('basic-assertion.json') }));
        assert.deepEqual(
          [basic.format, basic.status, basic.name, basic.issuerName],
          ['url', 'valid', 'Awesome Robotics Badge', 'An Example Badge Issuer'],
        );
        // The fixtures share assertion ids: each goes to a wallet of its own (else they merge).
        const jws = created(
          await world.importJson(
            { credential: read('simple-not-revoked.jwt').toString() },
            (await world.newLearner()).headers,
          ),
        );
        assert.deepEqual([jws.format, jws.status], ['ob2-jws', 'valid']);
        // Genuine but revoked or expired: kept, with that status.
        const revoked = created(
          await world.importJson({ credential: read('simple-revoked.jwt').toString() }),
        );
        assert.equal(revoked.status, 'revoked');
        const expired = created(
          await world.importJson(
            { url: hostedJson('basic-assertion-expired.json') },
            (await world.newLearner()).headers,
          ),
        );
        assert.deepEqual([expired.status, expired.verdict], ['expired', 'expired']);
        // The baked PNG names the same hosted assertion: served as its issuer hosts it again.
        hostedJson('basic-assertion.json');
        const baked = created(
          await world.importBytes(
            read('simple-badge.png'),
            'image/png',
            '',
            (await world.newLearner()).headers,
          ),
        );
        assert.deepEqual([baked.format, baked.status], ['png', 'valid']);
        // OB 3.0 fixtures: their key is not confirmed by their issuer offline, so not verified.
        const ob3 = readFileSync(`${OB30_FIXTURES}simple.json`, 'utf8');
        const refused = errorOf(await world.importJson({ credential: ob3 }), 422);
        assert.equal(refused.code, 'ERR_WALLET_IMPORT_UNVERIFIED');
        assert.equal(refused.details?.verdict, 'issuer-unreachable');
        const kept = created(await world.importJson({ credential: ob3, keepUnverified: true }));
        assert.deepEqual([kept.status, kept.verdict], ['unverified', 'issuer-unreachable']);

        // A certificate PDF rendered from an issued credential, with its OB 2.0 assertion too.
        const award = await world.issue();
        const assertion = await world.get(world.path(award.award.links.ob2Assertion));
        const pdf = await renderCertificate({
          data: {
            credential: new TextEncoder().encode(JSON.stringify(award.credential)),
            assertion: new TextEncoder().encode(assertion.body),
            recipient: { name: '山田花子' },
            verificationUrl: `https://badges.example.ac.jp/badges/${award.award.id}`,
          },
          now: new Date('2025-04-01T00:00:00Z'),
        });
        const fromPdf = created(await world.importBytes(pdf, 'application/pdf'));
        assert.deepEqual([fromPdf.format, fromPdf.obVersion, fromPdf.status], ['pdf', 3, 'valid']);
        assert.equal(fromPdf.credential.id, award.credential.id);
        const original = await world.test.app.inject({
          url: `/api/v1/wallet/credentials/${fromPdf.id}/download?format=original`,
          headers: world.learner.headers,
        });
        assert.equal(original.headers['content-type'], 'application/pdf');
        assert.deepEqual(new Uint8Array(original.rawPayload), pdf);
      } finally {
        await world.close();
      }
    },
  );

  forEachDatabase('refuses unreadable, bad and too large input, storing nothing', async (db) => {
    const world = await buildWalletWorld(db);
    try {
      const before = await countRows(world, world.learner.userId);
      assert.equal(
        errorOf(await world.importJson({ credential: 'not a badge' }), 422).code,
        'ERR_WALLET_IMPORT_UNREADABLE',
      );
      assert.equal(
        errorOf(
          await world.importBytes(new TextEncoder().encode('%PDF-1.7 junk'), 'application/pdf'),
          422,
        ).code,
        'ERR_WALLET_IMPORT_UNREADABLE',
      );
      const plain = await world.importBytes(
        (await import('../images/image-test-factories.js')).buildPng(),
        'image/png',
      );
      assert.equal(errorOf(plain, 422).code, 'ERR_WALLET_IMPORT_UNREADABLE');
      const missing = errorOf(await world.importJson({}), 400);
      assert.equal(missing.code, 'ERR_WALLET_IMPORT_INPUT_MISSING');
      const both = errorOf(
        await world.importJson({ url: 'https://example.org/a', credential: '{}' }),
        400,
      );
      assert.equal(both.code, 'ERR_WALLET_IMPORT_INPUT_AMBIGUOUS');
      assert.deepEqual(
        both.fields?.map((field) => field.path),
        ['/url', '/credential'],
      );
      const large = errorOf(
        await world.importBytes(new Uint8Array(5 * 1024 * 1024 + 1), 'image/png'),
        413,
      );
      assert.equal(large.code, 'ERR_WALLET_IMPORT_TOO_LARGE');
      // A tampered badge: refused with its report, or kept as unverified when asked.
      const award = await world.issue();
      const tampered = structuredClone(award.credential);
      (tampered.credentialSubject as { achievement: { name: string } }).achievement.name = '偽物';
      const refused = errorOf(await world.importJson({ credential: tampered }), 422);
      assert.equal(refused.code, 'ERR_WALLET_IMPORT_UNVERIFIED');
      assert.equal(refused.details?.verdict, 'tampered');
      const { report } = refused.details as { report: { checks: unknown } };
      assert.ok(Array.isArray(report.checks));
      assert.equal(await countRows(world, world.learner.userId), before);
      const kept = created(await world.importJson({ credential: tampered, keepUnverified: true }));
      assert.deepEqual([kept.status, kept.verdict], ['unverified', 'tampered']);
      assert.match(kept.explanation?.en ?? '', /altered/);
    } finally {
      await world.close();
    }
  });

  forEachDatabase(
    'merges duplicates: the newer validFrom wins, concurrent imports make one row',
    async (db) => {
      const world = await buildWalletWorld(db);
      try {
        const foreign = createForeignIssuer();
        const id = 'urn:uuid:7d0d6f0e-3c0e-4c1e-9d6e-8b0f6f2d1a11';
        const older = await foreign.sign({ id, validFrom: '2025-04-01T00:00:00Z' });
        const newer = await foreign.sign({
          id,
          validFrom: '2025-10-01T00:00:00Z',
          name: 'Renewed',
        });
        const first = created(await world.importJson({ credential: newer }));
        const again = await world.importJson({ credential: older });
        assert.equal(again.statusCode, 200, again.body);
        const merged = again.json<Imported>();
        assert.deepEqual([merged.merged, merged.kept, merged.item.id], [true, 'stored', first.id]);
        assert.equal(merged.item.validFrom, '2025-10-01T00:00:00.000Z');

        const fresh = await world.newLearner();
        created(await world.importJson({ credential: older }, fresh.headers));
        const replaced = (
          await world.importJson({ credential: newer }, fresh.headers)
        ).json<Imported>();
        assert.deepEqual([replaced.merged, replaced.kept], [true, 'new']);
        assert.equal(replaced.item.credential.name, 'Renewed');
        // An unverified copy never replaces a genuine one, however new it says it is.
        const forged = { ...newer, validFrom: '2026-01-01T00:00:00Z' };
        const notReplaced = (
          await world.importJson({ credential: forged, keepUnverified: true }, fresh.headers)
        ).json<Imported>();
        assert.deepEqual([notReplaced.kept, notReplaced.item.status], ['stored', 'valid']);

        const racer = await world.newLearner();
        const racing = await foreign.sign();
        const answers = await Promise.all(
          [1, 2, 3].map(() => world.importJson({ credential: racing }, racer.headers)),
        );
        assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [200, 200, 201]);
        assert.equal(await countRows(world, racer.userId), 1);
        assert.equal(await countRows(world, world.learner.userId), 1);
      } finally {
        await world.close();
      }
    },
  );
});
