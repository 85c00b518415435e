import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { bakePng, extractBaked } from '@akashi/core';
import {
  buildPng,
  buildScanlines,
  concat,
  decodeWithPngjs,
  encodeChunk,
  encodeHeader,
  encodePalette,
  encodeText,
  listChunkTypes,
  rejectsWith,
  SIGNATURE,
} from './image-test-factories.js';
import { validatePng } from './validate-png.js';

const EMPTY = new Uint8Array();

/** A minimal ICC profile: the declared size, the `acsp` signature, no tags. */
const buildIccProfile = (): Uint8Array => {
  const profile = new Uint8Array(132);
  new DataView(profile.buffer).setUint32(0, profile.length);
  profile.set(new TextEncoder().encode('acsp'), 36);
  return profile;
};

const encodeIcc = (profile: Uint8Array): Uint8Array =>
  encodeChunk(
    'iCCP',
    concat(new TextEncoder().encode('P3\0'), Uint8Array.of(0), deflateSync(profile)),
  );

describe('validatePng accepts real images and keeps their pixels', () => {
  const cases = [
    { name: 'RGBA 8-bit', options: {} },
    { name: 'RGB 16-bit', options: { colourType: 2, bitDepth: 16 } },
    { name: 'greyscale 1-bit', options: { colourType: 0, bitDepth: 1, width: 13, height: 5 } },
    { name: 'grey + alpha', options: { colourType: 4, bitDepth: 8 } },
    {
      name: 'indexed 4-bit with tRNS',
      options: {
        colourType: 3,
        bitDepth: 4,
        width: 5,
        before: [encodePalette(4), encodeChunk('tRNS', Uint8Array.of(0, 255))],
      },
    },
    { name: 'Adam7-interlaced', options: { interlaced: true, width: 11, height: 9 } },
    { name: 'Adam7, 1 × 1', options: { interlaced: true, width: 1, height: 1 } },
  ];
  for (const { name, options } of cases) {
    it(`returns a ${name} PNG that decodes to the same pixels`, async () => {
      const png = buildPng(options);
      const result = await validatePng(png);
      assert.equal(result.width, options.width ?? 3);
      assert.equal(result.height, options.height ?? 2);
      assert.deepEqual(result.removed, []);
      assert.deepEqual(result.bytes, png);
      assert.deepEqual(decodeWithPngjs(result.bytes).data, decodeWithPngjs(png).data);
    });
  }

  it('keeps the colour chunks (gAMA, cHRM, pHYs, sBIT, iCCP) in their place', async () => {
    const png = buildPng({
      before: [
        encodeChunk('gAMA', Uint8Array.of(0, 0, 0xb1, 0x8f)),
        encodeChunk('cHRM', new Uint8Array(32)),
        encodeIcc(buildIccProfile()),
        encodeChunk('sBIT', Uint8Array.of(8, 8, 8, 8)),
        encodeChunk('pHYs', Uint8Array.of(0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1)),
      ],
    });
    const result = await validatePng(png);
    assert.deepEqual(listChunkTypes(result.bytes), [
      'IHDR',
      'gAMA',
      'cHRM',
      'iCCP',
      'sBIT',
      'pHYs',
      'IDAT',
      'IEND',
    ]);
  });
});

describe('validatePng strips what could carry a payload', () => {
  it('removes a credential baked with core bakePng: the extractor finds nothing', async () => {
    const baked = bakePng(buildPng(), JSON.stringify({ id: 'urn:uuid:1', type: ['X'] }));
    assert.equal(extractBaked(baked).generation, 'ob3');
    const result = await validatePng(baked);
    assert.deepEqual(result.removed, ['iTXt']);
    assert.deepEqual(listChunkTypes(result.bytes), ['IHDR', 'IDAT', 'IEND']);
    assert.throws(() => extractBaked(result.bytes), { code: 'ERR_BAKE_NO_CREDENTIAL' });
  });

  it('removes text, EXIF, animation and unknown chunks, and bytes after IEND', async () => {
    const png = concat(
      buildPng({
        before: [
          encodeText('tEXt', 'openbadges', 'https://example.org/assertion'),
          encodeText('zTXt', 'Comment', 'x'.repeat(1000)),
          encodeChunk('eXIf', Uint8Array.of(0x4d, 0x4d, 0, 42)),
          encodeChunk('acTL', new Uint8Array(8)),
          encodeChunk('prVt', new Uint8Array(4)),
        ],
        after: [
          encodeText('iTXt', 'openbadgecredential', '{}'),
          encodeChunk('fdAT', new Uint8Array(8)),
        ],
      }),
      new TextEncoder().encode('<html><script>alert(1)</script>'),
    );
    const result = await validatePng(png);
    assert.deepEqual(listChunkTypes(result.bytes), ['IHDR', 'IDAT', 'IEND']);
    assert.deepEqual(
      [...result.removed].sort(),
      ['acTL', 'data after IEND', 'eXIf', 'fdAT', 'iTXt', 'prVt', 'tEXt', 'zTXt'].sort(),
    );
  });

  it('removes misplaced, repeated and ill-formed colour chunks, and iCCP beside sRGB', async () => {
    const result = await validatePng(
      buildPng({
        before: [
          encodeChunk('sRGB', Uint8Array.of(0)),
          encodeChunk('sRGB', Uint8Array.of(1)),
          encodeIcc(buildIccProfile()),
          encodeChunk('gAMA', Uint8Array.of(0, 0, 0)),
          encodeChunk('tRNS', Uint8Array.of(0, 0)), // RGBA images have no tRNS
        ],
        after: [encodeChunk('pHYs', new Uint8Array(9))],
      }),
    );
    assert.deepEqual(listChunkTypes(result.bytes), ['IHDR', 'sRGB', 'IDAT', 'IEND']);
    assert.deepEqual([...result.removed].sort(), ['gAMA', 'iCCP', 'pHYs', 'sRGB', 'tRNS']);
  });

  it('removes an iCCP chunk that is not an ICC profile, or inflates past 1 MiB', async () => {
    for (const profile of [new Uint8Array(200), new Uint8Array(2 * 1024 * 1024)]) {
      const result = await validatePng(buildPng({ before: [encodeIcc(profile)] }));
      assert.deepEqual(result.removed, ['iCCP']);
    }
  });
});

