/**
 * Interop: PDFs sealed by this package's own sealer (src/pades, B-B to B-LTA) with a local key
 * signer and `openssl ts` as the TSA must pass the independent verifier, as they pass pdfsig.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { sealPdf, type PadesLevel } from '../../src/pades/index.js';
import { createKeySigner } from '../../src/signers/index.js';
import { verifyCertificatePdf } from '../../src/verify/index.js';
import { pdfsig } from './sealed-pdf.fixture.js';
import { makeTestPki, type TestPki } from './test-pki.fixture.js';

describe('verifier × src/pades sealer', () => {
  let pki: TestPki;
  let pdf: Uint8Array;
  before(async () => {
    pki = makeTestPki();
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText('Interop', { font: await doc.embedFont(StandardFonts.Helvetica) });
    pdf = await doc.save();
  });
  after(() => {
    pki.cleanup();
  });

  for (const level of ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const satisfies readonly PadesLevel[]) {
    it(`verifies a ${level} seal (P-256 and RSA)`, async () => {
      for (const identity of [pki.ec, pki.rsa]) {
        const sealed = await sealPdf(pdf, {
          level,
          signer: createKeySigner(identity.key, [identity.der, pki.root.der]),
          tsa: { timestamp: (digest) => Promise.resolve(pki.timestamp(digest)) },
        });
        assert.match(pdfsig(sealed, pki.root.certPath), /Signature is Valid/);
        const report = await verifyCertificatePdf(sealed, { trust: [pki.root.der] });
        assert.equal(report.status, 'valid', JSON.stringify(report.checks, null, 1));
        const timestamp = report.checks.find((check) => check.name === 'timestamp');
        assert.equal(timestamp?.outcome, level === 'B-B' ? 'skipped' : 'passed');
        const modified = report.checks.find((check) => check.name === 'modified-after-signing');
        assert.equal(
          modified?.code,
          level === 'B-LT' || level === 'B-LTA' ? 'MODIFIED_LTV_ONLY' : 'UNMODIFIED',
        );
      }
    });
  }
});
