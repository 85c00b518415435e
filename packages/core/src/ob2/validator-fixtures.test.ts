/**
 * Every OB 2.0 fixture of the 1EdTech reference validator (../shared/fixtures/validator/ob20),
 * verified offline: a loopback server plays example.org and serves `ob20/assets/` (URL path =
 * file name), as the validator's own tests map it. Expected verdicts come from
 * ../shared/fixtures/EXPECTED.md: PASS and WARN → `valid`; FAIL → not valid, with the failing
 * check named. Where Akashi's verdict differs, the row says so and why.
 *
 * Hosted assertions: Akashi fetches the assertion from its `id` and checks what the issuer
 * serves (the reference validator checks the file it was handed). The fixtures' ids
 * (`https://example.org/beths-robotics-badge.json`, …) are not among the assets, so each
 * hosted fixture is also served at its own id: the premise of every hosted fixture is that its
 * issuer hosts exactly this assertion. (`verify-ob2.test.ts` covers an id that is not served.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractBaked } from '../bake/extract-baked.js';
import { FIXTURES } from '../models/test-factories.js';
import type { CheckName, VerificationStatus } from '../verify/verification-report.js';
import type { VerifyCode } from '../verify/verify-messages.js';
import { startExampleOrgServer, type ExampleOrgServer } from './start-example-org-server.js';
import { verifyOb2 } from './verify-ob2.js';

const OB20 = fileURLToPath(new URL('validator/ob20/', FIXTURES));
const NOW = new Date('2024-06-01T00:00:00Z');

interface Row {
  readonly file: string;
  /** EXPECTED.md's verdict. */
  readonly expected: 'PASS' | 'WARN' | 'FAIL' | 'not tested';
  /** Akashi's verdict, and the check and code that decide it. */
  readonly status: VerificationStatus;
  readonly check?: CheckName;
  readonly code?: VerifyCode;
  /** Why Akashi's verdict differs from EXPECTED.md, when it does. */
  readonly differs?: string;
}

const pass = (file: string, check?: CheckName, code?: VerifyCode): Row => ({
  file,
  expected: 'PASS',
  status: 'valid',
  ...(check === undefined ? {} : { check }),
  ...(code === undefined ? {} : { code }),
});
const fail = (
  file: string,
  check: CheckName,
  code: VerifyCode,
  status: VerificationStatus = 'invalid',
): Row => ({
  file,
  expected: 'FAIL',
  status,
  check,
  code,
});

const ROWS: readonly Row[] = [
  fail('assertion-with-data-image.json', 'schema', 'ERR_OB2_SCHEMA_INVALID'),
  pass('assertion-with-endorsements.json'),
  pass('assertion-with-extension-node-basic.json'),
  {
    file: 'assertion-with-extension-node-invalid.json',
    expected: 'FAIL',
    status: 'valid',
    differs:
      'the validator checks extension nodes against the JSON Schema named by the extension context ' +
      '(obi:validationSchema, https://openbadgespec.org/extensions/exampleExtension/schema.json). ' +
      'Akashi bundles the extension contexts but not their schemas, and never fetches schemas, so ' +
      'the extension node (`http://schema.org/text: 1337`) is not schema-checked.',
  },
  pass('assertion-with-multiple-extensions.json'),
  pass('assets/badge-with-data-image.json'),
  pass('assets/badgeclass-with-complex-image.json'),
  pass('assets/badgeclass1.json'),
  fail('basic-assertion-expired-before-issued.json', 'validity', 'ERR_OB2_EXPIRES_BEFORE_ISSUED'),
  fail('basic-assertion-expired.json', 'validity', 'ERR_VALIDITY_EXPIRED', 'expired'),
  fail('basic-assertion-in-future.json', 'validity', 'ERR_VALIDITY_NOT_YET_VALID', 'not-yet-valid'),
  fail('basic-assertion-invalid-context.json', 'context', 'ERR_OB2_CONTEXT_INVALID'),
  // The validator's TypePropertyProbe: "OtherAssertion" is no term of the OB 2.0 context.
  fail('basic-assertion-invalid-type.json', 'jsonld', 'ERR_OB2_JSONLD_UNDEFINED_TYPE'),
  pass('basic-assertion-no-public-key.json', 'issuer', 'OB2_ORIGIN_OK'),
  fail(
    'basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json',
    'issuer',
    'ERR_OB2_ORIGIN_STARTS_WITH',
  ),
  fail(
    'basic-assertion-with-allowed-origins-invalid-starts-with.json',
    'issuer',
    'ERR_OB2_ORIGIN_STARTS_WITH',
  ),
  pass(
    'basic-assertion-with-allowed-origins-valid-multiple-starts-with.json',
    'issuer',
    'OB2_ORIGIN_OK',
  ),
  pass('basic-assertion-with-allowed-origins-valid-starts-with.json', 'issuer', 'OB2_ORIGIN_OK'),
  pass('basic-assertion-with-allowed-origins.json', 'issuer', 'OB2_ORIGIN_OK'),
  pass('basic-assertion-with-language.json'),
  pass('basic-assertion.json', 'proof', 'OB2_HOSTED_OK'),
  pass('issuer-compact-iri-validation.json'),
  fail('rdf-validation/badge-class-invalid-issuer-type.json', 'schema', 'ERR_OB2_SCHEMA_CLASS'),
  fail('rdf-validation/invalid-class.json', 'jsonld', 'ERR_OB2_JSONLD_UNDEFINED_TYPE'),
  fail('rdf-validation/invalid-empty-type.json', 'schema', 'ERR_OB2_SCHEMA_CLASS'),
  fail('rdf-validation/invalid-one-invalid-class.json', 'jsonld', 'ERR_OB2_JSONLD_UNDEFINED_TYPE'),
  pass('rdf-validation/valid-alignment-object.json', 'schema', 'OB2_SCHEMA_OK'),
  pass('rdf-validation/valid-badge-class-empty-criteria-type.json', 'schema', 'OB2_SCHEMA_OK'),
  pass('rdf-validation/valid-badge-class.json', 'schema', 'OB2_SCHEMA_OK'),
  // Only an absolute class IRI: nothing of OB 2.0 to validate beyond JSON-LD.
  pass('rdf-validation/valid-cool-class.json', 'schema', 'OB2_SCHEMA_NOT_OB_CLASS'),
  pass('rdf-validation/valid-issuer-extension.json', 'schema', 'OB2_SCHEMA_OK'),
  pass('simple-badge.png', 'proof', 'OB2_HOSTED_OK'),
  pass('simple-not-revoked.jwt', 'status', 'STATUS_OK'),
  fail('simple-revoked.jwt', 'status', 'STATUS_REVOKED', 'revoked'),
  pass('simple.jwt', 'proof', 'OB2_SIGNED_OK'),
  {
    ...pass('warning-issuer-non-http.json', 'issuer', 'OB2_ORIGIN_UNENFORCEABLE'),
    expected: 'WARN',
  },
  { ...pass('warning-with-redirection.json', 'issuer', 'OB2_ORIGIN_OK'), expected: 'WARN' },
  // Not asserted upstream (Sample defined but unused, or a note file).
  { file: 'badge-class-with-language.json', expected: 'not tested', status: 'valid' },
  {
    file: 'redirected-validation-subject.json',
    expected: 'not tested',
    status: 'unreadable',
    check: 'parse',
    code: 'ERR_PARSE_JSON',
  },
];

