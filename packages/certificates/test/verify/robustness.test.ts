/**
 * verifyCertificatePdf never throws: garbage, truncated and unsigned input all become a report.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { verifyCertificatePdf } from '../../src/verify/index.js';
import { makePlaceholderPdf } from './sealed-pdf.fixture.js';

describe('verifyCertificatePdf robustness', () => {
  it('reports garbage as pdf-parse failed (unreadable), never throwing', async () => {
    const inputs = [
      new Uint8Array(),
      new Uint8Array(randomBytes(4096)),
      new TextEncoder().encode('{"not":"a pdf"}'),
      new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'),
      Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, ...randomBytes(2048)]),
    ];
    for (const input of inputs) {
      const report = await verifyCertificatePdf(input);
      assert.equal(report.status, 'unreadable');
      assert.equal(report.valid, false);
      assert.equal(report.checks[0]?.name, 'pdf-parse');
      assert.notEqual(report.checks[0].outcome, 'passed');
      assert.ok(report.checks[0].message.ja);
    }
  });

  it('survives a sealed-looking PDF whose placeholder was never filled and one cut in half', async () => {
    const placeholder = await makePlaceholderPdf();
    const report = await verifyCertificatePdf(placeholder);
    assert.equal(report.status, 'invalid');
    assert.equal(report.checks.find((check) => check.name === 'byte-range')?.outcome, 'failed');
    const half = await verifyCertificatePdf(placeholder.subarray(0, placeholder.length >> 1));
    assert.equal(half.valid, false);
  });

  it('fails an unsealed PDF', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const report = await verifyCertificatePdf(await doc.save());
    assert.equal(report.checks.find((check) => check.name === 'cms')?.code, 'ERR_NO_SIGNATURE');
    assert.equal(report.status, 'invalid');
  });
});
