/**
 * The 1EdTech reference validator's OB 3.0 fixtures give the verdicts listed in
 * shared/fixtures/EXPECTED.md. The validator takes a key from a `<issuer>#z6Mk…` method URL
 * or a JWT header `jwk` without asking the issuer, so its verdicts are reproduced with
 * `keyProvenance: 'validator-compatible'`; in Akashi's default strict mode the same
 * credentials are `indeterminate` offline (the issuer cannot confirm the key), never valid.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createVerifier } from './create-verifier.js';
import type { VerificationStatus } from './verification-report.js';

const ob30 = new URL('../../../../../shared/fixtures/validator/ob30/', import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, ob30)));

const TESTLIST_URL =
  'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist';

// The validator test fetches `testlist` from GitHub; here the injected fetcher serves the same file.
const fetchJson = (url: string): Promise<unknown> => {
  if (url === TESTLIST_URL)
    return Promise.resolve(
      JSON.parse(readFileSync(new URL('bit-string-list/testlist', ob30), 'utf8')),
    );
  return Promise.reject(new Error(`offline test: ${url} is not served`));
};

const now = () => new Date('2026-11-21T00:00:00Z');
const compatible = createVerifier({ keyProvenance: 'validator-compatible', fetchJson, now });
const strict = createVerifier({ fetchJson, now });

/** [file, expected status in validator-compatible mode, the check that decides it] */
const CASES: [string, VerificationStatus, string][] = [
  ['simple.json', 'valid', 'proof'],
  ['simple.1ob', 'valid', 'proof'],
  ['simple-context-alias.json', 'valid', 'proof'],
  ['simple-did-key-method.json', 'valid', 'proof'],
  ['simple-did-web-method.json', 'valid', 'proof'],
  ['endorsement-valid.json', 'valid', 'proof'],
  ['simple-json.png', 'valid', 'proof'],
  ['simple-json.svg', 'valid', 'proof'],
  ['simple-jwt.png', 'valid', 'proof'],
  ['simple-jwt.svg', 'valid', 'proof'],
  // WARN in the validator (valid, outdated VC 1.1 context): valid here too.
  ['simple-eddsa-2022.json', 'valid', 'proof'],
  ['simple-jwt_v1.png', 'valid', 'proof'],
  ['simple-jwt_v1.svg', 'valid', 'proof'],
  // FAIL in the validator.
  ['simple-err-context.json', 'invalid', 'context'],
  ['simple-err-credential-subject-achievement-result-description-type.json', 'invalid', 'schema'],
  ['simple-err-credential-subject-identifier-type.json', 'invalid', 'schema'],
  ['simple-err-credential-subject-profile-type.json', 'invalid', 'schema'],
  ['simple-err-credential-subject-result-type.json', 'invalid', 'schema'],
  ['simple-err-credential-subject-type.json', 'invalid', 'schema'],
  ['simple-err-evidence-type.json', 'invalid', 'schema'],
  ['simple-err-expired.json', 'expired', 'validity'],
  // validFrom 2040; the fixture also lacks credentialSubject.achievement, which our schema check reports too.
  ['simple-err-issued.json', 'invalid', 'validity schema'],
  ['simple-err-issuer-otheridentifier-type.json', 'invalid', 'schema'],
  ['simple-err-issuer-parentorg-type.json', 'invalid', 'schema'],
  ['simple-err-issuer-type.json', 'invalid', 'schema'],
  ['simple-err-issuer.json', 'invalid', 'schema'],
  // A bare `z6Mk…` is a relative IRI: JSON-LD safe mode already refuses it.
  ['simple-err-proof-method-no-scheme.json', 'invalid', 'jsonld'],
  ['simple-err-proof-method-unknown-did-method.json', 'invalid', 'proof'],
  ['simple-err-proof-method-unknown-scheme.json', 'invalid', 'proof'],
  // Junk in an https key URL's fragment: no key in the URL, and the URL cannot be fetched
  // offline, so the proof cannot be checked — not valid, but a network outcome, not a forgery.
  ['simple-err-proof-method.json', 'indeterminate', 'proof'],
  ['simple-err-proof-value.json', 'invalid', 'proof'],
  ['simple-err-type.json', 'invalid', 'schema'],
  ['simple-multiple-proofs.json', 'invalid', 'jsonld'],
  ['velocity.jwt', 'invalid', 'proof'],
  ['bit-string-list/credential-status-revoked.json', 'revoked', 'status'],
  ['bit-string-list/credential-status-revoked-blank-nodes.json', 'revoked', 'status'],
  // VC 1.1 documents whose Ed25519Signature2020 context is not bundled yet (legacy suites
  // arrive with the universal verifier issue): refused by the JSON-LD check.
  ['endorsement-err-schema-status-refresh.json', 'invalid', 'jsonld'],
  ['simple-noproof.json', 'invalid', 'jsonld'],
];

/**
 * Not run here, with the reason:
 * - complete.json, complete_v1.json, credential-status-revoked.json: the validator's verdict
 *   depends on the network (credentialSchema URLs that return 404; a 1EdTechRevocationList on
 *   dc.1edtech.org). credentialSchema and 1EdTechRevocationList checking arrive with the
 *   OB 2.0 / universal verifier issue, whose loopback server plays those hosts.
 * - simple_v1.json (Ed25519Signature2020) and sd/derivedcredential.json (ecdsa-sd-2023): those
 *   proof suites arrive with the same issue; until then they are reported as unsupported proofs.
 * - simple-context-version.json: the validator asserts no verdict.
 * - simple.jwt: parse-only in the validator (checked below).
 * - bit-string-list/testlist: a status list credential, not a badge (the status module's tests
 *   decode it).
 */
describe('1EdTech validator OB 3.0 fixtures', () => {
  for (const [file, expected, decisive] of CASES) {
    test(`${file} is ${expected}`, async () => {
      const report = await compatible.verifyCredential(read(file));
      const summary = report.checks.map((c) => `${c.name}:${c.outcome}:${c.code}`).join(' ');
      assert.equal(report.status, expected, summary);
      for (const name of expected === 'valid' ? [] : decisive.split(' ')) {
        const check = report.checks.find((c) => c.name === name);
        const outcome = expected === 'indeterminate' ? 'error' : 'failed';
        assert.equal(check?.outcome, outcome, `${name} should be ${outcome}: ${summary}`);
      }
    });
  }

  test('simple.jwt parses (VC 1.1 payload in the vc claim)', async () => {
    const report = await compatible.verifyCredential(read('simple.jwt'));
    assert.equal(report.checks[0]?.outcome, 'passed');
    assert.equal(report.proofFormat, 'jwt');
  });

  test('in strict mode, keys the issuer never confirmed are not accepted offline', async () => {
    for (const file of ['simple.json', 'simple-json.png', 'simple-jwt.svg']) {
      const report = await strict.verifyCredential(read(file));
      assert.equal(report.status, 'indeterminate', file);
      assert.equal(report.valid, false);
    }
  });
});
