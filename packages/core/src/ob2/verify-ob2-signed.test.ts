import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CompactSign } from 'jose';
import { bakePng } from '../bake/bake-png.js';
import { bakeSvg } from '../bake/bake-svg.js';
import { extractBaked } from '../bake/extract-baked.js';
import { generateSigningKey } from '../keys/signing-key.js';
import { buildBadgeClass } from './build-badge-class.js';
import { buildOb2Profile } from './build-ob2-profile.js';
import { FIXTURES } from '../models/test-factories.js';
import {
  TEST_ISSUER,
  buildTestAssertion,
  publishTestIssuer,
  signTestAssertion,
} from './publish-test-issuer.js';
import { startExampleOrgServer, type ExampleOrgServer } from './start-example-org-server.js';
import type { Ob2VerificationReport } from './verify-ob2-options.js';
import { verifyOb2 } from './verify-ob2.js';

const ASSETS = fileURLToPath(new URL('validator/ob20/assets/', FIXTURES));
const NOW = new Date('2025-04-01T00:00:00Z');
const key = generateSigningKey('rsa');
const stranger = generateSigningKey('rsa');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>';

const check = (report: Ob2VerificationReport, name: string) =>
  report.checks.find((item) => item.name === name);

describe('verifyOb2: signed Akashi badges', () => {
  let server: ExampleOrgServer;
  const verify = (input: Parameters<typeof verifyOb2>[0], recipient?: string) =>
    verifyOb2(input, { fetchDocument: server.fetchDocument, now: NOW, recipient });
  before(async () => {
    server = await startExampleOrgServer(ASSETS);
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    publishTestIssuer(server, { key });
  });

  it('round-trips a signed badge baked into PNG and SVG: bake → extract → verify', async () => {
    const jws = await signTestAssertion(key);
    const png = bakePng(new Uint8Array(readFileSync(`${ASSETS}robotics-badge.png`)), jws, {
      generation: 'ob2',
    });
    const svg = new TextEncoder().encode(bakeSvg(SVG, jws, { generation: 'ob2' }));
    for (const image of [png, svg]) {
      assert.equal(extractBaked(image).payload, jws);
      const report = await verify(image, TEST_ISSUER.recipient);
      assert.equal(report.status, 'valid', JSON.stringify(report.checks));
      assert.equal(report.proofFormat, 'jwt');
      assert.equal(check(report, 'proof')?.code, 'OB2_SIGNED_OK');
      assert.equal(check(report, 'issuer')?.code, 'ISSUER_OK');
      assert.equal(check(report, 'status')?.code, 'STATUS_OK');
      assert.equal(check(report, 'recipient')?.code, 'RECIPIENT_OK');
    }
    // A signed badge is never fetched from its id.
    assert.ok(!server.requests.some((url) => url.startsWith('urn:')));
  });

  it('reports a signed assertion in the issuer revocation list as revoked, with the reason', async () => {
    const jws = await signTestAssertion(key);
    publishTestIssuer(server, {
      key,
      revokedAssertions: [
        { id: 'urn:uuid:3f8e1c52-9d0b-4a5e-8a51-2f1f6c1d7b10', revocationReason: '誤発行' },
      ],
    });
    const report = await verify(jws);
    assert.equal(report.status, 'revoked');
    assert.equal(check(report, 'status')?.details?.revocationReason, '誤発行');
  });

  it('reports an expired signed badge as expired', async () => {
    const jws = await signTestAssertion(key, { expires: '2025-03-01T00:00:00Z' });
    assert.equal((await verify(jws)).status, 'expired');
  });

  it('fails a JWS signed by a key the issuer does not list', async () => {
    const jws = await signTestAssertion(stranger);
    const report = await verify(jws);
    assert.equal(report.status, 'invalid');
    assert.equal(check(report, 'proof')?.code, 'ERR_PROOF_SIGNATURE');
    assert.equal(check(report, 'issuer')?.code, 'ISSUER_NOT_CHECKED');
  });

  it('fails a JWS whose creator is not among the issuer publicKey, even if the key verifies', async () => {
    const rogue = 'https://example.org/akashi/rogue-key.json';
    server.serve(
      '/akashi/rogue-key.json',
      JSON.stringify({
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'CryptographicKey',
        id: rogue,
        owner: TEST_ISSUER.id,
        publicKeyPem: stranger.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      }),
    );
    const jws = await signTestAssertion(stranger, {}, rogue);
    const report = await verify(jws);
    assert.equal(report.status, 'invalid');
    assert.equal(check(report, 'proof')?.code, 'ERR_OB2_SIGNED_CREATOR');
    assert.ok(!server.requests.includes(rogue), 'the rogue key is never fetched');
  });

  it('takes the issuer keys from the issuer id, never from an issuer embedded in the payload', async () => {
    const rogue = 'https://example.org/akashi/rogue-key.json';
    server.serve(
      '/akashi/rogue-key.json',
      JSON.stringify({
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'CryptographicKey',
        id: rogue,
        owner: TEST_ISSUER.id,
        publicKeyPem: stranger.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      }),
    );
    const forgedIssuer = buildOb2Profile({
      id: TEST_ISSUER.id,
      name: '証大学 (Akashi University)',
      url: 'https://example.org/akashi/',
      email: 'badges@example.org',
      publicKey: [rogue],
    });
    const badge = buildBadgeClass({
      id: 'urn:uuid:0a7c2a4e-5c0e-4d59-9b1e-6f3c1c1f7a20',
      name: '偽の学位',
      description: 'forged',
      image: 'https://example.org/robotics-badge.png',
      criteria: { narrative: 'none' },
      issuer: forgedIssuer,
    });
    const report = await verify(await signTestAssertion(stranger, { badge }, rogue));
    assert.equal(report.status, 'invalid');
    assert.equal(check(report, 'proof')?.code, 'ERR_OB2_SIGNED_CREATOR');
    assert.deepEqual(report.issuerProfile?.publicKey, TEST_ISSUER.key);
  });

  it('fails when the key names another owner than the issuer', async () => {
    publishTestIssuer(server, { key, keyOwner: 'https://example.org/someone-else.json' });
    const report = await verify(await signTestAssertion(key));
    assert.equal(report.status, 'invalid');
    assert.equal(check(report, 'proof')?.code, 'OB2_SIGNED_OK');
    assert.equal(check(report, 'issuer')?.code, 'ERR_ISSUER_CONTROLLER_MISMATCH');
  });

  it('fails when the issuer lists no key, and refuses algorithms other than RS256', async () => {
    publishTestIssuer(server, { key, profile: { publicKey: undefined } });
    assert.equal(
      check(await verify(await signTestAssertion(key)), 'proof')?.code,
      'ERR_OB2_SIGNED_NO_KEYS',
    );
    publishTestIssuer(server, { key });
    const ec = generateSigningKey('p256');
    const payload = JSON.stringify(
      buildTestAssertion({
        id: 'urn:uuid:0b6f6c9e-2b6e-4a43-9b54-0d1f4c2a8e11',
        verification: { type: 'SignedBadge', creator: TEST_ISSUER.key },
      }),
    );
    const es256 = await new CompactSign(new TextEncoder().encode(payload))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(ec.privateKey);
    assert.equal(check(await verify(es256), 'proof')?.code, 'ERR_OB2_SIGNED_ALG');
  });

  it('fails a tampered payload', async () => {
    const [header, payload, signature] = (await signTestAssertion(key)).split('.');
    const altered = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    altered.expires = '2099-01-01T00:00:00Z';
    const forged = `${header ?? ''}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature ?? ''}`;
    assert.equal(check(await verify(forged), 'proof')?.code, 'ERR_PROOF_SIGNATURE');
  });

  it('is indeterminate, not invalid, when the key cannot be fetched', async () => {
    publishTestIssuer(server, {
      key,
      profile: { publicKey: ['https://keys.example.net/key-1.json'] },
    });
    const jws = await signTestAssertion(key, {}, 'https://keys.example.net/key-1.json');
    const report = await verify(jws);
    assert.equal(report.status, 'indeterminate');
    assert.equal(check(report, 'proof')?.code, 'ERR_PROOF_METHOD_UNREACHABLE');
    assert.equal(check(report, 'proof')?.outcome, 'error');
  });

  it('fails a signed assertion handed in as plain JSON (no signature to check)', async () => {
    const jws = await signTestAssertion(key);
    const json = Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8');
    const report = await verify(json);
    assert.equal(report.status, 'invalid');
    assert.equal(check(report, 'proof')?.code, 'ERR_OB2_SIGNED_NOT_JWS');
  });

  it('reports an unreadable JWS as unreadable', async () => {
    const report = await verify('eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln');
    assert.equal(report.status, 'unreadable');
    assert.equal(check(report, 'parse')?.code, 'ERR_OB2_PARSE_JWS');
  });
});