describe('validatePng refuses damaged PNGs with ERR_IMAGE_PNG_MALFORMED', () => {
  const png = buildPng();
  const broken: Record<string, Uint8Array> = {
    'a wrong signature': concat(
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x0a),
      png.subarray(7),
    ),
    'a truncated signature': png.subarray(0, 5),
    'a file cut inside IDAT': png.subarray(0, png.length - 20),
    'a file without IEND': png.subarray(0, png.length - 12),
    'a CRC mismatch': concat(
      SIGNATURE,
      encodeChunk('IHDR', encodeHeader(3, 2), true),
      png.subarray(33),
    ),
    'no IDAT': concat(SIGNATURE, png.subarray(8, 33), encodeChunk('IEND', EMPTY)),
    'bit depth 3': buildPng({ bitDepth: 3 }),
    'a 4-bit truecolour image': buildPng({ colourType: 2, bitDepth: 4 }),
    'colour type 5': buildPng({ colourType: 5 }),
    'zero width': concat(SIGNATURE, encodeChunk('IHDR', encodeHeader(0, 2)), png.subarray(33)),
    'an unknown critical chunk': buildPng({ before: [encodeChunk('CRIT', EMPTY)] }),
    'an indexed image without PLTE': buildPng({ colourType: 3 }),
    'a PLTE in a greyscale image': buildPng({ colourType: 0, before: [encodePalette(2)] }),
    'a palette too large for the bit depth': buildPng({
      colourType: 3,
      bitDepth: 1,
      before: [encodePalette(3)],
    }),
    'IDAT chunks that are not consecutive': buildPng({
      after: [encodeText('tEXt', 'a', 'b'), encodeChunk('IDAT', deflateSync(EMPTY))],
    }),
    'image data that is not zlib': buildPng({ idat: new Uint8Array(40) }),
    'image data one scanline short': buildPng({
      idat: deflateSync(
        buildScanlines({ width: 3, height: 1, bitDepth: 8, colourType: 6, interlaced: false }),
      ),
    }),
    'an undefined filter type': buildPng({
      idat: deflateSync(Uint8Array.of(5, ...new Uint8Array(12), 0, ...new Uint8Array(12))),
    }),
    'bytes after the zlib stream': buildPng({
      idat: concat(deflateSync(new Uint8Array(26)), new TextEncoder().encode('payload')),
    }),
    'non-interlaced data under an interlaced header': buildPng({
      interlaced: true,
      width: 11,
      height: 9,
      idat: deflateSync(
        buildScanlines({ width: 11, height: 9, bitDepth: 8, colourType: 6, interlaced: false }),
      ),
    }),
  };
  for (const [name, bytes] of Object.entries(broken)) {
    it(`refuses ${name}`, async () => {
      await rejectsWith(validatePng(bytes), 'ERR_IMAGE_PNG_MALFORMED');
    });
  }
});

describe('validatePng refuses decompression bombs quickly', () => {
  it('refuses a 10,000 × 10,000 image from its header, without inflating it', async () => {
    const bomb = buildPng({
      width: 10_000,
      height: 10_000,
      idat: deflateSync(new Uint8Array(10_000)),
    });
    const started = performance.now();
    const error = await rejectsWith(validatePng(bomb), 'ERR_IMAGE_DIMENSIONS_TOO_LARGE');
    assert.ok(performance.now() - started < 50);
    assert.match(error.message, /10000 × 10000 pixels; the largest accepted is 4096 × 4096/);
  });

  it('refuses image data that inflates far past its header, stopping at the declared length', async () => {
    // 1024 × 1024 greyscale 1-bit declares 132 KiB; the data inflates to 64 MiB of zeros.
    const idat = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    assert.ok(idat.length < 100_000);
    const started = performance.now();
    const error = await rejectsWith(
      validatePng(buildPng({ width: 1024, height: 1024, colourType: 0, bitDepth: 1, idat })),
      'ERR_IMAGE_PNG_MALFORMED',
    );
    assert.ok(performance.now() - started < 100);
    assert.match((error.cause as Error).message, /inflates past the 132096 bytes/);
  });

  it('refuses an image whose decoded raster is over maxDecodedBytes', async () => {
    const png = buildPng({ width: 600, height: 600, idat: deflateSync(EMPTY) });
    const error = await rejectsWith(
      validatePng(png, { maxDecodedBytes: 1_000_000 }),
      'ERR_IMAGE_DECODED_TOO_LARGE',
    );
    assert.match(error.message, /1440000 bytes, over the limit of 1000000/);
  });

  it('refuses a file over maxBytes before reading it, with ERR_IMAGE_TOO_LARGE', async () => {
    await rejectsWith(validatePng(buildPng(), { maxBytes: 50 }), 'ERR_IMAGE_TOO_LARGE');
  });

  it('throws a TypeError for misuse', async () => {
    await assert.rejects(validatePng('png' as unknown as Uint8Array), TypeError);
    await assert.rejects(validatePng(buildPng(), { maxWidth: 0 }), /options\.maxWidth/);
  });
});
