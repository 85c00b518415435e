/**
 * The 1EdTech Revocation List and `credentialSchema` checks against documents served from a
 * loopback server that plays the issuer's host.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createVerifier, type Verifier } from './create-verifier.js';
import {
  CLOSED_ORIGIN,
  makeExtendedBadge,
  startLoopbackHost,
  type LoopbackHost,
} from './loopback-host.fixture.js';
import type { VerificationReport } from './verification-report.js';

type Json = Record<string, unknown>;

const now = () => new Date('2026-11-21T00:00:00Z');
const check = (report: VerificationReport, name: string) =>
  report.checks.find((c) => c.name === name);

const officialSchema = JSON.parse(
  readFileSync(
    new URL(
      '../../../../../shared/fixtures/schemas/ob3/achievementcredential.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as Json;

describe('1EdTechRevocationList status (deprecated, still in the wild)', () => {
  let host: LoopbackHost;
  let verifier: Verifier;
  before(async () => {
    host = await startLoopbackHost();
    verifier = createVerifier({ now, cacheTtlMs: 0, fetchDocument: host.fetchDocument });
  });
  after(() => host.close());

  const issueWithList = (listUrl: string) =>
    host.sign(
      makeExtendedBadge(host.did, {
        credentialStatus: { id: listUrl, type: '1EdTechRevocationList' },
      }),
    );

  test('revoked when the list names the credential, unless revoked is false', async () => {
    const listUrl = `${host.origin}/revocations/1`;
    const credential = await issueWithList(listUrl);
    host.serveJson('/revocations/1', { id: listUrl, revokedCredential: [{ id: 'urn:uuid:x' }] });
    const fine = await verifier.verifyCredential(credential);
    assert.equal(fine.status, 'valid', JSON.stringify(fine.checks));
    assert.equal(check(fine, 'status')?.code, 'STATUS_OK');

    host.serveJson('/revocations/1', {
      id: listUrl,
      revokedCredential: [{ id: credential.id, revoked: true, reason: 'misconduct' }],
    });
    const revoked = await verifier.verifyCredential(credential);
    assert.equal(revoked.status, 'revoked');
    assert.equal(check(revoked, 'status')?.code, 'STATUS_REVOKED');
    assert.deepEqual(check(revoked, 'status')?.details, { revocationList: listUrl });

    host.serveJson('/revocations/1', {
      revokedCredential: [{ id: credential.id, revoked: false }],
    });
    assert.equal((await verifier.verifyCredential(credential)).status, 'valid');

    // An entry without `revoked`, under the validator's spelling of the array.
    host.serveJson('/revocations/1', { revokedCredentials: [{ id: credential.id }] });
    assert.equal((await verifier.verifyCredential(credential)).status, 'revoked');
  });

  test('a list that cannot be fetched leaves the status unknown, never revoked', async () => {
    for (const listUrl of [`${host.origin}/revocations/missing`, `${CLOSED_ORIGIN}/revocations`]) {
      const report = await verifier.verifyCredential(await issueWithList(listUrl));
      assert.equal(report.status, 'indeterminate', listUrl);
      assert.equal(check(report, 'status')?.outcome, 'error');
      assert.equal(check(report, 'status')?.code, 'ERR_STATUS_UNREACHABLE');
    }
  });

  test('the type needs the extensions context (P1)', async () => {
    const credential = await issueWithList(`${host.origin}/revocations/1`);
    const withoutExtensions = {
      ...credential,
      '@context': (credential['@context'] as string[]).slice(0, 2),
    };
    const report = await verifier.verifyCredential(withoutExtensions);
    assert.equal(report.status, 'invalid');
    assert.equal(check(report, 'context')?.code, 'ERR_CONTEXT_EXTENSIONS_MISSING');
    assert.equal(check(report, 'jsonld')?.outcome, 'failed');
  });

  test('the older fetchJson option reaches the list too', async () => {
    const listUrl = `${host.origin}/revocations/2`;
    const credential = await issueWithList(listUrl);
    host.serveJson('/revocations/2', { revokedCredential: [{ id: credential.id }] });
    const withFetchJson = createVerifier({
      now,
      fetchJson: async (url) => {
        const document = await host.fetchDocument(url);
        if (document.status !== 200) throw new Error(`HTTP ${document.status}`);
        return JSON.parse(Buffer.from(document.body).toString('utf8')) as unknown;
      },
    });
    assert.equal((await withFetchJson.verifyCredential(credential)).status, 'revoked');
    assert.throws(
      () =>
        createVerifier({ fetchJson: () => Promise.resolve({}), fetchDocument: host.fetchDocument }),
      TypeError,
    );
  });
});

describe('credentialSchema of type 1EdTechJsonSchemaValidator2019', () => {
  let host: LoopbackHost;
  let verifier: Verifier;
  before(async () => {
    host = await startLoopbackHost();
    host.serveJson('/schemas/achievementcredential.json', officialSchema);
    verifier = createVerifier({ now, fetchDocument: host.fetchDocument });
  });
  after(() => host.close());

  const issueWithSchemas = (...urls: string[]) =>
    host.sign(
      makeExtendedBadge(host.did, {
        credentialSchema: urls.map((id) => ({ id, type: '1EdTechJsonSchemaValidator2019' })),
      }),
    );

  test('the official AchievementCredential schema, fetched once and cached, passes', async () => {
    const url = `${host.origin}/schemas/achievementcredential.json`;
    const credential = await issueWithSchemas(url);
    const report = await verifier.verifyCredential(credential);
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    assert.equal(check(report, 'schema')?.code, 'SCHEMA_OK_WITH_CREDENTIAL_SCHEMA');
    // A single proof object (as jsonld-signatures writes it) is a one-element set (P8).
    const compacted = { ...credential, proof: (credential.proof as Json[])[0] };
    assert.equal((await verifier.verifyCredential(compacted)).status, 'valid');
    assert.equal(
      host.requests.filter((path) => path === '/schemas/achievementcredential.json').length,
      1,
    );
  });

  test('a credential that does not match its schema fails, listing every bad path', async () => {
    host.serveJson('/schemas/strict.json', {
      $schema: 'https://json-schema.org/draft/2019-09/schema',
      type: 'object',
      required: ['awardedDate'],
      properties: { name: { type: 'string', maxLength: 3 } },
    });
    const report = await verifier.verifyCredential(
      await issueWithSchemas(`${host.origin}/schemas/strict.json`),
    );
    assert.equal(report.status, 'invalid');
    const schema = check(report, 'schema');
    assert.equal(schema?.code, 'ERR_CREDENTIAL_SCHEMA_MISMATCH');
    const errors = (schema.details?.errors ?? []) as { path: string }[];
    assert.deepEqual(errors.map((e) => e.path).sort(), ['/awardedDate', '/name']);
  });

  test('a schema that does not exist fails; one that cannot be fetched is an error', async () => {
    const missing = await verifier.verifyCredential(
      await issueWithSchemas(`${host.origin}/schemas/gone.json`),
    );
    assert.equal(missing.status, 'invalid');
    assert.equal(check(missing, 'schema')?.code, 'ERR_CREDENTIAL_SCHEMA_NOT_FOUND');

    host.serveStatus('/schemas/busy.json', 503);
    for (const url of [`${host.origin}/schemas/busy.json`, `${CLOSED_ORIGIN}/schema.json`]) {
      const unreachable = await verifier.verifyCredential(await issueWithSchemas(url));
      assert.equal(unreachable.status, 'indeterminate', url);
      assert.equal(check(unreachable, 'schema')?.outcome, 'error');
      assert.equal(check(unreachable, 'schema')?.code, 'ERR_CREDENTIAL_SCHEMA_UNREACHABLE');
    }
  });

  test('a document that is not a usable JSON Schema fails', async () => {
    host.serveJson('/schemas/broken.json', { type: 12 });
    // An $async schema answers with a promise, which must not read as "valid".
    host.serveJson('/schemas/async.json', { $async: true, required: ['nowhere'] });
    for (const name of ['broken', 'async']) {
      const report = await verifier.verifyCredential(
        await issueWithSchemas(`${host.origin}/schemas/${name}.json`),
      );
      assert.equal(report.status, 'invalid', name);
      assert.equal(check(report, 'schema')?.code, 'ERR_CREDENTIAL_SCHEMA_UNUSABLE', name);
    }
  });

  test('remote $refs are followed through the same fetcher', async () => {
    host.serveJson('/schemas/name.json', {
      $id: `${host.origin}/schemas/name.json`,
      type: 'string',
      minLength: 1,
    });
    host.serveJson('/schemas/with-ref.json', {
      $schema: 'https://json-schema.org/draft/2019-09/schema',
      type: 'object',
      required: ['name'],
      properties: { name: { $ref: `${host.origin}/schemas/name.json` } },
    });
    const report = await verifier.verifyCredential(
      await issueWithSchemas(`${host.origin}/schemas/with-ref.json`),
    );
    assert.equal(report.status, 'valid', JSON.stringify(check(report, 'schema')));
    assert.ok(host.requests.includes('/schemas/name.json'));
  });

  test('every listed schema is reported; a shape failure speaks first', async () => {
    const credential = await issueWithSchemas(
      `${host.origin}/schemas/achievementcredential.json`,
      `${host.origin}/schemas/gone.json`,
    );
    const report = await verifier.verifyCredential(credential);
    const listed = check(report, 'schema')?.details?.credentialSchema as { code: string }[];
    assert.deepEqual(
      listed.map((entry) => entry.code),
      ['CREDENTIAL_SCHEMA_OK', 'ERR_CREDENTIAL_SCHEMA_NOT_FOUND'],
    );
    const { issuer: _issuer, ...withoutIssuer } = credential;
    const shapeless = await verifier.verifyCredential(withoutIssuer);
    assert.equal(check(shapeless, 'schema')?.code, 'ERR_SCHEMA_INVALID');
  });
});
