import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { didWebToUrl, MULTIKEY_V1_URL, OB_V2_CONTEXT_URL, validateOb2Model } from '@akashi/core';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { testActor } from '../keys/key-test-factories.js';
import type { IssuerProfile } from './issuer-profile.js';
import { registerPublicIssuerRoutes } from './public-issuer-routes.js';
import { createTestContext, insertTestIssuerProfile } from './issuer-test-factories.js';
import { rotateIssuerKeys } from './rotate-issuer-keys.js';

const BASE = 'https://badges.example.ac.jp';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

type Json = Record<string, unknown>;

/** An app with the public routes and a profile (rotated once) made with the same master key. */
const setUp = async (
  db: Database,
  overrides: Parameters<typeof insertTestIssuerProfile>[2] = {},
) => {
  const { context, masterKey } = createTestContext(db);
  const org = await insertTestOrganisation(db, { legalName: '国立<証>大学' });
  const profile: IssuerProfile = await insertTestIssuerProfile(context, org, {
    description: { ja: '説明 <script>alert(1)</script>', en: 'About us' },
    ...overrides,
  });
  await rotateIssuerKeys(context, org, profile.id, ['ed25519', 'rsa'], {
    actor: testActor(),
    now: new Date(),
  });
  const keys = await context.keys.listPublicKeys({ type: 'issuer-profile', id: profile.id });
  const test = buildTestApp({
    db,
    masterKey,
    routes: [{ prefix: '', routes: registerPublicIssuerRoutes }],
  });
  return { ...test, context, org, profile, keys };
};

