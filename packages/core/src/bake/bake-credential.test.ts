import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AkashiError } from '../errors/akashi-error.js';
import { bakeCredential } from './bake-credential.js';
import { extractBaked } from './extract-baked.js';
import {
  assertAkashiError,
  createRandomBytes,
  readFixture,
  readFixtureText,
} from './test-factories.js';

const UNBAKED_PNG = readFixture('validator/ob20/assets/robotics-badge.png');
const BAKED_PNG = readFixture('validator/ob30/simple-jwt.png');
const BAKED_SVG = readFixture('validator/ob30/simple-json.svg');
const JWT = readFixtureText('validator/ob30/simple.jwt').trim();
const SVG = 'http://www.w3.org/2000/svg';
const encode = (text: string) => new TextEncoder().encode(text);

/** Both entry points must fail with the same AkashiError code on bad bytes. */
const assertBothRefuse = (
  image: Uint8Array,
  code: Parameters<typeof assertAkashiError>[1],
  message?: RegExp,
) => {
  assertAkashiError(() => extractBaked(image), code, message);
  assertAkashiError(() => bakeCredential(image, JWT), code, message);
};

/** Anything thrown must be an AkashiError; success is fine too. */
const assertOnlyAkashiErrors = (fn: () => unknown): void => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AkashiError, `unexpected ${String(error)}`);
  }
};

describe('bakeCredential', () => {
  it('tells PNG from SVG by content and returns the media type', () => {
    const png = bakeCredential(UNBAKED_PNG, JWT);
    assert.equal(png.imageType, 'png');
    assert.equal(png.mediaType, 'image/png');
    assert.equal(extractBaked(png.image).payload, JWT);
    const svg = bakeCredential(BAKED_SVG, JWT, { generation: 'ob2' });
    assert.equal(svg.imageType, 'svg');
    assert.equal(svg.mediaType, 'image/svg+xml');
    assert.deepEqual(extractBaked(svg.image), {
      imageType: 'svg',
      generation: 'ob2',
      payload: JWT,
    });
  });

  it('reads an SVG with a UTF-8 byte order mark and leading white space', () => {
    const svg = Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(`\n <svg xmlns="${SVG}"/>`)]);
    assert.equal(extractBaked(bakeCredential(svg, JWT).image).payload, JWT);
  });
});

