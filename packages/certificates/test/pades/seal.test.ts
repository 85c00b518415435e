/**
 * PAdES sealing against independent oracles: poppler `pdfsig` (with the test CA trusted in an
 * NSS db), `openssl cms -verify` over the byte ranges, `openssl ts -verify` on the signature and
 * document time-stamps; PDFs from pdf-lib (xref stream and classic table) and from cairo.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PdfSyntaxError, sealPdf, type SealOptions } from '../../src/pades/index.js';
import { PdfFile } from '../../src/pades/pdf-reader.js';
import { PdfRef } from '../../src/pades/pdf-syntax.js';
import {
  extractSignatures,
  inspectCms,
  opensslCmsVerify,
  opensslTsVerify,
  pdfsig,
  pdftotext,
  sha256,
} from './oracles.js';
import { makeTestPki, type TestPki } from './pki.js';

let pki: TestPki;
let xrefStreamPdf: Uint8Array;
let classicPdf: Uint8Array;

async function makePdf(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Certificate of completion', { x: 50, y: 700, font });
  doc.addPage().drawText('Page two', { x: 50, y: 700, font });
  return doc.save({ useObjectStreams });
}

function save(name: string, bytes: Uint8Array): string {
  const file = join(pki.dir, name);
  writeFileSync(file, bytes);
  return file;
}

const startsWith = (whole: Uint8Array, prefix: Uint8Array): boolean =>
  Buffer.compare(whole.subarray(0, prefix.length), prefix) === 0;

describe('sealPdf', () => {
  before(async () => {
    pki = makeTestPki();
    xrefStreamPdf = await makePdf(true);
    classicPdf = await makePdf(false);
  });
  after(() => {
    rmSync(pki.dir, { recursive: true, force: true });
  });

  it('B-B (RSA, pdf-lib xref stream): pdfsig valid + trusted, openssl cms accepts', async () => {
    const sealed = await sealPdf(xrefStreamPdf, {
      signer: pki.rsaSigner,
      level: 'B-B',
      reason: '修了証明書の発行',
      location: 'Tokyo',
      signingTime: new Date(),
    });
    assert.ok(startsWith(sealed, xrefStreamPdf), 'original bytes untouched');
    const file = save('bb.pdf', sealed);
    const report = pdfsig(pki.nssDir, file);
    assert.match(report, /Signature Type: ETSI\.CAdES\.detached/);
    assert.match(report, /Total document signed/);
    assert.match(report, /Signature Validation: Signature is Valid\./);
    assert.match(report, /Certificate Validation: Certificate is Trusted\./);
    const [sig] = extractSignatures(sealed);
    assert.ok(sig);
    assert.equal(opensslCmsVerify(pki.dir, sig, pki.caPem), 'CMS Verification successful');
    const cms = inspectCms(sig.der);
    assert.deepEqual(cms.signedAttrTypes.sort(), [
      '1.2.840.113549.1.9.16.2.47',
      '1.2.840.113549.1.9.3',
      '1.2.840.113549.1.9.4',
    ]);
    assert.equal(cms.token, undefined);
    assert.match(pdftotext(file), /Certificate of completion/);
  });

  it('B-T (ECDSA P-256, classic xref): signature time-stamp verifies with openssl ts', async () => {
    const sealed = await sealPdf(classicPdf, {
      signer: pki.ecSigner,
      tsa: pki.tsa,
      level: 'B-T',
    });
    const file = save('bt.pdf', sealed);
    const report = pdfsig(pki.nssDir, file);
    assert.match(report, /Total document signed/);
    assert.match(report, /Signature Validation: Signature is Valid\./);
    assert.match(report, /Certificate Validation: Certificate is Trusted\./);
    const [sig] = extractSignatures(sealed);
    assert.ok(sig);
    assert.equal(opensslCmsVerify(pki.dir, sig, pki.caPem), 'CMS Verification successful');
    const { token, signatureValue } = inspectCms(sig.der);
    assert.ok(token);
    const ts = opensslTsVerify(pki.dir, token, sha256(signatureValue), pki.caPem);
    assert.match(ts, /^Verification: OK$/m);
  });

  it('B-LTA: DSS with chain, TSA chain, CRL and OCSP; document time-stamp verifies', async () => {
    const sealed = await sealPdf(xrefStreamPdf, {
      signer: pki.rsaSigner,
      tsa: pki.tsa,
      level: 'B-LTA',
      revocation: { crls: [pki.crl], ocsps: [pki.ocsp] },
    });
    const file = save('blta.pdf', sealed);
    const report = pdfsig(pki.nssDir, file);
    // The CAdES signature stays valid; later updates only add the DSS and the time-stamp.
    assert.match(report, /Signature #1:[\s\S]*Signature is Valid\./);
    assert.match(report, /Signature #2:[\s\S]*Signature Field Name: DocTimeStamp1/);
    const [sig, docTs] = extractSignatures(sealed);
    assert.ok(sig && docTs);
    assert.equal(opensslCmsVerify(pki.dir, sig, pki.caPem), 'CMS Verification successful');
    const ts = opensslTsVerify(pki.dir, docTs.der, sha256(docTs.signed), pki.caPem);
    assert.match(ts, /^Verification: OK$/m);
    // The doc time-stamp covers the whole file.
    const [, , c, d] = docTs.byteRange;
    assert.equal(c + d, sealed.length);

    const pdf = new PdfFile(sealed);
    const catalog = pdf.dict(pdf.trailer.get('Root'));
    const dss = pdf.dict(catalog?.get('DSS'));
    assert.ok(dss, 'catalog has /DSS');
    const count = (key: string): number => {
      const v = pdf.resolve(dss.get(key));
      return Array.isArray(v) ? v.length : 0;
    };
    assert.equal(count('Certs'), 3, 'seal, CA, TSA certificates (CA stored once)');
    assert.equal(count('CRLs'), 1);
    assert.equal(count('OCSPs'), 1);
    const vri = pdf.dict(dss.get('VRI'));
    const key = createHash('sha1').update(sig.contents).digest('hex').toUpperCase();
    assert.ok(vri?.has(key), 'VRI keyed by the SHA-1 of /Contents');
    const certRef = (pdf.resolve(dss.get('Certs')) as PdfRef[])[0];
    assert.ok(certRef instanceof PdfRef);
    const certStream = pdf.stream(certRef.num);
    const sealPem = readFileSync(join(pki.dir, 'seal-rsa.pem'), 'latin1');
    assert.equal(
      Buffer.from(certStream?.data ?? []).toString('base64'),
      sealPem.replace(/-----[^-]+-----|\s/g, ''),
    );
    assert.match(pdftotext(file), /Page two/);
  });

  it('two sequential seals on a pdf-lib PDF are both valid', async () => {
    const once = await sealPdf(xrefStreamPdf, {
      signer: pki.rsaSigner,
      level: 'B-T',
      tsa: pki.tsa,
    });
    const twice = await sealPdf(once, { signer: pki.ecSigner, level: 'B-B' });
    assert.ok(startsWith(twice, once));
    const report = pdfsig(pki.nssDir, save('twice.pdf', twice));
    const blocks = report.split(/Signature #\d+:/).slice(1);
    assert.equal(blocks.length, 2);
    assert.match(blocks[0]!, /Signature Field Name: Signature1/);
    assert.match(blocks[0]!, /Not total document signed/);
    assert.match(blocks[1]!, /Signature Field Name: Signature2/);
    assert.match(blocks[1]!, /Total document signed/);
    for (const block of blocks) {
      assert.match(block, /Signature is Valid\./);
      assert.match(block, /Certificate is Trusted\./);
    }
  });

  it('seals a PDF written by another producer (cairo) and detects tampering', async () => {
    const src = save('src.pdf', classicPdf);
    const cairo = join(pki.dir, 'cairo.pdf');
    execFileSync('pdftocairo', ['-pdf', src, cairo]);
    const sealed = await sealPdf(new Uint8Array(readFileSync(cairo)), {
      signer: pki.rsaSigner,
      level: 'B-B',
    });
    const report = pdfsig(pki.nssDir, save('cairo-sealed.pdf', sealed));
    assert.match(report, /Total document signed/);
    assert.match(report, /Signature is Valid\./);

    const tampered = new Uint8Array(sealed);
    const at = Buffer.from(tampered).indexOf('Page two');
    assert.ok(at > 0 || Buffer.from(tampered).indexOf('/MediaBox') > 0);
    const pos = at > 0 ? at : Buffer.from(tampered).indexOf('/MediaBox') + 1;
    tampered[pos] = (tampered[pos] ?? 0) ^ 0x01;
    const bad = pdfsig(pki.nssDir, save('tampered.pdf', tampered));
    assert.doesNotMatch(bad, /Signature is Valid\./);
  });

  it('keeps an existing form: fields and page annotations are extended', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    doc.getForm().createTextField('recipient').addToPage(page, { x: 50, y: 600 });
    const sealed = await sealPdf(await doc.save(), { signer: pki.rsaSigner, level: 'B-B' });
    const report = pdfsig(pki.nssDir, save('form.pdf', sealed));
    assert.match(report, /Total document signed/);
    assert.match(report, /Signature is Valid\./);
    const reloaded = await PDFDocument.load(sealed);
    const names = reloaded
      .getForm()
      .getFields()
      .map((f) => f.getName());
    assert.deepEqual(names, ['recipient', 'Signature1']);
    assert.equal(reloaded.getPage(0).node.Annots()?.size(), 2);
  });

  it('rejects a missing TSA and non-PDF input', async () => {
    await assert.rejects(
      sealPdf(xrefStreamPdf, { signer: pki.rsaSigner, level: 'B-T' }),
      /TSA|time-stamping/,
    );
    await assert.rejects(
      sealPdf(new TextEncoder().encode('not a pdf'), { signer: pki.rsaSigner, level: 'B-B' }),
      PdfSyntaxError,
    );
  });

  it('is fast: ms per seal (local RSA signer; B-T with a canned token)', async () => {
    const [sig] = extractSignatures(
      await sealPdf(xrefStreamPdf, { signer: pki.rsaSigner, tsa: pki.tsa, level: 'B-T' }),
    );
    const canned = inspectCms(sig!.der).token!;
    const options: SealOptions = {
      signer: pki.rsaSigner,
      tsa: { timestamp: () => Promise.resolve(canned) },
      level: 'B-T',
    };
    const doc = await PDFDocument.load(xrefStreamPdf);
    await doc.attach(randomBytes(300_000), 'credential.bin', {
      mimeType: 'application/octet-stream',
    });
    const large = await doc.save();
    const n = 200;
    for (const pdf of [xrefStreamPdf, large])
      for (const level of ['B-B', 'B-T'] as const) {
        const start = performance.now();
        for (let i = 0; i < n; i++) await sealPdf(pdf, { ...options, level });
        const ms = (performance.now() - start) / n;
        console.log(`# ${level}: ${ms.toFixed(2)} ms per seal (${pdf.length}-byte PDF)`);
        assert.ok(ms < 20);
      }
  });
});
