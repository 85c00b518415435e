import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { bakeCredential } from '../bake/index.js';
import { issueCredential } from '../issue/index.js';
import { didKeyFor, generateSigningKey } from '../keys/index.js';
import { startExampleOrgServer, type ExampleOrgServer } from '../ob2/start-example-org-server.js';
import { createBadgeVerifier, verify } from './create-badge-verifier.js';

const fixtures = new URL('../../../../../shared/fixtures/validator/', import.meta.url);
const readBytes = (path: string) => new Uint8Array(readFileSync(new URL(path, fixtures)));
const readText = (path: string) => readFileSync(new URL(path, fixtures), 'utf8');
const now = () => new Date('2026-11-21T00:00:00Z');

const makeCredential = (issuer: string) => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:2b7c0a2e-3f7e-4f0a-9a55-5d1d7c1f0001',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'], name: '証大学' },
  validFrom: '2026-04-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:learner',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://example.ac.jp/a/1',
      type: ['Achievement'],
      name: '基礎',
      description: 'd',
      criteria: { narrative: 'n' },
    },
  },
});

describe('verify(): one entry point for every generation and container', () => {
  let server: ExampleOrgServer;
  let verifier: ReturnType<typeof createBadgeVerifier>;
  const key = generateSigningKey('ed25519');
  const did = didKeyFor(key);

  before(async () => {
    server = await startExampleOrgServer(fileURLToPath(new URL('ob20/assets/', fixtures)));
    verifier = createBadgeVerifier({ fetchDocument: server.fetchDocument, now });
  });
  after(() => server.close());

  test('OB 3.0 as an object, JSON text, VC-JWT and baked PNG', async () => {
    const { credential } = await issueCredential(makeCredential(did), { key });
    const jwt = await issueCredential(makeCredential(did), { key, format: 'jwt' });
    if (jwt.format !== 'jwt') throw new Error('expected a JWT');
    const png = bakeCredential(
      readBytes('ob20/assets/robotics-badge.png'),
      JSON.stringify(credential),
    ).image;
    for (const input of [credential, JSON.stringify(credential), jwt.jwt, png]) {
      const report = await verifier.verify(input);
      assert.equal(report.generation, 'ob3');
      assert.equal(
        report.status,
        'valid',
        JSON.stringify(report.checks.filter((c) => c.outcome !== 'passed')),
      );
    }
  });

  test('OB 2.0 signed JWS and a hosted assertion served at its URL', async () => {
    const signed = await verifier.verify(readText('ob20/simple.jwt'));
    assert.equal(signed.generation, 'ob2');
    assert.equal(
      signed.status,
      'valid',
      JSON.stringify(signed.checks.filter((c) => c.outcome !== 'passed')),
    );
    const revoked = await verifier.verify(readText('ob20/simple-revoked.jwt'));
    assert.equal(revoked.generation, 'ob2');
    assert.equal(revoked.status, 'revoked');
    const hosted = JSON.parse(readText('ob20/basic-assertion.json')) as { id: string };
    server.serve(new URL(hosted.id).pathname, JSON.stringify(hosted));
    const byUrl = await verifier.verify(hosted.id);
    assert.equal(byUrl.generation, 'ob2');
    assert.equal(
      byUrl.status,
      'valid',
      JSON.stringify(byUrl.checks.filter((c) => c.outcome !== 'passed')),
    );
    server.serve(new URL(hosted.id).pathname, { status: 410, body: '{}' });
    assert.equal((await verifier.verify(hosted.id)).status, 'revoked');
    server.reset();
  });

  test('an OB 3.0 credential published at a URL', async () => {
    const { credential } = await issueCredential(makeCredential(did), { key });
    server.serve('/ob3-credential.json', JSON.stringify(credential));
    const report = await verifier.verify('https://example.org/ob3-credential.json');
    assert.equal(report.generation, 'ob3');
    assert.equal(report.status, 'valid');
    const missing = await verifier.verify('https://example.org/nothing-here.json');
    assert.equal(missing.status, 'unreadable');
    assert.equal(missing.checks[0]?.code, 'ERR_PARSE_NOT_FOUND');
    server.unreachable('https://example.org');
    const down = await verifier.verify('https://example.org/ob3-credential.json');
    assert.equal(down.status, 'indeterminate');
    assert.equal(down.checks[0]?.code, 'ERR_PARSE_UNREACHABLE');
    server.reset();
  });

  test('the default verify() never reaches the network and never throws', async () => {
    const url = await verify('https://example.org/anything.json');
    assert.equal(url.status, 'indeterminate');
    for (const input of [
      '',
      'garbage',
      '{"@context":"https://w3id.org/openbadges/v2"}',
      new Uint8Array([0, 1, 2]),
      {},
    ]) {
      const report = await verify(input);
      assert.equal(report.valid, false);
    }
  });
});
