import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bakePng, extractBaked } from '@akashi/core';
import { detectImage } from './detect-image.js';
import { buildPng, encodeText, listChunkTypes, rejectsWith } from './image-test-factories.js';
import { prepareBadgeImage } from './prepare-badge-image.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** The first bytes of files people upload instead of a PNG or an SVG. */
const OTHER_FORMATS: Record<string, Uint8Array> = {
  JPEG: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46),
  GIF: text('GIF89a\u0001\u0000\u0001\u0000'),
  WebP: Uint8Array.of(...text('RIFF'), 0x24, 0, 0, 0, ...text('WEBPVP8 ')),
  PDF: text('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
  HTML: text('<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>'),
  'HEIF/AVIF': Uint8Array.of(0, 0, 0, 0x1c, ...text('ftypavif')),
  BMP: text('BM\u0036\u0000'),
  'gzip (compressed SVG, .svgz, is not accepted)': Uint8Array.of(0x1f, 0x8b, 8, 0),
  'UTF-16 text': Uint8Array.of(0xff, 0xfe, 0x3c, 0, 0x73, 0),
  'an empty file': new Uint8Array(),
  'unknown data': text('hello, world'),
};

describe('detectImage', () => {
  it('recognises PNG (even cut short) and XML text as SVG candidates', () => {
    assert.deepEqual(detectImage(buildPng()), { type: 'png' });
    assert.deepEqual(detectImage(buildPng().subarray(0, 3)), { type: 'png' });
    for (const svg of [
      '<svg/>',
      '\uFEFF  <?xml version="1.0"?>\n<!-- made by hand --><svg/>',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>',
    ]) {
      assert.deepEqual(detectImage(text(svg)), { type: 'svg' }, svg);
    }
  });

  it('names every other format it sees', () => {
    for (const [format, bytes] of Object.entries(OTHER_FORMATS)) {
      assert.deepEqual(detectImage(bytes), { type: 'unsupported', format }, format);
    }
  });

  it('sees HTML behind an XML declaration or a comment', () => {
    assert.deepEqual(detectImage(text('<?xml version="1.0"?><!-- x --><html><body/></html>')), {
      type: 'unsupported',
      format: 'HTML',
    });
  });
});

describe('prepareBadgeImage', () => {
  it('cleans a PNG: metadata removed, size reported', async () => {
    const baked = bakePng(buildPng({ before: [encodeText('tEXt', 'Author', 'x')] }), '{"id":"x"}');
    const image = await prepareBadgeImage(baked, { filename: 'badge.png' });
    assert.equal(image.mediaType, 'image/png');
    assert.equal(image.width, 3);
    assert.equal(image.height, 2);
    assert.deepEqual([...image.removed].sort(), ['iTXt', 'tEXt']);
    assert.deepEqual(listChunkTypes(image.bytes), ['IHDR', 'IDAT', 'IEND']);
    assert.throws(() => extractBaked(image.bytes), { code: 'ERR_BAKE_NO_CREDENTIAL' });
  });

  it('sanitises an SVG, whatever its file name says', async () => {
    const image = await prepareBadgeImage(
      text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"><script>alert(1)</script></svg>',
      ),
      { filename: 'badge.png' },
    );
    assert.equal(image.mediaType, 'image/svg+xml');
    assert.deepEqual(image.removed, ['<script>']);
    assert.equal(image.width, 10);
    assert.equal(image.height, 20);
    assert.doesNotMatch(new TextDecoder().decode(image.bytes), /script/);
  });

  it('refuses every other format with ERR_IMAGE_UNSUPPORTED_TYPE, naming it', async () => {
    for (const [format, bytes] of Object.entries(OTHER_FORMATS)) {
      const error = await rejectsWith(prepareBadgeImage(bytes), 'ERR_IMAGE_UNSUPPORTED_TYPE');
      assert.equal(error.status, 415);
      assert.ok(error.message.includes(`(it looks like ${format})`), error.message);
      assert.ok(error.localized.ja.includes(format), error.localized.ja);
    }
  });

  it('quotes the extension of an unrecognised file, and only a plain one', async () => {
    const heic = await rejectsWith(
      prepareBadgeImage(text('????'), { filename: 'IMG_0001.HEIC' }),
      'ERR_IMAGE_UNSUPPORTED_TYPE',
    );
    assert.match(heic.message, /unknown data, named \.heic/);
    const odd = await rejectsWith(
      prepareBadgeImage(text('????'), { filename: 'x.<script>' }),
      'ERR_IMAGE_UNSUPPORTED_TYPE',
    );
    assert.match(odd.message, /\(it looks like unknown data\)/);
  });

  it('refuses an upload over maxBytes before looking at it', async () => {
    const error = await rejectsWith(
      prepareBadgeImage(new Uint8Array(3 * 1024 * 1024)),
      'ERR_IMAGE_TOO_LARGE',
    );
    assert.equal(error.status, 413);
    await rejectsWith(prepareBadgeImage(buildPng(), { maxBytes: 10 }), 'ERR_IMAGE_TOO_LARGE');
  });

  it('applies the pixel limits to a PNG and to PNGs inside an SVG', async () => {
    const png = buildPng({ width: 300, height: 10 });
    await rejectsWith(prepareBadgeImage(png, { maxWidth: 256 }), 'ERR_IMAGE_DIMENSIONS_TOO_LARGE');
    const svg = text(
      `<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`,
    );
    const image = await prepareBadgeImage(svg, { maxWidth: 256 });
    assert.deepEqual(image.removed, [
      '<image> (embedded PNG refused: ERR_IMAGE_DIMENSIONS_TOO_LARGE)',
    ]);
  });

  it('throws a TypeError for misuse', async () => {
    await assert.rejects(prepareBadgeImage('x' as unknown as Uint8Array), /"bytes"/);
  });
});