describe('public issuer documents', () => {
  forEachDatabase(
    'the OB 2.0 Profile and CryptographicKeys validate strictly and list every RSA key',
    async (db) => {
      const { app, close, profile, keys } = await setUp(db);
      try {
        const url = `${BASE}/issuers/${profile.id}`;
        for (const accept of [
          'application/json',
          'application/ld+json',
          'application/vc+ld+json',
          undefined,
        ]) {
          const response = await app.inject({
            url: `/issuers/${profile.id}`,
            headers: accept === undefined ? {} : { accept },
          });
          assert.equal(response.statusCode, 200, response.body);
          const type = String(response.headers['content-type']);
          assert.ok(type.startsWith(`${accept ?? 'application/ld+json'};`), type);
          assert.equal(response.headers['access-control-allow-origin'], '*');
        }
        const response = await app.inject({ url: `/issuers/${profile.id}` });
        const document = response.json<Json>();
        assert.deepEqual(validateOb2Model('strict', 'Profile', document), { ok: true });
        assert.equal(document['@context'], OB_V2_CONTEXT_URL);
        assert.equal(document.id, url);
        assert.equal(document.type, 'Issuer');
        assert.equal(document.name, '国立証大学');
        assert.equal(document.revocationList, `${url}/revocations`);
        const rsa = keys.filter((k) => k.algorithm === 'rsa');
        assert.equal(rsa.length, 2);
        assert.deepEqual(
          document.publicKey,
          rsa.map((k) => `${url}/keys/${k.kid}`),
        );
        for (const key of rsa) {
          const keyDocument = await app.inject({ url: `/issuers/${profile.id}/keys/${key.kid}` });
          assert.equal(keyDocument.statusCode, 200);
          const cryptographicKey = keyDocument.json<Json>();
          assert.deepEqual(validateOb2Model('strict', 'CryptographicKey', cryptographicKey), {
            ok: true,
          });
          assert.equal(cryptographicKey.type, 'CryptographicKey');
          assert.equal(cryptographicKey.owner, url);
          assert.equal(cryptographicKey.id, `${url}/keys/${key.kid}`);
          assert.equal(cryptographicKey.publicKeyPem, key.publicKeyPem);
        }
        const ed = keys.find((k) => k.algorithm === 'ed25519' && k.status === 'retired');
        const multikey = await app.inject({ url: `/issuers/${profile.id}/keys/${ed?.kid ?? ''}` });
        assert.deepEqual(multikey.json<Json>(), {
          '@context': [MULTIKEY_V1_URL],
          id: `${url}/keys/${ed?.kid ?? ''}`,
          type: 'Multikey',
          controller: url,
          publicKeyMultibase: ed?.publicKeyMultibase,
        });
      } finally {
        await close();
      }
    },
  );

  forEachDatabase('the did:web document lists every key; JWKS too', async (db) => {
    const { app, close, profile, keys } = await setUp(db);
    try {
      const did = `did:web:badges.example.ac.jp:issuers:${profile.id}`;
      assert.equal(profile.identifier, did);
      assert.equal(didWebToUrl(did), `${BASE}/issuers/${profile.id}/did.json`);
      const response = await app.inject({ url: `/issuers/${profile.id}/did.json` });
      assert.equal(response.statusCode, 200);
      const document = response.json<{
        '@context': string[];
        id: string;
        verificationMethod: { id: string; type: string; controller: string }[];
        assertionMethod: string[];
        authentication: string[];
      }>();
      assert.equal(document.id, did);
      assert.equal(document['@context'][0], 'https://www.w3.org/ns/did/v1');
      assert.deepEqual(
        document.verificationMethod.map((m) => [m.id, m.type, m.controller]),
        keys.map((k) => [
          `${did}#${k.kid}`,
          k.algorithm === 'ed25519' ? 'Multikey' : 'JsonWebKey',
          did,
        ]),
      );
      assert.equal(document.verificationMethod.length, 4, 'two of each, current and retired');
      assert.deepEqual(
        document.assertionMethod,
        keys.map((k) => `${did}#${k.kid}`),
      );
      const current = keys.find((k) => k.algorithm === 'ed25519' && k.status === 'current');
      assert.deepEqual(document.authentication, [`${did}#${current?.kid ?? ''}`]);

      const jwks = await app.inject({ url: `/issuers/${profile.id}/jwks.json` });
      assert.match(String(jwks.headers['content-type']), /^application\/json/);
      assert.deepEqual(
        jwks.json<{ keys: { kid: string }[] }>().keys.map((k) => k.kid),
        keys.map((k) => k.kid),
      );
      for (const key of jwks.json<{ keys: Json[] }>().keys) {
        assert.equal(key.d, undefined, 'no private member');
      }
    } finally {
      await close();
    }
  });

  forEachDatabase('browsers get HTML pages; everything is escaped', async (db) => {
    const { app, close, profile } = await setUp(db);
    try {
      const ja = await app.inject({
        url: `/issuers/${profile.id}`,
        headers: { accept: BROWSER, 'accept-language': 'ja,en;q=0.5' },
      });
      assert.equal(ja.statusCode, 200);
      assert.match(String(ja.headers['content-type']), /^text\/html/);
      assert.match(String(ja.headers['content-security-policy']), /default-src 'none'/);
      assert.match(ja.body, /<html lang="ja">/);
      assert.match(ja.body, /国立証大学/);
      assert.match(ja.body, /Akashi National University/);
      assert.match(ja.body, /国立&lt;証&gt;大学/);
      assert.match(ja.body, /プラットフォーム運営者が承認済み/);
      assert.match(ja.body, /&lt;script&gt;/);
      assert.doesNotMatch(ja.body, /<script>/);
      const en = await app.inject({
        url: `/issuers/${profile.id}`,
        headers: { accept: BROWSER, 'accept-language': 'en' },
      });
      assert.match(en.body, /<html lang="en">/);
      assert.match(en.body, /Approved by the platform operator/);
      assert.match(en.body, /About us/);
      const did = await app.inject({
        url: `/issuers/${profile.id}/did.json`,
        headers: { accept: BROWSER },
      });
      assert.match(String(did.headers['content-type']), /^text\/html/);
      assert.match(did.body, /<pre>/);
    } finally {
      await close();
    }
  });

  forEachDatabase('unknown issuers and keys are 404 envelopes; archived ones stay', async (db) => {
    const { app, close, profile, context, org } = await setUp(db);
    try {
      for (const url of [
        '/issuers/00000000-0000-4000-8000-000000000000',
        '/issuers/not-an-id/did.json',
        '/issuers/nobody/jwks.json',
        `/issuers/${profile.id}/keys/nope`,
      ]) {
        const response = await app.inject({ url, headers: { accept: BROWSER } });
        assert.equal(response.statusCode, 404, url);
        assert.match(
          response.json<ErrorEnvelope>().error.code,
          /^ERR_ISSUER_(KEY_)?NOT_FOUND$/,
          url,
        );
      }
      const department = await insertTestIssuerProfile(context, org, {
        departmentId: await db.kysely
          .insertInto('departments')
          .values({
            id: '11111111-1111-4111-8111-111111111111',
            organisation_id: org,
            name: '工学部',
            created_at: new Date().toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
          .then((row) => row.id),
      });
      await db.kysely
        .updateTable('issuer_profiles')
        .set({ archived_at: new Date().toISOString() })
        .where('id', '=', department.id)
        .execute();
      for (const path of ['', '/did.json', '/jwks.json']) {
        const response = await app.inject({ url: `/issuers/${department.id}${path}` });
        assert.equal(response.statusCode, 200, path);
      }
    } finally {
      await close();
    }
  });

  forEachDatabase(
    'an https issuer profile names its Ed25519 keys as assertion methods',
    async (db) => {
      const { app, close, profile, keys } = await setUp(db, { identifierMethod: 'https' });
      try {
        const url = `${BASE}/issuers/${profile.id}`;
        assert.equal(profile.identifier, url);
        const document = (await app.inject({ url: `/issuers/${profile.id}` })).json<Json>();
        assert.deepEqual(
          document.assertionMethod,
          keys.filter((k) => k.algorithm === 'ed25519').map((k) => `${url}/keys/${k.kid}`),
        );
        // The rest is the strict OB 2.0 Profile.
        const { assertionMethod: _, ...ob2 } = document;
        assert.deepEqual(validateOb2Model('strict', 'Profile', ob2), { ok: true });
      } finally {
        await close();
      }
    },
  );
});
