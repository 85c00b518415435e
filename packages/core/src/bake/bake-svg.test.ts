import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, it } from 'node:test';
import { DOMParser, type Element, XMLSerializer } from '@xmldom/xmldom';
import { bakeSvg } from './bake-svg.js';
import { extractFromSvg } from './extract-from-svg.js';
import { assertAkashiError, readFixtureText, UNICODE_CREDENTIAL } from './test-factories.js';

const OB3 = 'https://purl.imsglobal.org/ob/v3p0';
const OB2 = 'http://openbadges.org';
const SVG = 'http://www.w3.org/2000/svg';

const OB3_JSON_CRLF = readFixtureText('validator/ob30/simple.json');
const OB3_JSON = JSON.stringify(JSON.parse(OB3_JSON_CRLF));
const OB3_JWT = readFixtureText('validator/ob30/simple.jwt').trim();
const OB2_HOSTED = readFixtureText('validator/ob20/basic-assertion.json');
const OB2_SIGNED = readFixtureText('validator/ob20/simple.jwt').trim();
const HOSTED_URL = 'https://example.org/beths-robotics-badge.json';

const UNBAKED = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100" viewBox="0 0 100 100">
  <title>Badge</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fc0"/></linearGradient></defs>
  <circle cx="50" cy="50" r="40" fill="url(#g)"/>
  <use xlink:href="#g"/>
  <text x="10" y="20">合格 &amp; ✓</text>
