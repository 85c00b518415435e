import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bakePng } from './bake-png.js';
import { extractFromPng } from './extract-from-png.js';
import {
  assertAkashiError,
  buildITxtData,
  buildTestPng,
  listChunks,
  readFixture,
  readFixtureText,
  UNICODE_CREDENTIAL,
} from './test-factories.js';

const UNBAKED = readFixture('validator/ob20/assets/robotics-badge.png');
const OB3_JSON = readFixtureText('validator/ob30/simple.json');
const OB3_JWT = readFixtureText('validator/ob30/simple.jwt').trim();
const OB2_HOSTED = readFixtureText('validator/ob20/basic-assertion.json');
const OB2_SIGNED = readFixtureText('validator/ob20/simple.jwt').trim();

const BADGE_KEYWORDS = new Set(['openbadgecredential', 'openbadges']);
const keywordOf = (data: Uint8Array): string =>
  new TextDecoder().decode(data.subarray(0, data.indexOf(0)));
const badgeChunks = (png: Uint8Array) =>
  listChunks(png).filter(
    (chunk) =>
      ['iTXt', 'tEXt', 'zTXt'].includes(chunk.type) && BADGE_KEYWORDS.has(keywordOf(chunk.data)),
  );

describe('bakePng', () => {
  const cases = [
    {
      name: 'OB 3.0 credential JSON',
      payload: OB3_JSON,
      generation: 'ob3',
      keyword: 'openbadgecredential',
    },
    { name: 'OB 3.0 VC-JWT', payload: OB3_JWT, generation: 'ob3', keyword: 'openbadgecredential' },
    {
      name: 'OB 2.0 hosted assertion',
      payload: OB2_HOSTED,
      generation: 'ob2',
      keyword: 'openbadges',
    },
    {
      name: 'OB 2.0 signed assertion',
      payload: OB2_SIGNED,
      generation: 'ob2',
      keyword: 'openbadges',
    },
  ] as const;

  for (const { name, payload, generation, keyword } of cases) {
    it(`round-trips an ${name}`, () => {
      const baked = bakePng(UNBAKED, payload, { generation });
      const result = extractFromPng(baked);
      assert.deepEqual(result, { imageType: 'png', generation, payload });
      const [chunk] = badgeChunks(baked);
      assert.equal(chunk?.type, 'iTXt');
      assert.equal(keywordOf(chunk.data), keyword);
    });
  }

  it('defaults to OB 3.0', () => {
    assert.equal(extractFromPng(bakePng(UNBAKED, OB3_JSON)).generation, 'ob3');
  });

  it('writes one uncompressed iTXt right before IEND, with empty language and translated keyword', () => {
    const baked = bakePng(UNBAKED, OB3_JWT);
    const chunks = listChunks(baked);
    assert.deepEqual(
      chunks.map((chunk) => chunk.type),
      ['IHDR', 'bKGD', 'pHYs', 'IDAT', 'iTXt', 'IEND'],
    );
    const expected = buildITxtData('openbadgecredential', new TextEncoder().encode(OB3_JWT));
    assert.deepEqual(chunks[4]?.data, expected);
  });

  it('keeps every CRC valid and the original chunks byte for byte', () => {
    const baked = bakePng(UNBAKED, UNICODE_CREDENTIAL);
    assert.ok(listChunks(baked).every((chunk) => chunk.crcOk));
    const original = listChunks(UNBAKED);
    const kept = listChunks(baked).filter((chunk) => chunk.type !== 'iTXt');
    assert.deepEqual(kept, original);
    const idat = (png: Uint8Array) =>
      listChunks(png)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data);
    assert.deepEqual(idat(baked), idat(UNBAKED));
    // Everything up to IEND is unchanged: the bake only inserts.
    assert.deepEqual(
      baked.subarray(0, UNBAKED.length - 12),
      UNBAKED.subarray(0, UNBAKED.length - 12),
    );
  });

  it('keeps Japanese, emoji, U+2028 and "]]>" byte for byte', () => {
    const result = extractFromPng(bakePng(UNBAKED, UNICODE_CREDENTIAL));
    assert.deepEqual(Buffer.from(result.payload, 'utf8'), Buffer.from(UNICODE_CREDENTIAL, 'utf8'));
  });

  it('replaces the badge when baked twice, across generations, leaving exactly one chunk', () => {
    const once = bakePng(UNBAKED, OB2_HOSTED, { generation: 'ob2' });
    const twice = bakePng(once, OB3_JWT);
    assert.equal(badgeChunks(twice).length, 1);
    assert.deepEqual(extractFromPng(twice), {
      imageType: 'png',
      generation: 'ob3',
      payload: OB3_JWT,
    });
    assert.deepEqual(twice, bakePng(UNBAKED, OB3_JWT));
  });

  it('re-bakes the 1EdTech validator sample, replacing its credential', () => {
    const fixture = readFixture('validator/ob30/simple-json.png');
    const baked = bakePng(fixture, OB3_JWT);
    assert.equal(badgeChunks(baked).length, 1);
    assert.equal(extractFromPng(baked).payload, OB3_JWT);
    assert.equal(listChunks(baked).filter((c) => c.type === 'tEXt').length, 2); // date chunks kept
  });

  it('removes a legacy tEXt openbadges URL and a compressed badge iTXt', () => {
    const legacy = buildTestPng({
      afterIhdr: [['tEXt', new TextEncoder().encode('openbadges\0https://example.org/a.json')]],
      beforeIend: [
        ['iTXt', buildITxtData('openbadges', Uint8Array.of(0x78, 0x9c, 3, 0, 0, 0, 0, 1), true)],
      ],
    });
    const baked = bakePng(legacy, OB3_JSON);
    assert.equal(badgeChunks(baked).length, 1);
    assert.equal(extractFromPng(baked).payload, OB3_JSON);
  });

  it('keeps unrelated text chunks and drops bytes after IEND', () => {
    const png = buildTestPng({
      afterIhdr: [['tEXt', new TextEncoder().encode('Software\0Akashi')]],
    });
    const withTrailer = Uint8Array.from([...png, 1, 2, 3]);
    const baked = bakePng(withTrailer, OB3_JWT);
    assert.deepEqual(
      listChunks(baked).map((chunk) => chunk.type),
      ['IHDR', 'tEXt', 'IDAT', 'iTXt', 'IEND'],
    );
  });

  it('refuses a payload that is neither JSON nor a compact JWS with a TypeError', () => {
    assert.throws(() => bakePng(UNBAKED, 'hello'), TypeError);
    assert.throws(() => bakePng(UNBAKED, ''), TypeError);
    assert.throws(() => bakePng(UNBAKED, '[1,2]'), TypeError);
    assert.throws(() => bakePng(UNBAKED, '{"a":"\uD800"}'), TypeError);
    assert.throws(() => bakePng(UNBAKED, OB3_JSON, { generation: 'ob4' as 'ob3' }), TypeError);
  });

  it('refuses a non-PNG, a corrupt PNG and an oversized PNG with specific codes', () => {
    assertAkashiError(() => bakePng(new Uint8Array(0), OB3_JWT), 'ERR_BAKE_NOT_IMAGE');
    assertAkashiError(
      () => bakePng(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), OB3_JWT),
      'ERR_BAKE_NOT_IMAGE',
    );
    assertAkashiError(
      () => bakePng(UNBAKED.subarray(0, 100), OB3_JWT),
      'ERR_BAKE_MALFORMED_PNG',
      /truncated/,
    );
    assertAkashiError(() => bakePng(UNBAKED, OB3_JWT, { maxBytes: 100 }), 'ERR_INPUT_TOO_LARGE');
  });
});
