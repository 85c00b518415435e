/**
 * Tests of `GET /status/:listId` on SQLite and PostgreSQL: the signed credential, its cache per
 * version, ETag / If-None-Match, negotiation, 404, and the real issuer-profile signer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkStatusEntry,
  createCanonizer,
  unsecuredDocumentOf,
  verifyEddsaRdfc2022Proof,
} from '@akashi/core';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { allocateStatusEntries } from './allocate-status-entries.js';
import { setStatusBit } from './status-bits.js';
import { buildStatusEntryObject, type AllocatedStatusEntry } from './status-entry.js';
import {
  STATUS_LIST_CLOCK_SKEW_MS,
  STATUS_LIST_RESIGN_AFTER_MS,
  STATUS_LIST_VALIDITY_MS,
} from './status-list-publisher.js';
import {
  createStatusListRoutes,
  matchesIfNoneMatch,
  registerStatusListRoutes,
} from './status-list-routes.js';
import { loadIssuerSigning } from '../issuers/issuer-signing.js';
import { createTestStatusListSigner } from './status-list-test-signer.js';
import { insertStatusTestProfile } from './status-list-test-factories.js';

type JsonObject = Record<string, unknown>;
const PUBLIC_URL = 'https://badges.example.ac.jp';

const setUp = async (db: Database, purpose: 'revocation' | 'suspension' = 'revocation') => {
  const signer = createTestStatusListSigner();
  const { profile } = await insertStatusTestProfile(db);
  let now = new Date('2026-04-01T09:00:00.000Z');
  const { app, close } = buildTestApp({
    db,
    clock: () => now,
    routes: [{ prefix: '', routes: createStatusListRoutes({ loadSigner: () => signer.load }) }],
  });
  const [entry] = await allocateStatusEntries(db, {
    publicUrl: PUBLIC_URL,
    issuerProfileId: profile.id,
    purpose,
    count: 1,
  });
  assert.ok(entry);
  const get = (headers: Record<string, string> = {}, listId = entry.listId) =>
    app.inject({ method: 'GET', url: `/status/${listId}`, headers });
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return { app, close, signer, entry, get, advance, profile };
};

const statusOf = (entry: AllocatedStatusEntry, list: unknown) => {
  const result = checkStatusEntry(buildStatusEntryObject(entry), list);
  assert.ok(result.ok, JSON.stringify(result));
  return result.set;
};

describe('GET /status/:listId', () => {
  forEachDatabase('serves the signed list credential, cached per version', async (db) => {
    const { close, signer, entry, get, advance, profile } = await setUp(db);
    try {
      const first = await get();
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.headers['content-type'], 'application/vc+ld+json; charset=utf-8');
      assert.equal(first.headers['cache-control'], 'public, max-age=5');
      assert.equal(first.headers['access-control-allow-origin'], '*');
      const etag = first.headers.etag;
      assert.ok(typeof etag === 'string' && /^"[A-Za-z0-9_-]{32}"$/.test(etag), String(etag));

      const list = first.json<JsonObject>();
      assert.deepEqual(list['@context'], ['https://www.w3.org/ns/credentials/v2']);
      assert.equal(list.id, entry.listUrl);
      assert.equal(entry.listUrl, `${PUBLIC_URL}/status/${entry.listId}`);
      assert.deepEqual(list.type, ['VerifiableCredential', 'BitstringStatusListCredential']);
      assert.equal(list.issuer, signer.did);
      assert.equal(
        list.validFrom,
        new Date(Date.parse('2026-04-01T09:00:00Z') - STATUS_LIST_CLOCK_SKEW_MS)
          .toISOString()
          .replace('.000Z', 'Z'),
      );
      assert.equal(
        list.validUntil,
        new Date(Date.parse('2026-04-01T09:00:00Z') + STATUS_LIST_VALIDITY_MS)
          .toISOString()
          .replace('.000Z', 'Z'),
      );
      const subject = list.credentialSubject as JsonObject;
      assert.equal(subject.type, 'BitstringStatusList');
      assert.equal(subject.statusPurpose, 'revocation');
      assert.equal(subject.id, `${entry.listUrl}#list`);
      const [proof] = list.proof as JsonObject[];
      assert.ok(proof);
      assert.equal(proof.cryptosuite, 'eddsa-rdfc-2022');
      assert.equal(proof.verificationMethod, signer.verificationMethod);
      assert.equal(proof.created, '2026-04-01T09:00:00Z');
      const verified = await verifyEddsaRdfc2022Proof(
        unsecuredDocumentOf(list),
        proof,
        signer.key.publicKey,
        createCanonizer(),
      );
      assert.deepEqual(verified, { ok: true });
      assert.equal(statusOf(entry, list), false);
      assert.deepEqual(signer.calls, [profile.id]);

      // Unchanged: the same bytes, not signed again.
      advance(60_000);
      const again = await get();
      assert.equal(again.body, first.body);
      assert.equal(again.headers.etag, etag);
      assert.equal(signer.calls.length, 1);

      // Conditional requests.
      const notModified = await get({ 'if-none-match': etag });
      assert.equal(notModified.statusCode, 304);
      assert.equal(notModified.body, '');
      assert.equal(notModified.headers.etag, etag);
      assert.equal(notModified.headers['cache-control'], 'public, max-age=5');
      assert.equal((await get({ 'if-none-match': `"other", W/${etag}` })).statusCode, 304);
      assert.equal((await get({ 'if-none-match': '"other"' })).statusCode, 200);

      // A bit changes: a new version, signed again; the old ETag no longer matches.
      assert.deepEqual(
        await setStatusBit(db, { listId: entry.listId, index: entry.index, value: true }),
        { changed: true },
      );
      const changed = await get({ 'if-none-match': etag });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers.etag, etag);
      assert.equal(statusOf(entry, changed.json()), true);
      assert.equal(signer.calls.length, 2);
      assert.equal((await get({ 'if-none-match': String(changed.headers.etag) })).statusCode, 304);

      // A day later it is signed again even without a change (validUntil keeps its margin).
      advance(STATUS_LIST_RESIGN_AFTER_MS);
      const resigned = await get();
      assert.notEqual(resigned.headers.etag, changed.headers.etag);
      assert.equal(signer.calls.length, 3);
      assert.equal(statusOf(entry, resigned.json()), true);
    } finally {
      await close();
    }
  });

  forEachDatabase(
    'signs a new version once for concurrent fetches; suspension lists',
    async (db) => {
      const { close, signer, entry, get } = await setUp(db, 'suspension');
      try {
        await setStatusBit(db, { listId: entry.listId, index: entry.index, value: true });
        const responses = await Promise.all(Array.from({ length: 8 }, () => get()));
        assert.ok(responses.every((response) => response.statusCode === 200));
        assert.equal(new Set(responses.map((response) => response.body)).size, 1);
        assert.equal(signer.calls.length, 1);
        const list = responses[0]?.json<JsonObject>();
        assert.equal((list?.credentialSubject as JsonObject).statusPurpose, 'suspension');
        assert.equal(statusOf(entry, list), true);
        await setStatusBit(db, { listId: entry.listId, index: entry.index, value: false });
        assert.equal(statusOf(entry, (await get()).json()), false);
      } finally {
        await close();
      }
    },
  );

  forEachDatabase('negotiates the JSON type; unknown lists are 404', async (db) => {
    const { close, get } = await setUp(db);
    try {
      const json = await get({ accept: 'application/json' });
      assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
      const ld = await get({ accept: 'application/ld+json, */*;q=0.1' });
      assert.equal(ld.headers['content-type'], 'application/ld+json; charset=utf-8');
      const missing = await get({}, 'no-such-list');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json<ErrorEnvelope>().error.code, 'ERR_STATUS_LIST_NOT_FOUND');
      assert.equal(missing.headers['access-control-allow-origin'], '*');
    } finally {
      await close();
    }
  });

  forEachDatabase('signs with the issuer profile itself (loadIssuerSigning)', async (db) => {
    const { profile, context, masterKey } = await insertStatusTestProfile(db);
    const { app, close } = buildTestApp({
      db,
      masterKey,
      routes: [{ prefix: '', routes: registerStatusListRoutes }],
    });
    try {
      const [entry] = await allocateStatusEntries(db, {
        publicUrl: context.config.publicUrl,
        issuerProfileId: profile.id,
        purpose: 'revocation',
        count: 1,
      });
      assert.ok(entry);
      const response = await app.inject({ method: 'GET', url: `/status/${entry.listId}` });
      assert.equal(response.statusCode, 200, response.body);
      const list = response.json<JsonObject>();
      const signing = await loadIssuerSigning(context, profile.id);
      assert.equal(list.issuer, profile.identifier);
      const [proof] = list.proof as JsonObject[];
      assert.ok(proof);
      assert.equal(proof.verificationMethod, signing.verificationMethod);
      const verified = await verifyEddsaRdfc2022Proof(
        unsecuredDocumentOf(list),
        proof,
        signing.ed25519.signingKey().publicKey,
        createCanonizer(),
      );
      assert.deepEqual(verified, { ok: true });
      assert.equal(statusOf(entry, list), false);
    } finally {
      await close();
    }
  });

  it('compares If-None-Match like RFC 9110 (weak comparison, lists, *)', () => {
    assert.equal(matchesIfNoneMatch(undefined, '"a"'), false);
    assert.equal(matchesIfNoneMatch('"a"', '"a"'), true);
    assert.equal(matchesIfNoneMatch('W/"a"', '"a"'), true);
    assert.equal(matchesIfNoneMatch('"b", "a"', '"a"'), true);
    assert.equal(matchesIfNoneMatch('*', '"a"'), true);
    assert.equal(matchesIfNoneMatch('"b"', '"a"'), false);
    assert.equal(matchesIfNoneMatch('a', '"a"'), false);
  });
});