describe('bad input never raises anything but a specific AkashiError', () => {
  it('empty bytes: ERR_BAKE_NOT_IMAGE', () => {
    assertBothRefuse(new Uint8Array(0), 'ERR_BAKE_NOT_IMAGE');
  });

  it('random bytes: ERR_BAKE_NOT_IMAGE', () => {
    const random = createRandomBytes(0x5eed)(4096);
    random[0] = 0x42; // neither PNG (0x89) nor XML (<)
    assertBothRefuse(random, 'ERR_BAKE_NOT_IMAGE');
    assertBothRefuse(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'ERR_BAKE_NOT_IMAGE', /JPEG/);
    assertBothRefuse(encode('GIF89a'), 'ERR_BAKE_NOT_IMAGE', /GIF/);
  });

  it('a PNG truncated at every byte: ERR_BAKE_MALFORMED_PNG', { timeout: 20_000 }, () => {
    for (const [png, step] of [
      [UNBAKED_PNG, 1],
      [BAKED_PNG, 97],
    ] as const) {
      for (let length = 1; length < png.length; length += step) {
        assertBothRefuse(png.subarray(0, length), 'ERR_BAKE_MALFORMED_PNG');
      }
    }
  });

  it('a bit-flipped CRC or chunk byte: ERR_BAKE_MALFORMED_PNG naming the chunk', () => {
    const crcFlipped = Uint8Array.from(BAKED_PNG);
    const iendCrc = crcFlipped.length - 1;
    crcFlipped[iendCrc]! ^= 0x01;
    assertBothRefuse(crcFlipped, 'ERR_BAKE_MALFORMED_PNG', /IEND .*CRC/);
    const dataFlipped = Uint8Array.from(BAKED_PNG);
    dataFlipped[200]! ^= 0x80; // inside the first IDAT
    assertBothRefuse(dataFlipped, 'ERR_BAKE_MALFORMED_PNG', /IDAT .*CRC/);
  });

  it('a PNG signature mangled by a text-mode transfer: ERR_BAKE_MALFORMED_PNG', () => {
    const mangled = Uint8Array.from([
      ...UNBAKED_PNG.subarray(0, 4),
      0x0a,
      ...UNBAKED_PNG.subarray(6),
    ]);
    assertBothRefuse(mangled, 'ERR_BAKE_MALFORMED_PNG', /signature/);
  });

  it('an SVG whose DOCTYPE declares entities: ERR_BAKE_XML_ENTITY_DECLARED', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<svg xmlns="${SVG}"><text>&lol9;</text></svg>`;
    assertBothRefuse(encode(laughs), 'ERR_BAKE_XML_ENTITY_DECLARED');
    const xxe = `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="${SVG}"><text>&xxe;</text></svg>`;
    assertBothRefuse(encode(xxe), 'ERR_BAKE_XML_ENTITY_DECLARED');
    const unused = `<!DOCTYPE svg [<!ENTITY % p SYSTEM "http://evil.example/x.dtd">]><svg xmlns="${SVG}"/>`;
    assertBothRefuse(encode(unused), 'ERR_BAKE_XML_ENTITY_DECLARED');
  });

  it('XML that is not SVG: ERR_BAKE_NOT_IMAGE', () => {
    assertBothRefuse(
      encode('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'),
      'ERR_BAKE_NOT_IMAGE',
      /root element/,
    );
    assertBothRefuse(encode('<svg width="1"/>'), 'ERR_BAKE_NOT_IMAGE'); // svg outside the SVG namespace
  });

  it('malformed XML: ERR_BAKE_MALFORMED_SVG', () => {
    for (const xml of [
      `<svg xmlns="${SVG}"><g></svg>`,
      `<svg xmlns="${SVG}"><g>`,
      `<svg xmlns="${SVG}"><x:g/></svg>`,
      `<svg xmlns="${SVG}"/><svg xmlns="${SVG}"/>`,
      `<svg xmlns="${SVG}" a="1" a="2"/>`,
      `<svg xmlns="${SVG}"><text>&nbsp;</text></svg>`,
      '<',
    ]) {
      assertBothRefuse(encode(xml), 'ERR_BAKE_MALFORMED_SVG');
    }
    assertBothRefuse(
      Uint8Array.from([...encode(`<svg xmlns="${SVG}">`), 0xff, ...encode('</svg>')]),
      'ERR_BAKE_MALFORMED_SVG',
      /UTF-8/,
    );
  });

  it('oversized input: ERR_INPUT_TOO_LARGE before any parsing', () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x20);
    big[0] = 0x3c;
    assertBothRefuse(big, 'ERR_INPUT_TOO_LARGE');
    big.set(UNBAKED_PNG.subarray(0, 8));
    assertBothRefuse(big, 'ERR_INPUT_TOO_LARGE');
  });

  it(
    'markup-dense SVG: ERR_INPUT_TOO_LARGE before parsing, and quickly',
    { timeout: 5_000 },
    () => {
      assertBothRefuse(
        encode(`<svg xmlns="${SVG}">${'<'.repeat(9_000_000)}</svg>`),
        'ERR_INPUT_TOO_LARGE',
        /markup/,
      );
      assertBothRefuse(
        encode(`<svg xmlns="${SVG}">${'<g/>'.repeat(100_000)}</svg>`),
        'ERR_INPUT_TOO_LARGE',
      );
      const scopes = 2_000;
      const nested = `<svg xmlns="${SVG}">${'<g xmlns:a="x">'.repeat(scopes)}${'</g>'.repeat(scopes)}</svg>`;
      assertBothRefuse(encode(nested), 'ERR_INPUT_TOO_LARGE', /namespace/);
    },
  );

  it('deeply nested SVG does not overflow the stack', { timeout: 20_000 }, () => {
    const depth = 45_000; // 90,000 tags: under MAX_SVG_MARKUP
    const deep = encode(`<svg xmlns="${SVG}">${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}</svg>`);
    assertAkashiError(() => extractBaked(deep), 'ERR_BAKE_NO_CREDENTIAL');
    assert.equal(extractBaked(bakeCredential(deep, JWT).image).payload, JWT);
  });

  it('random bytes and random corruption of baked images (fuzz)', { timeout: 30_000 }, () => {
    const random = createRandomBytes(20240601);
    for (let i = 0; i < 300; i++) {
      const bytes = random(1 + (random(1)[0]! % 64) * 8);
      assertOnlyAkashiErrors(() => extractBaked(bytes));
      assertOnlyAkashiErrors(() => bakeCredential(bytes, JWT));
    }
    const svg = bakeCredential(BAKED_SVG, JWT).image;
    for (const image of [UNBAKED_PNG, svg]) {
      for (let i = 0; i < 300; i++) {
        const mutated = Uint8Array.from(image);
        const [a, b, c] = random(3);
        mutated[((a! << 8) | b!) % mutated.length] = c!;
        assertOnlyAkashiErrors(() => extractBaked(mutated));
        assertOnlyAkashiErrors(() => bakeCredential(mutated, JWT));
      }
    }
  });
});
