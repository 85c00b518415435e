/**
 * A custom template: an uploaded TTF (one of the Noto files, passed as bytes), portrait Letter,
 * background and logo images, a badge from the credential's data: URI, custom fields, shrink to
 * fit, fields left out when a value is missing, and clear errors for missing glyphs and for
 * unsupported fonts and images.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  MissingGlyphsError,
  buildCertificateDocument,
  builtinFontPath,
  extractEmbeddedCredentials,
  renderCertificate,
  validateTemplate,
  type CertificateTemplate,
} from '../../src/render/index.js';
import {
  NAME,
  VERIFY_URL,
  badgePng,
  countNonWhite,
  poppler,
  rasterise,
  sampleCredential,
} from './helpers.js';

const uploaded = new Uint8Array(readFileSync(builtinFontPath('NotoSansJP-Medium')));

const template: CertificateTemplate = validateTemplate({
  version: 1,
  name: 'portrait test',
  page: { size: 'Letter', orientation: 'portrait' },
  background: { color: '#f4f8ff', image: 'paper' },
  dateStyle: 'ja',
  fonts: { body: { asset: 'myFont' }, title: { builtin: 'NotoSansJP-Black' } },
  images: [{ asset: 'logo', x: 40, y: 40, width: 80, height: 40, opacity: 0.8 }],
  badge: { x: 246, y: 520, width: 120, height: 120 },
  texts: [
    { text: '受講証明書', x: 0, y: 120, width: 612, font: 'title', size: 30, align: 'center' },
    {
      text: '{recipient.name} 様',
      x: 100,
      y: 200,
      width: 412,
      font: 'body',
      size: 60,
      align: 'right',
      maxLines: 1,
      minSize: 10,
    },
    { text: '学籍番号 {field.studentId}', x: 100, y: 300, width: 412, font: 'body', size: 12 },
    {
      text: '発行日 {issuedOn}／{issuedOn:wareki}',
      x: 100,
      y: 330,
      width: 412,
      font: 'body',
      size: 12,
    },
    {
      text: 'Not shown when absent: {achievement.humanCode}',
      x: 100,
      y: 360,
      font: 'body',
      size: 12,
    },
  ],
  qr: { x: 480, y: 660, size: 90, color: '#003366', errorCorrection: 'H' },
});

const credential = sampleCredential({
  image: {
    id: `data:image/png;base64,${Buffer.from(badgePng(64)).toString('base64')}`,
    type: 'Image',
  },
});

const assets = { myFont: uploaded, paper: badgePng(32), logo: badgePng(48) };
const data = {
  credential,
  recipient: { name: NAME },
  verificationUrl: VERIFY_URL,
  fields: { studentId: '0012345' },
};

describe('renderCertificate with a custom template and an uploaded font', () => {
  it('renders with the uploaded TTF embedded as a subset', async () => {
    const { document, warnings } = await buildCertificateDocument({ template, data, assets });
    assert.deepEqual(warnings, []);
    const pdf = await document.save();
    const text = poppler('pdftotext', [], pdf);
    assert.ok(text.includes(`${NAME} 様`), text);
    assert.ok(text.includes('学籍番号 0012345'), text);
    assert.ok(text.includes('発行日 2025年4月1日／令和7年4月1日'), text);
    assert.ok(!text.includes('Not shown when absent'), text);
    const fonts = poppler('pdffonts', [], pdf);
    assert.match(
      fonts,
      /[A-Z]{6}\+NotoSansJP-Medium\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/,
    );
    assert.match(fonts, /[A-Z]{6}\+NotoSansJP-Black\s+CID TrueType/);
    const page = rasterise(pdf, 50);
    assert.equal(page.width, 425); // portrait Letter at 50 dpi
    assert.ok(countNonWhite(page) > 3000);
    // background (stretched), logo, badge from the data: URI (each with its soft mask)
    const images = poppler('pdfimages', ['-list'], pdf);
    assert.match(images, /image\s+32\s+32\s+rgb/);
    assert.match(images, /image\s+48\s+48\s+rgb/);
    assert.match(images, /image\s+64\s+64\s+rgb/);
    const files = await extractEmbeddedCredentials(pdf);
    assert.equal(new TextDecoder().decode(files.get('credential.json')?.bytes), credential);
  });

  it('shrinks a name to fit its line', async () => {
    const longName = 'アレクサンドリア・髙橋・ヴィクトリア・エリザベス・﨑山';
    const { warnings, document } = await buildCertificateDocument({
      template,
      data: { ...data, recipient: { name: longName } },
      assets,
    });
    assert.deepEqual(warnings, []);
    const text = poppler('pdftotext', ['-layout'], await document.save());
    assert.ok(text.includes(`${longName} 様`), text);
  });

  it('refuses characters the font has no glyph for, naming them and the field', async () => {
    await assert.rejects(
      renderCertificate({ template, data: { ...data, recipient: { name: '丆山' } }, assets }),
      (error: unknown) =>
        error instanceof MissingGlyphsError &&
        error.field === 1 &&
        /丆 \(U\+4E06\)/.test(error.message),
    );
  });

  it('rejects WOFF fonts, SVG images and missing assets with clear errors', async () => {
    const woff = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 0, 0, 0]);
    await assert.rejects(
      renderCertificate({ template, data, assets: { ...assets, myFont: woff } }),
      /font "myFont" is WOFF2; upload the TTF or OTF/,
    );
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await assert.rejects(
      renderCertificate({ template, data: { ...data, badgeImage: svg }, assets }),
      /the badge image is SVG, which is not supported/,
    );
    await assert.rejects(
      renderCertificate({ template, data, assets: { myFont: uploaded, paper: badgePng(8) } }),
      /image asset "logo" was not provided/,
    );
  });
});
