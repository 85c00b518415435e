/**
 * Test support: the dangers left in an SVG, found by parsing it again and walking the DOM — a
 * deny-list check written apart from the sanitiser's allow-lists, so that the two do not share
 * a blind spot. An empty list means: well-formed XML, SVG elements only, no script, event
 * attribute, external or `javascript:` reference, foreign content, animation, link, DOCTYPE,
 * processing instruction, or CSS that loads anything.
 */
import { DOMParser, type Attr, type Element, type Node } from '@xmldom/xmldom';

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const XML = 'http://www.w3.org/XML/1998/namespace';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

const DANGEROUS_ELEMENTS = new Set([
  'script',
  'foreignObject',
  'iframe',
  'embed',
  'object',
  'a',
  'animate',
  'set',
  'animateMotion',
  'animateTransform',
  'animateColor',
  'discard',
  'handler',
  'listener',
  'feImage',
  'video',
  'audio',
  'canvas',
  'metadata',
  'cursor',
]);

/** A value with spaces and controls removed, lower-cased: what a lenient URL parser sees. */
const squeeze = (value: string): string => value.replace(/[\s\p{Cc}]+/gu, '').toLowerCase();

const findValueDangers = (where: string, value: string): string[] => {
  const squeezed = squeeze(value);
  const dangers: string[] = [];
  for (const word of [
    'javascript:',
    'vbscript:',
    '@import',
    'expression(',
    'behavior',
    'binding',
  ]) {
    if (squeezed.includes(word)) dangers.push(`${where}: ${word}`);
  }
  if (squeezed.includes('\\')) dangers.push(`${where}: CSS escape`);
  for (const match of squeezed.matchAll(/url\(/g)) {
    const rest = squeezed.slice(match.index + 4);
    if (!/^['"]?#/.test(rest)) dangers.push(`${where}: url() to another document`);
  }
  return dangers;
};

const findAttributeDangers = (element: Element, attribute: Attr): string[] => {
  const where = `<${element.nodeName} ${attribute.name}>`;
  const { namespaceURI: ns, localName, value } = attribute;
  if (ns === XMLNS || attribute.name === 'xmlns') return [];
  if (ns !== null && ns !== XLINK && ns !== XML) return [`${where}: foreign namespace ${ns}`];
  if (ns === XML && localName !== 'space' && localName !== 'lang') return [`${where}: xml:*`];
  if (/^on/i.test(localName ?? '')) return [`${where}: event handler`];
  if (localName === 'href') {
    const embeddedPng = element.localName === 'image' && value.startsWith('data:image/png;base64,');
    if (!value.startsWith('#') && !embeddedPng)
      return [`${where}: reference ${value.slice(0, 40)}`];
    return embeddedPng ? [] : findValueDangers(where, value);
  }
  return findValueDangers(where, value);
};

/** Lists every danger in `svg` (empty: clean). Throws when it is not well-formed XML. */
export const findSvgDangers = (svg: string): string[] => {
  const document = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'text/xml');
  const dangers: string[] = [];
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(svg)) {
    dangers.push('a character XML does not allow');
  }
  if (document.doctype !== null) dangers.push('DOCTYPE');
  const stack: Node[] = [document];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes.item(i);
      if (child !== null) stack.push(child);
    }
    if (node.nodeType === 7 && node.nodeName !== 'xml') dangers.push(`<?${node.nodeName}?>`);
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.namespaceURI !== SVG) dangers.push(`foreign element ${element.nodeName}`);
    if (DANGEROUS_ELEMENTS.has(element.localName ?? '')) dangers.push(`<${element.nodeName}>`);
    if (element.localName === 'style') {
      const css = element.textContent ?? '';
      if (css.includes('<')) dangers.push('<style>: markup in a style sheet');
      dangers.push(...findValueDangers('<style>', css));
    }
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i);
      if (attribute !== null) dangers.push(...findAttributeDangers(element, attribute));
    }
  }
  return dangers;
};
