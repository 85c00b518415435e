import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bakePng } from '../bake/bake-png.js';
import { bakeSvg } from '../bake/bake-svg.js';
import { extractBaked } from '../bake/extract-baked.js';
import { buildTestPng } from '../bake/test-factories.js';
import { generateSigningKey } from '../keys/signing-key.js';
import { buildBadgeClass } from './build-badge-class.js';
import { buildOb2Profile } from './build-ob2-profile.js';
import { FIXTURES } from '../models/test-factories.js';
import type { Ob2VerificationReport } from './verify-ob2-options.js';
import {
  TEST_ISSUER,
  buildTestAssertion,
  hostTestAssertion,
  publishTestIssuer,
} from './publish-test-issuer.js';
import { startExampleOrgServer, type ExampleOrgServer } from './start-example-org-server.js';
import { verifyOb2 } from './verify-ob2.js';

const ASSETS = fileURLToPath(new URL('validator/ob20/assets/', FIXTURES));
const NOW = new Date('2025-04-01T00:00:00Z');
const key = generateSigningKey('rsa');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>';

const codeOf = (report: Ob2VerificationReport, name: string): string | undefined =>
  report.checks.find((check) => check.name === name)?.code;
const outcomeOf = (report: Ob2VerificationReport, name: string): string | undefined =>
  report.checks.find((check) => check.name === name)?.outcome;

