import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { extractBaked } from './extract-baked.js';
import {
  assertAkashiError,
  buildITxtData,
  buildTestPng,
  readFixture,
  readFixtureText,
} from './test-factories.js';

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const SVG = 'http://www.w3.org/2000/svg';
const encode = (text: string) => new TextEncoder().encode(text);

describe('extractBaked from the 1EdTech validator samples', () => {
  for (const file of ['simple-json.png', 'simple-json.svg']) {
    it(`reads the OB 3.0 credential JSON with its proof from ${file}`, () => {
      const result = extractBaked(readFixture(`validator/ob30/${file}`));
      assert.equal(result.imageType, file.slice(-3));
      assert.equal(result.generation, 'ob3');
      const credential = JSON.parse(result.payload) as Record<string, unknown>;
      assert.ok(Array.isArray(credential.type) && credential.type.includes('OpenBadgeCredential'));
      assert.ok(Array.isArray(credential.proof) && credential.proof.length > 0);
      assert.equal(result.verifyUrl, undefined);
    });
  }

  for (const file of [
    'simple-jwt.png',
    'simple-jwt.svg',
    'simple-jwt_v1.png',
    'simple-jwt_v1.svg',
  ]) {
    it(`reads the OB 3.0 compact JWS from ${file}`, () => {
      const result = extractBaked(readFixture(`validator/ob30/${file}`));
      assert.equal(result.imageType, file.slice(-3));
      assert.equal(result.generation, 'ob3');
      assert.match(result.payload, COMPACT_JWS);
      assert.equal(result.payload.split('.').length, 3);
    });
  }

  it('reads the OB 2.0 iTXt "openbadges" assertion from simple-badge.png', () => {
    const result = extractBaked(readFixture('validator/ob20/simple-badge.png'));
    assert.equal(result.imageType, 'png');
    assert.equal(result.generation, 'ob2');
    const assertion = JSON.parse(result.payload) as Record<string, unknown>;
    assert.equal(assertion['@context'], 'https://w3id.org/openbadges/v2');
    assert.equal(assertion.type, 'Assertion');
  });

  it('reports an unbaked image as ERR_BAKE_NO_CREDENTIAL', () => {
    assertAkashiError(
      () => extractBaked(readFixture('validator/ob20/assets/robotics-badge.png')),
      'ERR_BAKE_NO_CREDENTIAL',
    );
  });
});

describe('extractBaked from PNG', () => {
  it('reads a compressed iTXt (flag 1)', () => {
    const json = readFixtureText('validator/ob30/simple.json');
    const png = buildTestPng({
      beforeIend: [['iTXt', buildITxtData('openbadgecredential', deflateSync(encode(json)), true)]],
    });
    assert.equal(extractBaked(png).payload, json);
  });

  it('refuses a compressed iTXt that inflates past the cap (decompression bomb)', () => {
    const bomb = deflateSync(new Uint8Array(8 * 1024 * 1024));
    const png = buildTestPng({ beforeIend: [['iTXt', buildITxtData('openbadges', bomb, true)]] });
    assertAkashiError(() => extractBaked(png, { maxBytes: 1024 * 1024 }), 'ERR_INPUT_TOO_LARGE');
  });

  it('refuses a compressed iTXt holding corrupt zlib data', () => {
    const png = buildTestPng({
      beforeIend: [['iTXt', buildITxtData('openbadges', encode('nope'), true)]],
    });
    assertAkashiError(() => extractBaked(png), 'ERR_BAKE_MALFORMED_PNG', /zlib/);
  });

  it('reads a legacy tEXt "openbadges" URL as OB 2.0 with verifyUrl', () => {
    const url = 'https://example.org/assertions/1.json';
    const png = buildTestPng({ afterIhdr: [['tEXt', encode(`openbadges\0${url}`)]] });
    assert.deepEqual(extractBaked(png), {
      imageType: 'png',
      generation: 'ob2',
      payload: url,
      verifyUrl: url,
    });
  });

  it('prefers the first badge iTXt, and any iTXt over a legacy tEXt', () => {
    const png = buildTestPng({
      afterIhdr: [
        ['tEXt', encode('openbadges\0https://example.org/old.json')],
        ['iTXt', buildITxtData('comment', encode('not a badge'))],
        ['iTXt', buildITxtData('openbadges', encode('{"first":true}'))],
      ],
      beforeIend: [['iTXt', buildITxtData('openbadgecredential', encode('{"second":true}'))]],
    });
    assert.deepEqual(extractBaked(png), {
      imageType: 'png',
      generation: 'ob2',
      payload: '{"first":true}',
    });
  });

  it('refuses an iTXt that is not UTF-8, cut short, or empty', () => {
    const bad = buildTestPng({
      beforeIend: [['iTXt', buildITxtData('openbadges', Uint8Array.of(0xc3, 0x28))]],
    });
    assertAkashiError(() => extractBaked(bad), 'ERR_BAKE_MALFORMED_PNG', /UTF-8/);
    const short = buildTestPng({ beforeIend: [['iTXt', encode('openbadges\0\0\0')]] });
    assertAkashiError(() => extractBaked(short), 'ERR_BAKE_MALFORMED_PNG', /cut short/);
    const empty = buildTestPng({
      beforeIend: [['iTXt', buildITxtData('openbadges', new Uint8Array(0))]],
    });
    assertAkashiError(() => extractBaked(empty), 'ERR_BAKE_NO_CREDENTIAL');
  });
});

describe('extractBaked from SVG', () => {
  const svg = (body: string, namespaces = '') =>
    encode(`<svg xmlns="${SVG}"${namespaces}>${body}</svg>`);

  it('matches by namespace URI and local name, not by prefix', () => {
    const image = svg(
      '<ob:credential><![CDATA[{"a":1}]]></ob:credential>',
      ' xmlns:ob="https://purl.imsglobal.org/ob/v3p0"',
    );
    assert.deepEqual(extractBaked(image), {
      imageType: 'svg',
      generation: 'ob3',
      payload: '{"a":1}',
    });
    const wrongNamespace = svg(
      '<openbadges:credential verify="a.b.c"/>',
      ' xmlns:openbadges="http://openbadges.org"',
    );
    assertAkashiError(() => extractBaked(wrongNamespace), 'ERR_BAKE_NO_CREDENTIAL');
  });

  it('reads an OB 2.0 hosted assertion that carries only its URL', () => {
    const url = 'https://example.org/a.json';
    const image = svg(
      `<openbadges:assertion verify="${url}"/>`,
      ' xmlns:openbadges="http://openbadges.org"',
    );
    assert.deepEqual(extractBaked(image), {
      imageType: 'svg',
      generation: 'ob2',
      payload: url,
      verifyUrl: url,
    });
  });

  it('decodes an SVG in the encoding its XML declaration names (Shift_JIS)', () => {
    const sjis = Uint8Array.from([
      ...encode(
        `<?xml version="1.0" encoding="Shift_JIS"?><svg xmlns="${SVG}" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[{"name":"`,
      ),
      0x93,
      0xfa,
      0x96,
      0x7b, // 日本 in Shift_JIS
      ...encode('"}]]></openbadges:credential></svg>'),
    ]);
    assert.equal(extractBaked(sjis).payload, '{"name":"日本"}');
  });

  it('reports an empty badge element as ERR_BAKE_NO_CREDENTIAL', () => {
    const image = svg(
      '<openbadges:credential>  </openbadges:credential>',
      ' xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"',
    );
    assertAkashiError(() => extractBaked(image), 'ERR_BAKE_NO_CREDENTIAL', /empty/);
  });
});