/** The input as a verifier receives it: text for .json / .jwt, bytes for images. */
const readInput = (file: string): string | Uint8Array => {
  const bytes = readFileSync(`${OB20}${file}`);
  return file.endsWith('.png') ? new Uint8Array(bytes) : bytes.toString('utf8');
};

/** The hosted assertion carried by a fixture, to be served at its own id. */
const hostedAssertion = (
  input: string | Uint8Array,
): { path: string; body: string } | undefined => {
  let text: string;
  try {
    text = typeof input === 'string' ? input : extractBaked(input).payload;
    const json = JSON.parse(text) as {
      id?: unknown;
      type?: unknown;
      verification?: { type?: unknown };
    };
    const hosted =
      json.verification?.type === 'hosted' || json.verification?.type === 'HostedBadge';
    if (json.type !== 'Assertion' || !hosted || typeof json.id !== 'string') return undefined;
    return { path: new URL(json.id).pathname, body: text };
  } catch {
    return undefined;
  }
};

describe('the 1EdTech validator OB 2.0 fixtures', () => {
  let server: ExampleOrgServer;
  before(async () => {
    server = await startExampleOrgServer(`${OB20}assets`);
  });
  after(() => server.close());

  for (const row of ROWS) {
    const title = `${row.file}: ${row.expected} → ${row.status}${row.differs === undefined ? '' : ' (differs)'}`;
    it(title, async () => {
      server.reset();
      const input = readInput(row.file);
      const hosted = hostedAssertion(input);
      if (hosted !== undefined) server.serve(hosted.path, hosted.body);
      const report = await verifyOb2(input, { fetchDocument: server.fetchDocument, now: NOW });
      const summary = report.checks.map((check) => `${check.name}:${check.outcome}:${check.code}`);
      assert.equal(report.status, row.status, summary.join(' '));
      assert.equal(report.valid, row.status === 'valid');
      if (row.expected === 'PASS' || row.expected === 'WARN') {
        assert.equal(row.differs === undefined, report.valid, 'a PASS/WARN fixture must verify');
      }
      if (row.expected === 'FAIL' && row.differs === undefined) assert.equal(report.valid, false);
      if (row.check !== undefined) {
        const check = report.checks.find((c) => c.name === row.check);
        assert.equal(check?.code, row.code, summary.join(' '));
      }
      // Nothing outside the example.org mapping is ever requested (no contexts, no criteria).
      for (const url of server.requests) assert.match(url, /^https?:\/\/(www\.)?example\.org\//);
    });
  }

  it('reports the redirection of warning-with-redirection.json on the issuer check', async () => {
    server.reset();
    const input = readInput('warning-with-redirection.json');
    const hosted = hostedAssertion(input);
    if (hosted !== undefined) server.serve(hosted.path, hosted.body);
    const report = await verifyOb2(input, { fetchDocument: server.fetchDocument, now: NOW });
    const issuer = report.checks.find((check) => check.name === 'issuer');
    assert.deepEqual(issuer?.details?.redirected, [
      { url: 'http://example.org/altbadgeurl.json', id: 'https://example.org/robotics-badge.json' },
    ]);
  });

  it('reads the display fields of simple.jwt: BadgeClass name, issuer name, issuedOn', async () => {
    server.reset();
    const report = await verifyOb2(readInput('simple.jwt'), {
      fetchDocument: server.fetchDocument,
      now: NOW,
      recipient: 'nobody@example.org',
    });
    assert.equal(report.proofFormat, 'jwt');
    assert.equal(report.badgeClass?.name, 'Awesome Robotics Badge');
    assert.equal(report.issuerProfile?.name, 'An Example Badge Issuer');
    assert.equal(report.credential?.issuedOn, '2016-12-31T23:59:59Z');
    assert.equal(report.checks.find((check) => check.name === 'recipient')?.code, 'RECIPIENT_OK');
  });
});
