/**
 * Sanitises an uploaded SVG by rebuilding it: the upload is parsed (`parse-svg-document.ts`),
 * then a new document is written holding only allow-listed elements and attributes
 * (`svg-allow-list.ts`) with checked values. Nothing is copied by default, so what an attacker
 * invents (a new event attribute, a namespace trick, a vendor extension) is simply not written.
 */
import { Buffer } from 'node:buffer';
import {
  DOMImplementation,
  XMLSerializer,
  type CharacterData,
  type Document,
  type Element,
} from '@xmldom/xmldom';
import { isServerError } from '../http/server-error.js';
import { countRenderedElements } from './count-rendered-elements.js';
import { DEFAULT_IMAGE_MAX_BYTES, readLimit } from './image-limits.js';
import { malformedSvg, parseSvgDocument, SVG_NAMESPACE, tooComplex } from './parse-svg-document.js';
import { isSafeCssValue, sanitizeStyleAttribute, sanitizeStyleSheet } from './sanitize-css.js';
import {
  CSS_PROPERTIES,
  HREF_ELEMENTS,
  SVG_ATTRIBUTES,
  SVG_ELEMENTS,
  TEXT_ELEMENTS,
} from './svg-allow-list.js';
import { validatePng, type ValidatePngOptions } from './validate-png.js';

const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const [ELEMENT_NODE, TEXT_NODE, CDATA_SECTION_NODE, PROCESSING_INSTRUCTION_NODE] = [1, 3, 4, 7];

/** Deepest element nesting accepted (design tools stay far below). */
export const MAX_SVG_DEPTH = 256;
/** Most elements drawn once every `<use>` is expanded (`count-rendered-elements.ts`). */
export const MAX_SVG_RENDERED_ELEMENTS = 100_000;
/** Most embedded PNGs (each is inflated to be checked). */
export const MAX_SVG_EMBEDDED_IMAGES = 16;

export interface SanitizeSvgOptions {
  /** Largest SVG accepted, in bytes (default 2 MiB); embedded PNGs count within it. */
  readonly maxBytes?: number;
  /** Limits on the dimensions and decoded size of embedded PNGs (as for `validatePng`). */
  readonly png?: Omit<ValidatePngOptions, 'maxBytes'>;
}

export interface SanitizeSvgResult {
  /** The sanitised SVG, with an XML declaration. */
  readonly svg: string;
  /** `svg` in UTF-8. */
  readonly bytes: Uint8Array;
  /** From the root's `width`/`height` (user units or px), else its `viewBox`; else undefined. */
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** What was removed, once each: `<script>`, `@onload`, `@href`, `css @import`, `<?…?>`… */
  readonly removed: readonly string[];
}

/** Elements whose children are text content, where `a` becomes `tspan` instead of `g`. */
const INSIDE_TEXT: ReadonlySet<string> = new Set(['text', 'tspan', 'textPath']);

/** A same-document reference, `#id`. */
const FRAGMENT = /^#[\p{L}\p{N}_.-]+$/u;
const EMBEDDED_PNG = /^data:image\/png;base64,([A-Za-z0-9+/\s]*={0,2})$/i;

