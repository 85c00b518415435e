/**
 * verifyCertificatePdf against sealed PDFs made independently of src/pades (pkijs CMS spliced
 * into a pdf-lib placeholder, openssl as CA and TSA), each fixture vetted by poppler's pdfsig
 * (and document time-stamps by `openssl ts -verify`).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { VerificationReport } from '@akashi/core';
import { verifyCertificatePdf, type CertificateReport } from '../../src/verify/index.js';
import {
  appendContentChange,
  appendDocumentTimestamp,
  appendDss,
  makePlaceholderPdf,
  pdfsig,
  sealPdf,
} from './sealed-pdf.fixture.js';
import { makeTestPki, type TestPki } from './test-pki.fixture.js';

const OB3 = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  id: 'urn:uuid:2f1d6c3e-0000-4000-8000-000000000001',
};
const OB2 = {
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: 'https://example.org/a/1',
};

const outcome = (report: CertificateReport, name: string, signature?: string) =>
  report.checks.find(
    (check) => check.name === name && (signature === undefined || check.signature === signature),
  );

const fakeReport = (status: VerificationReport['status']): VerificationReport => ({
  status,
  valid: status === 'valid',
  checks: [],
});

describe('verifyCertificatePdf', () => {
  let pki: TestPki;
  let placeholder: Uint8Array;
  let sealed: Uint8Array;

  before(async () => {
    pki = makeTestPki();
    placeholder = await makePlaceholderPdf({ 'credential.json': OB3, 'assertion.json': OB2 });
    sealed = sealPdf(placeholder, pki.rsa, { timestamp: pki.timestamp });
  });
  after(() => {
    pki.cleanup();
  });

  it('accepts a PAdES B-T seal that pdfsig accepts, and verifies both embedded credentials', async () => {
    const oracle = pdfsig(sealed, pki.root.certPath);
    assert.match(oracle, /Signature is Valid/);
    assert.match(oracle, /Total document signed/);
    assert.match(oracle, /Certificate is Trusted/);
    const seen: unknown[] = [];
    const report = await verifyCertificatePdf(sealed, {
      trust: [pki.root.der],
      verifyCredential: (credential) => {
        seen.push(credential);
        return Promise.resolve(fakeReport('valid'));
      },
    });
    assert.equal(report.status, 'valid', JSON.stringify(report.checks, null, 1));
    assert.equal(report.valid, true);
    for (const name of [
      'pdf-parse',
      'byte-range',
      'cms',
      'timestamp',
      'chain',
      'modified-after-signing',
    ]) {
      assert.equal(outcome(report, name)?.outcome, 'passed', name);
    }
    assert.equal(outcome(report, 'cms')?.code, 'CMS_OK');
    assert.equal(outcome(report, 'modified-after-signing')?.code, 'UNMODIFIED');
    assert.deepEqual(report.credentials.map((item) => [item.file, item.generation]).sort(), [
      ['assertion.json', 'ob2'],
      ['credential.json', 'ob3'],
    ]);
    assert.deepEqual(
      seen.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      [OB2, OB3].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    const [signature] = report.signatures;
    assert.equal(signature?.field, 'Seal1');
    assert.equal(signature.signer, 'Akashi University e-seal (RSA)');
    assert.ok(
      signature.timestamp !== undefined &&
        Math.abs(Date.parse(signature.timestamp) - Date.now()) < 120_000,
    );
    assert.match(outcome(report, 'timestamp')?.message.ja ?? '', /タイムスタンプ/);
  });

  it('is indeterminate without trust anchors (P-256, B-B: no time-stamp)', async () => {
    const ecSealed = sealPdf(placeholder, pki.ec);
    assert.match(pdfsig(ecSealed), /Signature is Valid/);
    const report = await verifyCertificatePdf(ecSealed);
    assert.equal(outcome(report, 'cms')?.outcome, 'passed');
    assert.equal(outcome(report, 'chain')?.code, 'CHAIN_NO_TRUST');
    assert.equal(outcome(report, 'chain')?.outcome, 'skipped');
    assert.equal(outcome(report, 'timestamp')?.code, 'TIMESTAMP_NONE');
    assert.equal(outcome(report, 'credential')?.code, 'CREDENTIAL_NOT_VERIFIED');
    assert.equal(report.status, 'indeterminate');
  });

  it('fails cms when one byte inside the signed range changed', async () => {
    const tampered = new Uint8Array(sealed);
    // The page size, /MediaBox [0 0 595 842], becomes 596 wide.
    const at = Buffer.from(tampered).indexOf('595 842');
    assert.ok(at > 0, 'the MediaBox is in the file');
    tampered[at + 2] = '6'.charCodeAt(0);
    assert.doesNotMatch(pdfsig(tampered), /Signature is Valid/);
    const report = await verifyCertificatePdf(tampered, { trust: [pki.root.der] });
    assert.equal(outcome(report, 'cms')?.outcome, 'failed');
    assert.equal(outcome(report, 'cms')?.code, 'ERR_CMS_DIGEST');
    assert.equal(outcome(report, 'byte-range')?.outcome, 'passed');
    assert.equal(report.status, 'invalid');
  });

  it('reports content appended by an incremental update after sealing', async () => {
    const forged = await appendContentChange(sealed);
    const oracle = pdfsig(forged);
    assert.match(oracle, /Signature is Valid/);
    assert.match(oracle, /Not total document signed/);
    const report = await verifyCertificatePdf(forged, { trust: [pki.root.der] });
    assert.equal(outcome(report, 'cms')?.outcome, 'passed');
    assert.equal(outcome(report, 'byte-range')?.code, 'BYTE_RANGE_OK_REVISION');
    const modified = outcome(report, 'modified-after-signing');
    assert.equal(modified?.outcome, 'failed');
    assert.equal(modified.code, 'ERR_MODIFIED_AFTER_SIGNING');
    assert.match(modified.message.en, /Contents changed/);
    assert.equal(report.revisions.length, 2);
    assert.equal(report.status, 'invalid');
  });

  it('accepts later revisions that only add a DSS and a document time-stamp (B-LT/B-LTA)', async () => {
    const lta = await appendDocumentTimestamp(
      await appendDss(sealed, [pki.root.der]),
      pki.timestamp,
    );
    const oracle = pdfsig(lta, pki.root.certPath);
    assert.match(oracle, /Signature is Valid/);
    assert.match(oracle, /Signature Field Name: DocTS1/);
    const report = await verifyCertificatePdf(lta, { trust: [pki.root.der] });
    assert.equal(report.status, 'valid', JSON.stringify(report.checks, null, 1));
    assert.equal(outcome(report, 'modified-after-signing')?.code, 'MODIFIED_LTV_ONLY');
    assert.equal(outcome(report, 'timestamp', 'DocTS1')?.code, 'DOC_TIMESTAMP_OK');
    assert.equal(outcome(report, 'byte-range', 'DocTS1')?.code, 'BYTE_RANGE_OK');
    // The independent oracle for the document time-stamp: openssl ts -verify over the byte ranges.
    const docTs = report.signatures.find((item) => item.kind === 'document-timestamp');
    const [, b = 0, c = 0, d = 0] = docTs?.byteRange ?? [];
    const hex = Buffer.from(lta.subarray(b + 1, c - 1))
      .toString('latin1')
      .replace(/(00)+$/, '');
    const token = join(pki.dir, 'doc-ts.der');
    const data = join(pki.dir, 'doc-ts.data');
    writeFileSync(token, Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex'));
    writeFileSync(data, Buffer.concat([lta.subarray(0, b), lta.subarray(c, c + d)]));
    const verified = execFileSync(
      'openssl',
      [
        'ts',
        '-verify',
        '-in',
        token,
        '-token_in',
        '-data',
        data,
        '-CAfile',
        pki.root.certPath,
        '-untrusted',
        pki.tsa.certPath,
      ],
      { encoding: 'utf8' },
    );
    assert.match(verified, /Verification: OK/);
  });

  it('fails chain for a signer that does not chain to the trust anchor', async () => {
    const other = sealPdf(placeholder, pki.untrusted, { chain: [pki.otherRoot.der] });
    const oracle = pdfsig(other, pki.root.certPath);
    assert.match(oracle, /Signature is Valid/);
    assert.doesNotMatch(oracle, /Certificate is Trusted/);
    const report = await verifyCertificatePdf(other, { trust: [pki.root.der] });
    assert.equal(outcome(report, 'cms')?.outcome, 'passed');
    assert.equal(outcome(report, 'chain')?.outcome, 'failed');
    assert.equal(outcome(report, 'chain')?.code, 'ERR_CHAIN_UNTRUSTED');
    assert.match(
      outcome(report, 'chain')?.message.en ?? '',
      /Unrelated Root CA is self-signed and not a trust anchor/,
    );
    assert.equal(report.status, 'invalid');
  });

  it('reports an expired signer certificate, with or without trust anchors', async () => {
    const expired = sealPdf(placeholder, pki.expired, { timestamp: pki.timestamp });
    const oracle = pdfsig(expired, pki.root.certPath);
    assert.match(oracle, /Signature is Valid/);
    assert.match(oracle, /Certificate has Expired/);
    for (const trust of [[pki.root.der], []]) {
      const report = await verifyCertificatePdf(expired, { trust });
      assert.equal(outcome(report, 'chain')?.outcome, 'failed');
      assert.equal(outcome(report, 'chain')?.code, 'ERR_CHAIN_EXPIRED');
      assert.match(outcome(report, 'chain')?.message.en ?? '', /valid from 2020-01-01/);
      assert.equal(report.status, 'invalid');
    }
  });

  it('accepts a certificate that expired after its time-stamped signing time', async () => {
    const later = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000);
    const report = await verifyCertificatePdf(sealed, { trust: [pki.root.der], now: later });
    assert.equal(outcome(report, 'chain')?.code, 'CHAIN_OK_EXPIRED_NOW');
    assert.equal(report.status, 'valid');
    const untimed = await verifyCertificatePdf(sealPdf(placeholder, pki.ec), {
      trust: [pki.root.der],
      now: later,
    });
    assert.equal(outcome(untimed, 'chain')?.code, 'ERR_CHAIN_EXPIRED');
  });

  it('fails credential when the embedded credential does not verify', async () => {
    const report = await verifyCertificatePdf(sealed, {
      trust: [pki.root.der],
      verifyCredential: (credential) =>
        Promise.resolve(
          fakeReport(
            typeof credential === 'object' && credential['type'] === 'Assertion'
              ? 'revoked'
              : 'valid',
          ),
        ),
    });
    const failed = report.checks.filter(
      (check) => check.name === 'credential' && check.outcome === 'failed',
    );
    assert.equal(failed.length, 1);
    assert.match(failed[0]!.message.en, /assertion\.json is not valid: revoked/);
    assert.equal(report.status, 'invalid');
  });
});