describe('verifyOb2: hosted Akashi badges', () => {
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

  it('round-trips a hosted badge baked into PNG and SVG: bake → extract → verify', async () => {
    const text = hostTestAssertion(server, buildTestAssertion());
    const png = bakePng(new Uint8Array(readFileSync(`${ASSETS}robotics-badge.png`)), text, {
      generation: 'ob2',
    });
    assert.equal(extractBaked(png).payload, text);
    const svg = new TextEncoder().encode(bakeSvg(SVG, text, { generation: 'ob2' }));
    for (const [image, format] of [
      [png, 'png'],
      [svg, 'svg'],
    ] as const) {
      const report = await verify(image, TEST_ISSUER.recipient);
      assert.equal(report.status, 'valid', JSON.stringify(report.checks));
      assert.equal(report.format, format);
      assert.equal(codeOf(report, 'proof'), 'OB2_HOSTED_OK');
      assert.equal(codeOf(report, 'issuer'), 'OB2_ORIGIN_OK');
      assert.equal(codeOf(report, 'recipient'), 'RECIPIENT_OK');
      assert.equal(report.badgeClass?.name, 'ロボット工学入門');
      assert.equal(report.issuerProfile?.name, '証大学 (Akashi University)');
      assert.equal(report.proofFormat, undefined);
    }
  });

  it('verifies an assertion URL, fetching the assertion once', async () => {
    const assertion = buildTestAssertion();
    hostTestAssertion(server, assertion);
    const report = await verify(assertion.id);
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    assert.equal(server.requests.filter((url) => url === assertion.id).length, 1);
  });

  it('reads a legacy PNG whose tEXt chunk holds only the assertion URL', async () => {
    const assertion = buildTestAssertion();
    hostTestAssertion(server, assertion);
    const legacy = buildTestPng({
      afterIhdr: [['tEXt', new TextEncoder().encode(`openbadges\0${assertion.id}`)]],
    });
    const report = await verify(legacy);
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    assert.equal(report.format, 'png');
  });

  it('treats the input as untrusted: what the issuer serves at the id is what counts', async () => {
    const served = buildTestAssertion({ expires: '2025-02-01T00:00:00Z' });
    hostTestAssertion(server, served);
    const forged = buildTestAssertion();
    const report = await verify(forged);
    assert.equal(report.status, 'expired');
    assert.equal(report.credential?.expires, '2025-02-01T00:00:00Z');
  });

  it('reports 410 Gone as revoked', async () => {
    const assertion = buildTestAssertion();
    server.serve(new URL(assertion.id).pathname, { status: 410, body: '' });
    const report = await verify(assertion);
    assert.equal(report.status, 'revoked');
    assert.equal(codeOf(report, 'proof'), 'OB2_HOSTED_GONE');
    assert.equal(codeOf(report, 'status'), 'STATUS_REVOKED');
  });

  it('reports revoked: true as revoked, with the reason', async () => {
    const assertion = buildTestAssertion({ revoked: true, revocationReason: '不正行為' });
    hostTestAssertion(server, assertion);
    const report = await verify(assertion);
    assert.equal(report.status, 'revoked');
    const status = report.checks.find((check) => check.name === 'status');
    assert.equal(status?.details?.revocationReason, '不正行為');
  });

  it('reports a hosted assertion listed in the issuer revocation list as revoked', async () => {
    const assertion = buildTestAssertion();
    publishTestIssuer(server, { key, revokedAssertions: [assertion.id] });
    hostTestAssertion(server, assertion);
    assert.equal((await verify(assertion)).status, 'revoked');
  });

  it('reports an expired badge as expired and a future one as not yet valid', async () => {
    const expired = buildTestAssertion({ expires: '2025-03-31T23:59:59Z' });
    hostTestAssertion(server, expired);
    assert.equal((await verify(expired)).status, 'expired');
    const future = buildTestAssertion({ issuedOn: '2025-04-02T00:00:00Z' });
    hostTestAssertion(server, future);
    assert.equal((await verify(future)).status, 'not-yet-valid');
  });

  it('fails an assertion its issuer does not serve (404) and one served under another id', async () => {
    const missing = buildTestAssertion({ id: 'https://example.org/akashi/assertions/404.json' });
    const report = await verify(missing);
    assert.equal(report.status, 'invalid');
    assert.equal(codeOf(report, 'proof'), 'ERR_OB2_HOSTED_HTTP');
    const assertion = buildTestAssertion();
    server.serve(
      new URL(assertion.id).pathname,
      JSON.stringify(buildTestAssertion({ id: 'https://example.org/akashi/assertions/2.json' })),
    );
    assert.equal(codeOf(await verify(assertion), 'proof'), 'ERR_OB2_HOSTED_ID_MISMATCH');
  });

  it('fails an assertion hosted outside the issuer origin, unless allowedOrigins widens it', async () => {
    const elsewhere = buildTestAssertion({
      id: 'https://www.example.org/akashi/assertions/1.json',
    });
    hostTestAssertion(server, elsewhere);
    const report = await verify(elsewhere);
    assert.equal(report.status, 'invalid');
    assert.equal(codeOf(report, 'issuer'), 'ERR_OB2_ORIGIN_HOST');
    publishTestIssuer(server, {
      key,
      profile: { verification: { allowedOrigins: ['www.example.org'] } },
    });
    assert.equal((await verify(elsewhere)).status, 'valid');
    publishTestIssuer(server, {
      key,
      profile: { verification: { startsWith: ['https://www.example.org/akashi/other/'] } },
    });
    assert.equal(codeOf(await verify(elsewhere), 'issuer'), 'ERR_OB2_ORIGIN_STARTS_WITH');
  });

  it('applies the verification policy of the issuer at its id, not of an embedded copy', async () => {
    const badge = buildBadgeClass({
      id: 'https://www.example.org/akashi/badge.json',
      name: 'n',
      description: 'd',
      image: 'https://example.org/robotics-badge.png',
      criteria: { narrative: 'c' },
      issuer: buildOb2Profile({
        id: TEST_ISSUER.id,
        name: '証大学 (Akashi University)',
        url: 'https://example.org/akashi/',
        email: 'badges@example.org',
        verification: { allowedOrigins: ['www.example.org'] },
      }),
    });
    const elsewhere = buildTestAssertion({
      id: 'https://www.example.org/akashi/assertions/2.json',
      badge,
    });
    hostTestAssertion(server, elsewhere);
    const report = await verify(elsewhere);
    assert.equal(report.status, 'invalid');
    assert.equal(codeOf(report, 'issuer'), 'ERR_OB2_ORIGIN_HOST');
  });

  it('separates network failures (indeterminate) from invalid badges', async () => {
    const assertion = buildTestAssertion();
    hostTestAssertion(server, assertion);
    server.unreachable('https://example.org');
    const report = await verify(assertion);
    assert.equal(report.status, 'indeterminate');
    assert.equal(codeOf(report, 'proof'), 'ERR_OB2_HOSTED_UNREACHABLE');
    assert.equal(outcomeOf(report, 'proof'), 'error');
  });

  it('is indeterminate when only the issuer Profile is unreachable', async () => {
    const assertion = buildTestAssertion({
      badge: 'http://example.org/badge-with-unreachable-issuer.json',
    });
    server.serve('/badge-with-unreachable-issuer.json', {
      body: JSON.stringify({
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'BadgeClass',
        id: 'http://example.org/badge-with-unreachable-issuer.json',
        name: 'n',
        description: 'd',
        criteria: 'https://example.org/criteria',
        issuer: 'https://issuer.example.net/profile.json',
      }),
    });
    hostTestAssertion(server, assertion);
    const report = await verify(assertion);
    assert.equal(report.status, 'indeterminate', JSON.stringify(report.checks));
    assert.equal(codeOf(report, 'issuer'), 'ERR_OB2_LINKED_UNREACHABLE');
  });

  it('fails when the recipient does not match', async () => {
    hostTestAssertion(server, buildTestAssertion());
    const report = await verify(buildTestAssertion(), 'hanako@example.ac.jp');
    assert.equal(report.status, 'invalid');
    assert.equal(codeOf(report, 'recipient'), 'ERR_RECIPIENT_MISMATCH');
  });

  it('upgrades an OB 1.0 hosted badge (verify.url, no @context) and says so', async () => {
    const url = 'https://example.org/legacy/assertion-1.json';
    const v10 = {
      uid: 'abc123',
      recipient: { type: 'email', hashed: false, identity: 'taro.yamada@example.ac.jp' },
      badge: 'https://example.org/legacy/badge.json',
      issuedOn: 1430352000,
      verify: { type: 'hosted', url },
    };
    server.serve('/legacy/assertion-1.json', JSON.stringify(v10));
    server.serve(
      '/legacy/badge.json',
      JSON.stringify({
        name: 'Legacy',
        description: 'An OB 1.0 BadgeClass',
        image: 'https://example.org/robotics-badge.png',
        criteria: 'https://example.org/legacy/criteria.html',
        issuer: 'https://example.org/legacy/issuer.json',
      }),
    );
    server.serve(
      '/legacy/issuer.json',
      JSON.stringify({ name: 'Legacy Issuer', url: 'https://example.org', email: 'a@example.org' }),
    );
    const report = await verify(JSON.stringify(v10), 'taro.yamada@example.ac.jp');
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    assert.equal(report.sourceVersion, '1.0');
    assert.equal(codeOf(report, 'parse'), 'OB2_PARSE_UPGRADED');
    assert.equal(report.credential?.issuedOn, '2015-04-30T00:00:00Z');
    assert.equal(report.credential.id, url);
  });
});