/** Schemes and CSS tricks refused in any attribute value, after removing spaces and controls. */
const DANGEROUS_VALUE = /(?:java|vb)script:|data:|expression\(|@import|-moz-binding|behavior:/;

/** Whether an allow-listed attribute's value is safe to copy. */
const isSafeAttributeValue = (name: string, value: string): boolean => {
  if (CSS_PROPERTIES.has(name)) return isSafeCssValue(value);
  const squeezed = value.replace(/[\s\p{Cc}]+/gu, '').toLowerCase();
  return !DANGEROUS_VALUE.test(squeezed) && !squeezed.includes('url(');
};

/** A character outside XML 1.0's `Char` production (§2.2): controls, U+FFFE/FFFF, lone surrogates. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Returns `value` if every character may appear in XML. xmldom lets character references such as
 * `&#1;` through, which would make the output ill-formed for every strict parser (browsers).
 */
const checkXmlChars = (value: string): string => {
  const bad = NOT_XML_CHAR.exec(value)?.[0];
  if (bad === undefined) return value;
  const code = (bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  throw malformedSvg(`U+${code} is not a character XML allows`);
};

/** A short, bounded name for the `removed` list (never the value itself). */
const describe = (prefix: string, name: string): string =>
  `${prefix}${name.length > 64 ? `${name.slice(0, 64)}…` : name}`;

interface Rebuild {
  readonly document: Document;
  readonly removed: Set<string>;
  readonly maxBytes: number;
  readonly png: Omit<ValidatePngOptions, 'maxBytes'>;
  embeddedImages: number;
}

/** Validates an embedded PNG and returns it re-encoded (cleaned), or undefined to drop it. */
const sanitizeEmbeddedPng = async (href: string, rebuild: Rebuild): Promise<string | undefined> => {
  const base64 = EMBEDDED_PNG.exec(href)?.[1];
  if (base64 === undefined) {
    rebuild.removed.add('<image> (not an embedded PNG)');
    return undefined;
  }
  if (++rebuild.embeddedImages > MAX_SVG_EMBEDDED_IMAGES) {
    throw tooComplex(`more than ${MAX_SVG_EMBEDDED_IMAGES} embedded PNGs`);
  }
  try {
    const png = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
    const clean = await validatePng(png, { ...rebuild.png, maxBytes: rebuild.maxBytes });
    for (const chunk of clean.removed) rebuild.removed.add(`embedded PNG ${chunk}`);
    return `data:image/png;base64,${Buffer.from(clean.bytes).toString('base64')}`;
  } catch (error) {
    if (!isServerError(error)) throw error;
    rebuild.removed.add(`<image> (embedded PNG refused: ${error.code})`);
    return undefined;
  }
};

/**
 * Copies the allowed attributes of `source` onto `target`. Returns false when the element must
 * go (an `image` without an acceptable embedded PNG).
 */
const copyAttributes = async (
  source: Element,
  target: Element,
  rebuild: Rebuild,
): Promise<boolean> => {
  const { removed } = rebuild;
  const element = target.localName ?? '';
  let href: string | undefined;
  let plainHref = false;
  for (let i = 0; i < source.attributes.length; i++) {
    const attribute = source.attributes.item(i);
    if (attribute === null) continue;
    const { namespaceURI: ns, localName, name } = attribute;
    const value = checkXmlChars(attribute.value);
    if (name === 'xmlns' || ns === XMLNS_NAMESPACE) continue;
    if (localName === 'href' && (ns === null || ns === XLINK_NAMESPACE)) {
      if (ns === null || !plainHref) href = value.trim(); // SVG 2: plain href wins
      plainHref ||= ns === null;
    } else if (ns === XML_NAMESPACE && (localName === 'space' || localName === 'lang')) {
      if (/^[A-Za-z0-9-]{0,35}$/.test(value)) target.setAttributeNS(XML_NAMESPACE, name, value);
    } else if (ns !== null || localName === null) {
      removed.add(describe('@', name));
    } else if (/^on/i.test(localName)) {
      removed.add(describe('@', localName));
    } else if (localName === 'style') {
      const style = sanitizeStyleAttribute(value);
      for (const item of style.removed) removed.add(item);
      if (style.css !== '') target.setAttribute('style', style.css);
    } else if (!SVG_ATTRIBUTES.has(localName) || !isSafeAttributeValue(localName, value)) {
      removed.add(describe('@', localName));
    } else {
      target.setAttribute(localName, value);
    }
  }
  if (element === 'image') {
    const data = href === undefined ? undefined : await sanitizeEmbeddedPng(href, rebuild);
    if (data === undefined) return false;
    target.setAttributeNS(XLINK_NAMESPACE, 'xlink:href', data);
  } else if (href !== undefined) {
    if (HREF_ELEMENTS.has(element) && FRAGMENT.test(href)) {
      target.setAttributeNS(XLINK_NAMESPACE, 'xlink:href', href);
    } else {
      removed.add('@href');
    }
  }
  return true;
};

/** The text of an element's text and CDATA children. */
const readText = (element: Element): string => {
  let text = '';
  for (let i = 0; i < element.childNodes.length; i++) {
    const child = element.childNodes.item(i);
    if (child?.nodeType === TEXT_NODE || child?.nodeType === CDATA_SECTION_NODE) {
      text += (child as CharacterData).data;
    }
  }
  return text;
};

/** Rebuilds the children of `source` under `target`, iteratively (no recursion on depth). */
const rebuildChildren = async (source: Element, target: Element, rebuild: Rebuild) => {
  const { document, removed } = rebuild;
  const pending = [{ source, target, depth: 0 }];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const parentName = entry.target.localName ?? '';
    for (let i = 0; i < entry.source.childNodes.length; i++) {
      const child = entry.source.childNodes.item(i);
      if (child === null) continue;
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        if (TEXT_ELEMENTS.has(parentName)) {
          const text = checkXmlChars((child as CharacterData).data);
          entry.target.appendChild(document.createTextNode(text));
        }
        continue;
      }
      if (child.nodeType === PROCESSING_INSTRUCTION_NODE) {
        removed.add(describe('<?', `${child.nodeName}?>`));
      }
      if (child.nodeType !== ELEMENT_NODE) continue; // comments, processing instructions
      const element = child as Element;
      const local = element.localName ?? '';
      // A link keeps what it draws and loses its link: a group, or a span inside text.
      const name = local !== 'a' ? local : INSIDE_TEXT.has(parentName) ? 'tspan' : 'g';
      if (element.namespaceURI !== SVG_NAMESPACE || !SVG_ELEMENTS.has(name)) {
        removed.add(describe('<', `${element.nodeName}>`));
        continue;
      }
      if (local === 'a') removed.add('<a>');
      if (entry.depth >= MAX_SVG_DEPTH) throw tooComplex(`nested deeper than ${MAX_SVG_DEPTH}`);
      const copy = document.createElementNS(SVG_NAMESPACE, name);
      if (name === 'style') {
        const sheet = sanitizeStyleSheet(readText(element));
        for (const item of sheet.removed) removed.add(item);
        if (sheet.css === '') continue;
        copy.appendChild(document.createTextNode(sheet.css));
      } else {
        if (!(await copyAttributes(element, copy, rebuild))) continue;
        pending.push({ source: element, target: copy, depth: entry.depth + 1 });
      }
      entry.target.appendChild(copy);
    }
  }
};

