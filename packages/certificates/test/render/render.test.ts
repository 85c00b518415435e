/**
 * The built-in bilingual design, checked with poppler as the oracle: the text extracts (rare
 * name kanji included), the fonts are embedded subsets, the page is not blank, the badge image
 * and the QR code are where they should be, and the credential comes back out byte for byte.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import QRCode from 'qrcode';
import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import {
  extractEmbeddedCredentials,
  getDefaultTemplate,
  renderCertificate,
} from '../../src/render/index.js';
import {
  ACHIEVEMENT,
  ISSUER,
  NAME,
  VERIFY_URL,
  badgePng,
  countNonWhite,
  isDark,
  poppler,
  rasterise,
  sampleCredential,
} from './helpers.js';

const credential = new TextEncoder().encode(sampleCredential());
const assertion = new TextEncoder().encode(
  JSON.stringify({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: 'https://badges.example.ac.jp/assertions/1',
    recipient: { type: 'email', hashed: false, identity: 'sakiko@example.ac.jp' },
    badge: 'https://badges.example.ac.jp/badges/ds',
    issuedOn: '2025-04-01T00:00:00+09:00',
    verification: { type: 'hosted' },
  }),
);

const data = {
  credential,
  assertion,
  recipient: { name: NAME, nameKana: 'タカハシ サキコ', nameRomaji: 'TAKAHASHI Sakiko' },
  verificationUrl: VERIFY_URL,
  certificateNumber: 'DS-2025-000123',
  badgeImage: badgePng(),
};

describe('renderCertificate with the default bilingual design', () => {
  let pdf: Uint8Array;
  before(async () => {
    pdf = await renderCertificate({ data, now: new Date('2025-04-01T09:00:00+09:00') });
  });

  it('pdftotext finds the names, achievement, issuer and the 和暦 date', () => {
    const text = poppler('pdftotext', [], pdf);
    for (const s of [
      NAME,
      'タカハシ サキコ',
      'TAKAHASHI Sakiko',
      ISSUER,
      '修了証明書',
      '検証はこちら',
    ]) {
      assert.ok(text.includes(s), `missing ${s} in:\n${text}`);
    }
    // The achievement name may wrap inside the English sentence; the Japanese one keeps it whole.
    assert.ok(text.replace(/\s/g, '').includes(ACHIEVEMENT), text);
    assert.ok(text.includes('令和7年4月1日'), 'wareki issue date');
    assert.ok(text.includes('1 April 2025'), 'English issue date');
    assert.ok(text.includes('令和11年3月31日'), 'validUntil');
    assert.ok(text.includes('DS-2025-000123'));
  });

  it('embeds HarfBuzz subsets of Noto Sans JP (pdffonts)', () => {
    const out = poppler('pdffonts', [], pdf);
    const rows = out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    assert.ok(rows.length >= 2, out);
    for (const row of rows) {
      assert.match(
        row,
        /^[A-Z]{6}\+NotoSansJP-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/,
        out,
      );
    }
  });

  it('rasterises to a non-blank page (pdftoppm -r 50) with the badge drawn (pdfimages)', () => {
    const page = rasterise(pdf, 50);
    assert.equal(page.width, 585); // landscape A4 at 50 dpi
    const dark = countNonWhite(page);
    assert.ok(dark > 5000 && dark < page.width * page.height * 0.5, `${dark} non-white pixels`);
    const images = poppler('pdfimages', ['-list'], pdf);
    assert.match(images, /\n\s*1\s+0\s+image\s+96\s+96\s+rgb/, images);
    assert.match(images, /smask\s+96\s+96/, images);
  });

  it('draws the QR code of the verification URL, module for module', () => {
    const t = getDefaultTemplate();
    const qr = t.qr;
    assert.ok(qr !== undefined);
    const dpi = 216;
    const page = rasterise(pdf, dpi);
    const k = dpi / 72;
    const matrix = QRCode.create([{ data: Buffer.from(VERIFY_URL), mode: 'byte' }], {
      errorCorrectionLevel: 'M',
    }).modules;
    const n = matrix.size;
    const module = (qr.size * k) / (n + 8);
    let mismatches = 0;
    for (let r = -2; r < n + 2; r += 1) {
      for (let c = -2; c < n + 2; c += 1) {
        const expected = r >= 0 && c >= 0 && r < n && c < n && matrix.get(r, c) !== 0;
        const x = qr.x * k + (4 + c + 0.5) * module;
        const y = qr.y * k + (4 + r + 0.5) * module;
        if (isDark(page, x, y) !== expected) mismatches += 1;
      }
    }
    assert.equal(mismatches, 0);
  });

  it('embeds the credential and assertion as associated files that extract byte-identical', async () => {
    const files = await extractEmbeddedCredentials(pdf);
    const cred = files.get('credential.json');
    assert.ok(cred !== undefined, [...files.keys()].join());
    assert.deepEqual(Buffer.from(cred.bytes), Buffer.from(credential));
    assert.equal(cred.mimeType, 'application/ld+json');
    assert.equal(cred.afRelationship, 'Data');
    const ob2 = files.get('assertion.json');
    assert.ok(ob2 !== undefined);
    assert.deepEqual(Buffer.from(ob2.bytes), Buffer.from(assertion));
    const doc = await PDFDocument.load(pdf);
    assert.equal(doc.catalog.lookup(PDFName.of('AF'), PDFArray).size(), 2);
    // poppler sees them too.
    const listed = poppler('pdfdetach', ['-list'], pdf);
    assert.match(listed, /credential\.json/);
    assert.match(listed, /assertion\.json/);
  });

  it('carries XMP metadata and document info (pdfinfo)', () => {
    const info = poppler('pdfinfo', [], pdf);
    assert.match(info, new RegExp(`Title:\\s+${ACHIEVEMENT.replace(/[()（）]/g, '.')} — ${NAME}`));
    assert.match(info, /Author:\s+国立髙﨑大学/);
    assert.match(info, /Metadata Stream:\s+yes/);
    const xmp = poppler('pdfinfo', ['-meta'], pdf);
    assert.match(xmp, /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">データサイエンス基礎/);
    assert.match(xmp, /<xmp:CreateDate>2025-04-01T00:00:00Z<\/xmp:CreateDate>/);
  });

  it('renders fast (many certificates, different names)', async () => {
    const names = ['山田 太郎', '佐藤 花子', '渡邉 美咲', '齋藤 健太', '髙木 﨑人', '伊藤 さくら'];
    const render = (i: number): Promise<Uint8Array> =>
      renderCertificate({
        data: {
          ...data,
          recipient: {
            name: `${names[i % names.length] ?? ''}${'一二三四五六七八九十'[i % 10] ?? ''}`,
          },
          verificationUrl: `${VERIFY_URL}?n=${i}`,
        },
      });
    for (let i = 0; i < 40; i += 1) await render(i);
    const count = 200;
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < count; i += 1) await render(100 + i);
    const wall = (performance.now() - start) / count;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / count;
    console.log(
      `render: ${wall.toFixed(2)} ms/pdf wall, ${cpuMs.toFixed(2)} ms/pdf CPU (${count} PDFs)`,
    );
    assert.ok(cpuMs < 40, `${cpuMs} ms per render`);
  });
});