</svg>
`;

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const childElements = (element: Element): Element[] =>
  Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1);
const badgeElements = (xml: string) => {
  const document = parse(xml);
  return [
    ...Array.from(document.getElementsByTagNameNS(OB3, 'credential')),
    ...Array.from(document.getElementsByTagNameNS(OB2, 'assertion')),
  ];
};

describe('bakeSvg', () => {
  it('bakes OB 3.0 JSON as the first child of <svg>, in CDATA, with no verify attribute', () => {
    const baked = bakeSvg(UNBAKED, OB3_JSON);
    const root = parse(baked).documentElement!;
    assert.equal(root.getAttribute('xmlns:openbadges'), OB3);
    const first = root.firstChild as Element;
    assert.equal(first.namespaceURI, OB3);
    assert.equal(first.nodeName, 'openbadges:credential');
    assert.equal(first.hasAttribute('verify'), false);
    assert.ok(Array.from(first.childNodes).every((node) => node.nodeType === 4)); // CDATA only
    assert.deepEqual(extractFromSvg(baked), {
      imageType: 'svg',
      generation: 'ob3',
      payload: OB3_JSON,
    });
  });

  it('keeps JSON with CRLF line breaks equal as JSON (XML turns CRLF into LF)', () => {
    const { payload } = extractFromSvg(bakeSvg(UNBAKED, OB3_JSON_CRLF));
    assert.equal(payload, OB3_JSON_CRLF.replace(/\r\n/g, '\n').trim());
    assert.deepEqual(JSON.parse(payload), JSON.parse(OB3_JSON_CRLF));
  });

  it('bakes an OB 3.0 VC-JWT in verify with no body', () => {
    const baked = bakeSvg(UNBAKED, OB3_JWT);
    const [element] = badgeElements(baked);
    assert.equal(element?.getAttribute('verify'), OB3_JWT);
    assert.equal(element.childNodes.length, 0);
    assert.deepEqual(extractFromSvg(baked), {
      imageType: 'svg',
      generation: 'ob3',
      payload: OB3_JWT,
    });
  });

  it('bakes an OB 2.0 hosted assertion: URL in verify (from its id), JSON in CDATA', () => {
    const baked = bakeSvg(UNBAKED, OB2_HOSTED, { generation: 'ob2' });
    const [element] = badgeElements(baked);
    assert.equal(element?.namespaceURI, OB2);
    assert.equal(element.nodeName, 'openbadges:assertion');
    assert.equal(element.getAttribute('verify'), HOSTED_URL);
    assert.deepEqual(extractFromSvg(baked), {
      imageType: 'svg',
      generation: 'ob2',
      payload: OB2_HOSTED.trim(),
      verifyUrl: HOSTED_URL,
    });
  });

  it('uses options.verifyUrl for a hosted OB 2.0 assertion when given', () => {
    const verifyUrl = 'https://badges.example.jp/a/1?x=1&y=2';
    const baked = bakeSvg(UNBAKED, OB2_HOSTED, { generation: 'ob2', verifyUrl });
    assert.equal(extractFromSvg(baked).verifyUrl, verifyUrl);
    assert.throws(
      () => bakeSvg(UNBAKED, OB2_HOSTED, { generation: 'ob2', verifyUrl: 'ftp://x' }),
      TypeError,
    );
    assert.throws(() => bakeSvg(UNBAKED, '{"type":"Assertion"}', { generation: 'ob2' }), TypeError);
  });

  it('bakes an OB 2.0 signed assertion: JWS in verify, no body', () => {
    const baked = bakeSvg(UNBAKED, OB2_SIGNED, { generation: 'ob2' });
    const [element] = badgeElements(baked);
    assert.equal(element?.getAttribute('verify'), OB2_SIGNED);
    assert.equal(element.childNodes.length, 0);
    assert.deepEqual(extractFromSvg(baked), {
      imageType: 'svg',
      generation: 'ob2',
      payload: OB2_SIGNED,
    });
  });

  it('keeps Japanese, emoji, U+2028 and "]]>" byte for byte (split CDATA sections)', () => {
    const baked = bakeSvg(UNBAKED, UNICODE_CREDENTIAL);
    assert.ok(baked.includes(']]]]><![CDATA[>'));
    const { payload } = extractFromSvg(new TextEncoder().encode(baked));
    assert.deepEqual(Buffer.from(payload, 'utf8'), Buffer.from(UNICODE_CREDENTIAL, 'utf8'));
    assert.deepEqual(JSON.parse(payload), JSON.parse(UNICODE_CREDENTIAL));
  });

  it('replaces the badge when baked twice, across generations, leaving exactly one element', () => {
    const once = bakeSvg(UNBAKED, OB3_JSON);
    const twice = bakeSvg(once, OB2_SIGNED, { generation: 'ob2' });
    assert.equal(badgeElements(twice).length, 1);
    assert.equal(parse(twice).documentElement!.getAttribute('xmlns:openbadges'), OB2);
    assert.equal(extractFromSvg(twice).payload, OB2_SIGNED);
    assert.equal(bakeSvg(twice, OB3_JSON), once);
    // A naive string search agrees: one element.
    assert.equal(twice.split('<openbadges:').length - 1, 1);
  });

  it('re-bakes the 1EdTech validator sample, replacing its credential', () => {
    const fixture = readFixtureText('validator/ob30/simple-json.svg');
    const baked = bakeSvg(fixture, OB3_JWT);
    assert.equal(badgeElements(baked).length, 1);
    assert.equal(extractFromSvg(baked).payload, OB3_JWT);
    assert.match(baked, /^<\?xml version="1.0" encoding="utf-8"\?>\n<!DOCTYPE svg PUBLIC/);
  });

  it('preserves the original drawing elements', () => {
    const baked = bakeSvg(UNBAKED, UNICODE_CREDENTIAL);
    const serializer = new XMLSerializer();
    const drawing = (xml: string) =>
      childElements(parse(xml).documentElement!)
        .filter((element) => element.namespaceURI === SVG)
        .map((element) => serializer.serializeToString(element));
    assert.deepEqual(drawing(baked), drawing(UNBAKED));
    assert.equal(drawing(baked).length, 5);
    const root = parse(baked).documentElement!;
    assert.equal(root.getAttribute('viewBox'), '0 0 100 100');
    assert.equal(
      root.getAttributeNS('http://www.w3.org/2000/xmlns/', 'xlink'),
      'http://www.w3.org/1999/xlink',
    );
  });

  it('rewrites a non-UTF-8 encoding declaration, since the output is UTF-8', () => {
    const sjis = UNBAKED.replace('encoding="UTF-8"', "encoding='Shift_JIS'");
    const baked = bakeSvg(sjis, OB3_JWT);
    assert.match(baked, /^<\?xml version="1.0" encoding='UTF-8'\?>/);
  });

  it('refuses to re-point an openbadges prefix that the SVG uses for something else', () => {
    const svg = `<svg xmlns="${SVG}" xmlns:openbadges="urn:other"><openbadges:thing/></svg>`;
    assertAkashiError(() => bakeSvg(svg, OB3_JWT), 'ERR_BAKE_MALFORMED_SVG', /prefix/);
  });

  it('refuses payloads that XML cannot carry', () => {
    assert.throws(() => bakeSvg(UNBAKED, '{"a":"\uFFFE"}'), TypeError);
    assert.throws(() => bakeSvg(UNBAKED, 'not a credential'), TypeError);
  });

  it('refuses unsafe, malformed, non-SVG and oversized input with specific codes', () => {
    assertAkashiError(
      () => bakeSvg(`<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="${SVG}">&a;</svg>`, OB3_JWT),
      'ERR_BAKE_XML_ENTITY_DECLARED',
    );
    assertAkashiError(
      () => bakeSvg(`<svg xmlns="${SVG}"><g></svg>`, OB3_JWT),
      'ERR_BAKE_MALFORMED_SVG',
    );
    assertAkashiError(() => bakeSvg('<svg><g/></svg>', OB3_JWT), 'ERR_BAKE_NOT_IMAGE'); // no namespace
    assertAkashiError(() => bakeSvg(UNBAKED, OB3_JWT, { maxBytes: 64 }), 'ERR_INPUT_TOO_LARGE');
  });
});
