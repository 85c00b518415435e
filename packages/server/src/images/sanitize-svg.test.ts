import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { findSvgDangers } from './find-svg-dangers.js';
import { rejectsWith } from './image-test-factories.js';
import { isSafeCssValue, sanitizeStyleAttribute, sanitizeStyleSheet } from './sanitize-css.js';
import { sanitizeSvg } from './sanitize-svg.js';

/** A badge as a designer would draw it, using every kind of element the sanitiser allows. */
const BADGE = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="512" height="512" viewBox="0 0 512 512">
  <title>データサイエンス基礎</title>
  <desc>Awarded for completing the course.</desc>
  <defs>
    <linearGradient id="gold" x1="0" y1="0" x2="1" y2="1" gradientUnits="objectBoundingBox">
      <stop offset="0" stop-color="#f5d76e"/>
      <stop offset="1" stop-color="#c49a2c" stop-opacity="0.9"/>
    </linearGradient>
    <radialGradient id="shine" xlink:href="#gold" cx="0.5" cy="0.4" r="0.6"/>
    <pattern id="dots" width="8" height="8" patternUnits="userSpaceOnUse">
      <circle cx="4" cy="4" r="1.5" fill="#ffffff" fill-opacity="0.3"/>
    </pattern>
    <clipPath id="round"><circle cx="256" cy="256" r="240"/></clipPath>
    <mask id="fade"><rect width="512" height="512" fill="white"/></mask>
    <filter id="shadow" x="-10%" y="-10%" width="120%" height="120%">
      <feDropShadow dx="0" dy="4" stdDeviation="6" flood-color="#000" flood-opacity="0.4"/>
    </filter>
    <marker id="tip" markerWidth="4" markerHeight="4" refX="2" refY="2" orient="auto">
      <path d="M0,0 L4,2 L0,4 z"/>
    </marker>
    <path id="arc" d="M 96 300 A 160 160 0 0 0 416 300"/>
    <symbol id="star" viewBox="0 0 10 10"><polygon points="5,0 6.5,3.5 10,4 7.5,6.5 8,10 5,8 2,10 2.5,6.5 0,4 3.5,3.5"/></symbol>
  </defs>
  <style>.ribbon { fill: url(#gold); stroke: #7a5c12 } .label{font-family:"Noto Sans JP",sans-serif;font-weight:700}</style>
  <g clip-path="url(#round)" mask="url(#fade)" filter="url(#shadow)" transform="rotate(-3 256 256)">
    <circle cx="256" cy="256" r="240" fill="url(#shine)"/>
    <rect width="512" height="512" fill="url(#dots)"/>
    <ellipse cx="256" cy="380" rx="120" ry="30" class="ribbon"/>
    <line x1="120" y1="420" x2="392" y2="420" stroke="#333" stroke-width="3" marker-end="url(#tip)"/>
    <polyline points="200,100 256,60 312,100" fill="none" stroke="#fff" style="stroke-linecap:round;stroke-width:6"/>
    <use xlink:href="#star" x="236" y="120" width="40" height="40"/>
  </g>
  <text x="256" y="270" text-anchor="middle" font-size="40" class="label" xml:space="preserve">データ <tspan fill="#7a5c12">基礎</tspan></text>
  <text font-size="20"><textPath xlink:href="#arc" startOffset="50%">Akashi University</textPath></text>
</svg>`;

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'text/xml');

/** Every element as `name[attribute=value …]: text`, in document order, for comparison. */
const describeTree = (svg: string): string[] => {
  const lines: string[] = [];
  const visit = (element: Element): void => {
    const attributes: string[] = [];
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i)!;
      if (attribute.name.startsWith('xmlns')) continue;
      const name = attribute.localName === 'href' ? 'href' : attribute.name;
      attributes.push(`${name}=${attribute.value.replace(/\s+/g, '')}`);
    }
    let text = '';
    for (let i = 0; i < element.childNodes.length; i++) {
      const child = element.childNodes.item(i)!;
      if (child.nodeType === 3) text += child.nodeValue?.trim() ?? '';
      if (child.nodeType === 1) visit(child as Element);
    }
    lines.push(`${element.localName ?? ''}[${attributes.sort().join(' ')}]: ${text}`);
  };
  visit(parse(svg).documentElement!);
  return lines;
};

describe('sanitizeSvg keeps benign drawings', () => {
  it('keeps every element, attribute and text of a designed badge', async () => {
    const result = await sanitizeSvg(BADGE);
    assert.deepEqual(result.removed, []);
    assert.deepEqual(findSvgDangers(result.svg), []);
    const before = describeTree(BADGE).filter((line) => !line.startsWith('style'));
    const after = describeTree(result.svg).filter((line) => !line.startsWith('style'));
    assert.deepEqual(after, before);
    assert.equal(result.width, 512);
    assert.equal(result.height, 512);
  });

  it('rebuilds the style sheet rule by rule', async () => {
    const { svg } = await sanitizeSvg(BADGE);
    assert.match(
      svg,
      /<style>\.ribbon\{fill:url\(#gold\);stroke:#7a5c12\}\n\.label\{font-family:"Noto Sans JP",sans-serif;font-weight:700\}<\/style>/,
    );
  });

  it('writes UTF-8 with an XML declaration, and is stable when sanitised again', async () => {
    const first = await sanitizeSvg(BADGE);
    assert.match(first.svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    assert.equal(Buffer.from(first.bytes).toString('utf8'), first.svg);
    const second = await sanitizeSvg(first.bytes);
    assert.equal(second.svg, first.svg);
    assert.deepEqual(second.removed, []);
  });

  it('reads Shift_JIS when the XML declaration says so', async () => {
    const head =
      '<?xml version="1.0" encoding="Shift_JIS"?><svg xmlns="http://www.w3.org/2000/svg"><text>';
    const bytes = Buffer.concat([
      Buffer.from(head),
      Buffer.of(0x8f, 0xd8),
      Buffer.from('</text></svg>'),
    ]);
    const result = await sanitizeSvg(bytes);
    assert.match(result.svg, /<text>証<\/text>/);
  });

  it('cleans an Illustrator export: DOCTYPE without subset, switch, foreignObject, i:pgf', async () => {
    const illustrator = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0 -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:x="http://ns.adobe.com/Extensibility/1.0/" xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/" x="0px" y="0px" width="200px" height="100px" viewBox="0 0 200 100" style="enable-background:new 0 0 200 100;" xml:space="preserve">
<switch><foreignObject requiredExtensions="http://ns.adobe.com/AdobeIllustrator/10.0/" x="0" y="0" width="1" height="1"><i:pgfRef xlink:href="#adobe_illustrator_pgf" xmlns:xlink="http://www.w3.org/1999/xlink"/></foreignObject>
<g i:extraneous="self"><rect x="10" y="10" class="st0" width="180" height="80"/></g></switch>
<i:pgf id="adobe_illustrator_pgf">eJzT0yMAAGTvBe8=</i:pgf>
</svg>`;
    const result = await sanitizeSvg(illustrator);
    assert.deepEqual(findSvgDangers(result.svg), []);
    assert.deepEqual(
      [...result.removed].sort(),
      ['<foreignObject>', '<i:pgf>', '@i:extraneous', '@version', 'css enable-background'].sort(),
    );
    assert.match(
      result.svg,
      /<switch><g><rect x="10" y="10" class="st0" width="180" height="80"\/><\/g><\/switch>/,
    );
    assert.equal(result.width, 200);
    assert.equal(result.height, 100);
  });

  it('cleans an Inkscape export: sodipodi and inkscape data, metadata, comments', async () => {
    const inkscape = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" viewBox="0 0 64 32" sodipodi:docname="badge.svg">
  <sodipodi:namedview id="base" inkscape:zoom="1"/>
  <metadata><rdf:RDF/></metadata>
  <!-- layer 1 -->
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1"><path d="M0 0h64v32H0z" style="fill:#336699;stroke:none"/></g>
</svg>`;
    const result = await sanitizeSvg(inkscape);
    assert.deepEqual(findSvgDangers(result.svg), []);
    assert.match(
      result.svg,
      /<g id="layer1"><path d="M0 0h64v32H0z" style="fill:#336699;stroke:none"\/><\/g>/,
    );
    assert.ok(result.removed.includes('<sodipodi:namedview>'));
    assert.ok(result.removed.includes('<metadata>'));
    assert.equal(result.width, 64);
    assert.equal(result.height, 32);
  });

  it('turns a link into a group, keeping what it draws', async () => {
    const result = await sanitizeSvg(
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.org"><rect width="5" height="5"/></a></svg>',
    );
    assert.match(result.svg, /<g><rect width="5" height="5"\/><\/g>/);
  });

  it('turns a link inside text into a span, keeping its words', async () => {
    const result = await sanitizeSvg(
      '<svg xmlns="http://www.w3.org/2000/svg"><text>Issued by <a href="https://example.org" fill="blue">Akashi</a></text></svg>',
    );
    assert.match(result.svg, /<text>Issued by <tspan fill="blue">Akashi<\/tspan><\/text>/);
  });
});

describe('sanitizeSvg limits', () => {
  it('refuses an SVG over maxBytes before parsing', async () => {
    await rejectsWith(sanitizeSvg(BADGE, { maxBytes: 1000 }), 'ERR_IMAGE_TOO_LARGE');
  });

  it('refuses bytes that are not valid UTF-8, or an unknown encoding', async () => {
    await rejectsWith(
      sanitizeSvg(
        Uint8Array.of(
          ...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>'),
          0xff,
          ...Buffer.from('</text></svg>'),
        ),
      ),
      'ERR_IMAGE_SVG_MALFORMED',
    );
    await rejectsWith(
      sanitizeSvg(
        Buffer.from(
          '<?xml version="1.0" encoding="x-klingon"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        ),
      ),
      'ERR_IMAGE_SVG_MALFORMED',
    );
  });

  it('refuses an svg root outside the SVG namespace as unsupported XML', async () => {
    const error = await rejectsWith(
      sanitizeSvg('<svg><rect/></svg>'),
      'ERR_IMAGE_UNSUPPORTED_TYPE',
    );
    assert.match(error.message, /XML \(root element svg\)/);
  });

  it('throws a TypeError for misuse', async () => {
    await assert.rejects(sanitizeSvg(42 as unknown as string), TypeError);
  });
});

describe('the CSS sanitiser', () => {
  it('accepts values that colour and place a drawing', () => {
    for (const value of [
      '#fff',
      'url(#a)',
      "url('#a')",
      'rgb(1, 2, 3)',
      '12px/1.5 "Noto Sans JP"',
      'translate(10px, 5px) rotate(45deg)',
      'calc(100% - 4px)',
      'none !important',
    ]) {
      assert.ok(isSafeCssValue(value), value);
    }
  });

  it('refuses values that load, run or hide something', () => {
    for (const value of [
      'url(https://x/y)',
      'url(//x)',
      'url( "x.svg#a" )',
      'URL(x)',
      'expression(alert(1))',
      '\\75rl(x)',
      'image-set("x.png" 1x)',
      'element(#a)',
      'a;b',
      '"unbalanced',
      'x</style>',
      'javascript:x',
    ]) {
      assert.ok(!isSafeCssValue(value), value);
    }
  });

  it('keeps allowed declarations of a style attribute and reports the rest', () => {
    const { css, removed } = sanitizeStyleAttribute(
      'fill: red; /* c */ cursor:url(x), auto; STROKE:#000;position:fixed',
    );
    assert.equal(css, 'fill:red;stroke:#000');
    assert.deepEqual(removed, ['css cursor', 'css position']);
  });

  it('drops at-rules, unsafe selectors and unbalanced sheets', () => {
    assert.deepEqual(
      sanitizeStyleSheet('@media print{.a{fill:red}} a[href^=x]{fill:red} .b{fill:blue}'),
      {
        css: '.b{fill:blue}',
        removed: ['css @media', 'css rule'],
      },
    );
    assert.deepEqual(sanitizeStyleSheet('.a{fill:red}} .b{fill:blue}'), {
      css: '.a{fill:red}',
      removed: ['css rule'],
    });
  });
});