const readLength = (value: string | null): number | undefined => {
  const match = value === null ? null : /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:px)?\s*$/.exec(value);
  const length = match?.[1] === undefined ? undefined : Number(match[1]);
  return length !== undefined && length > 0 ? length : undefined;
};

const readSize = (root: Element): { width: number | undefined; height: number | undefined } => {
  const box = (root.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [boxWidth, boxHeight] = box.length === 4 ? box.slice(2) : [];
  const fromBox = (length: number | undefined) =>
    length !== undefined && Number.isFinite(length) && length > 0 ? length : undefined;
  return {
    width: readLength(root.getAttribute('width')) ?? fromBox(boxWidth),
    height: readLength(root.getAttribute('height')) ?? fromBox(boxHeight),
  };
};

/**
 * Sanitises an SVG (text or bytes): parses it safely, then rebuilds it from the allow-lists.
 *
 * Kept: the elements of `SVG_ELEMENTS` in the SVG namespace (`a` becomes `g`), the attributes of
 * `SVG_ATTRIBUTES` whose values pass the checks, `style` attributes and `<style>` sheets
 * rebuilt by `sanitize-css.ts`, `href` only as `#id` on the elements that reference others,
 * `<image>` only with an embedded PNG (validated and cleaned by `validatePng`), `xml:space` and
 * `xml:lang`, and text inside text elements. Everything else is removed and listed in
 * `removed`: scripts, event attributes, `foreignObject`, animation, external references,
 * comments, processing instructions (`<?xml-stylesheet?>`), the DOCTYPE, metadata, and baked
 * `openbadges:*` credentials.
 *
 * @throws ServerError as `parseSvgDocument`, and `ERR_IMAGE_SVG_TOO_COMPLEX` (nesting, `<use>`
 *   expansion or a `<use>` cycle, too many embedded PNGs).
 */
export const sanitizeSvg = async (
  svg: string | Uint8Array,
  options: SanitizeSvgOptions = {},
): Promise<SanitizeSvgResult> => {
  if (typeof svg !== 'string' && !(svg instanceof Uint8Array)) {
    throw new TypeError('"svg" must be a string or a Uint8Array.');
  }
  const maxBytes = readLimit('maxBytes', options.maxBytes, DEFAULT_IMAGE_MAX_BYTES);
  const { document: source, root } = parseSvgDocument(svg, maxBytes);
  const document = new DOMImplementation().createDocument(SVG_NAMESPACE, 'svg', null);
  const output = document.documentElement;
  if (output === null) throw new Error('xmldom created a document without its root');
  output.setAttributeNS(XMLNS_NAMESPACE, 'xmlns:xlink', XLINK_NAMESPACE);
  const rebuild: Rebuild = {
    document,
    removed: new Set(),
    maxBytes,
    png: options.png ?? {},
    embeddedImages: 0,
  };
  for (let i = 0; i < source.childNodes.length; i++) {
    const node = source.childNodes.item(i);
    if (node?.nodeType === PROCESSING_INSTRUCTION_NODE && node.nodeName.toLowerCase() !== 'xml') {
      rebuild.removed.add(describe('<?', `${node.nodeName}?>`));
    }
  }
  await copyAttributes(root, output, rebuild);
  await rebuildChildren(root, output, rebuild);
  const rendered = countRenderedElements(output, MAX_SVG_RENDERED_ELEMENTS);
  if (rendered.cyclic || rendered.count > MAX_SVG_RENDERED_ELEMENTS) {
    throw tooComplex(
      rendered.cyclic
        ? 'a <use> references its own ancestor'
        : `more than ${MAX_SVG_RENDERED_ELEMENTS} elements drawn once <use> is expanded`,
    );
  }
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(output)}\n`;
  return {
    svg: text,
    bytes: new Uint8Array(Buffer.from(text, 'utf8')),
    ...readSize(output),
    removed: [...rebuild.removed],
  };
};
