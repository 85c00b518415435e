import {
  type Document,
  type Element,
  type ProcessingInstruction,
  XMLSerializer,
} from '@xmldom/xmldom';
import { AkashiError } from '../errors/akashi-error.js';
import {
  BAKING_VOCABULARY,
  type BadgeGeneration,
  findGenerationBySvgElement,
  readGeneration,
  readHttpUrl,
  SVG_BAKING_PREFIX,
  XMLNS_NAMESPACE,
} from './baking-vocabulary.js';
import { classifyPayload } from './classify-payload.js';
import { listElements } from './list-elements.js';
import { parseSvg, readDeclaredEncoding } from './parse-svg.js';

export interface BakeSvgOptions {
  /** `ob3` (default): `<openbadges:credential>`; `ob2`: `<openbadges:assertion>`. */
  readonly generation?: BadgeGeneration;
  /**
   * OB 2.0 hosted assertions only: the URL put in `verify` (default: the assertion JSON's `id`).
   * Ignored for a compact JWS and for OB 3.0.
   */
  readonly verifyUrl?: string;
  /** Largest SVG accepted, in bytes (default 10 MiB). */
  readonly maxBytes?: number;
}

/** Characters outside the XML 1.0 `Char` production cannot appear in an SVG at all. */
const NON_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const XML_WHITESPACE = /^[ \t\n\r]*$/;
const TEXT_NODE = 3;
const PROCESSING_INSTRUCTION_NODE = 7;

const isBakedElement = (element: Element): boolean =>
  findGenerationBySvgElement(element.namespaceURI, element.localName) !== undefined;

/** Removes every baked badge element, with the white space that indented it. */
const removeBakedElements = (root: Element): void => {
  for (const element of listElements(root).filter(isBakedElement)) {
    const before = element.previousSibling;
    if (before?.nodeType === TEXT_NODE && XML_WHITESPACE.test(before.nodeValue ?? '')) {
      before.parentNode?.removeChild(before);
    }
    element.parentNode?.removeChild(element);
  }
};

const usesNamespace = (root: Element, namespace: string): boolean =>
  listElements(root).some(
    (element) =>
      element.namespaceURI === namespace ||
      Array.from(element.attributes).some((attribute) => attribute.namespaceURI === namespace),
  );

/**
 * Binds the `openbadges` prefix to `namespace` on the root. A binding to the other generation's
 * namespace, left by an earlier bake, is replaced once nothing uses it; any other binding of the
 * prefix is refused rather than silently re-pointed.
 */
const bindPrefix = (root: Element, namespace: string): void => {
  const bound = root.getAttributeNS(XMLNS_NAMESPACE, SVG_BAKING_PREFIX);
  if (bound === namespace) return;
  if (bound !== null && bound !== '' && usesNamespace(root, bound)) {
    throw new AkashiError(
      'ERR_BAKE_MALFORMED_SVG',
      {
        en: `The SVG already binds the prefix "${SVG_BAKING_PREFIX}" to ${bound}, which it uses.`,
        ja: `SVG はすでに接頭辞「${SVG_BAKING_PREFIX}」を ${bound} に割り当てて使用しています。`,
      },
      { details: { prefix: SVG_BAKING_PREFIX, namespace: bound } },
    );
  }
  root.setAttributeNS(XMLNS_NAMESPACE, `xmlns:${SVG_BAKING_PREFIX}`, namespace);
};

/** The output is a string meant to be stored as UTF-8, so an XML declaration must say so. */
const declareUtf8 = (document: Document): void => {
  const first = document.firstChild;
  if (first?.nodeType !== PROCESSING_INSTRUCTION_NODE || first.nodeName !== 'xml') return;
  const data = first.nodeValue ?? '';
  const declared = readDeclaredEncoding(`<?xml ${data}`);
  if (declared === undefined || /^utf-?8$/i.test(declared)) return;
  const replaced = data.replace(
    /\bencoding([ \t\r\n]*=[ \t\r\n]*)(["'])[^"']*\2/,
    'encoding$1$2UTF-8$2',
  );
  (first as ProcessingInstruction).replaceData(0, data.length, replaced);
};

/** Puts `text` in CDATA sections, splitting at every `]]>` so that it survives intact. */
const appendCdata = (document: Document, element: Element, text: string): void => {
  const parts = text.split(']]>');
  parts.forEach((part, i) => {
    const data = `${i > 0 ? '>' : ''}${part}${i < parts.length - 1 ? ']]' : ''}`;
    element.appendChild(document.createCDATASection(data));
  });
};

const readHostedUrl = (json: Readonly<Record<string, unknown>>, verifyUrl: unknown): string => {
  if (verifyUrl !== undefined) {
    if (typeof verifyUrl === 'string' && readHttpUrl(verifyUrl) !== undefined) return verifyUrl;
    throw new TypeError('"options.verifyUrl" must be an absolute http(s) URL.');
  }
  const { id } = json;
  if (typeof id === 'string' && readHttpUrl(id) !== undefined) return id;
  throw new TypeError(
    'A hosted OB 2.0 assertion needs an http(s) "id" or "options.verifyUrl" for the verify attribute.',
  );
};

/**
 * Bakes a credential into an SVG (OB 3.0 §5.3.2; Baking 1.0 for OB 2.0). The SVG is parsed as
 * XML (see `parseSvg` for the safety rules), every earlier badge element of either generation is
 * removed, `xmlns:openbadges` is declared on the root, and one element becomes the first child
 * of `<svg>`:
 *
 * - OB 3.0: `<openbadges:credential>` with a compact JWS in `verify` and no body, or the JSON in
 *   CDATA and no `verify`.
 * - OB 2.0: `<openbadges:assertion>` with a signed assertion (JWS) in `verify` and no body, or
 *   for a hosted assertion the assertion URL in `verify` and the JSON in CDATA.
 *
 * A `]]>` in the JSON is split across CDATA sections. The rest of the drawing is kept as parsed
 * (XML serialisation may change insignificant syntax: quote style, `<g/>` for `<g></g>`, CRLF).
 *
 * @throws AkashiError from `parseSvg`, and `ERR_BAKE_MALFORMED_SVG` when the `openbadges` prefix
 *   is already bound to another namespace that the SVG uses.
 * @throws TypeError for a payload that is neither JSON nor a compact JWS, or holds characters
 *   XML cannot carry; for a hosted OB 2.0 assertion without an http(s) URL.
 */
export const bakeSvg = (
  svg: string | Uint8Array,
  payload: string,
  options: BakeSvgOptions = {},
): string => {
  const generation = readGeneration(options.generation);
  const { format, json } = classifyPayload(payload);
  if (NON_XML_CHAR.test(payload)) {
    throw new TypeError('"payload" contains characters that XML 1.0 cannot carry.');
  }
  const hostedUrl =
    generation === 'ob2' && json !== undefined ? readHostedUrl(json, options.verifyUrl) : undefined;
  const { document, root } = parseSvg(
    svg,
    options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
  );
  const { svgNamespace, svgLocalName } = BAKING_VOCABULARY[generation];
  removeBakedElements(root);
  bindPrefix(root, svgNamespace);
  try {
    const element = document.createElementNS(svgNamespace, `${SVG_BAKING_PREFIX}:${svgLocalName}`);
    if (format === 'jws') {
      element.setAttribute('verify', payload);
    } else {
      if (hostedUrl !== undefined) element.setAttribute('verify', hostedUrl);
      appendCdata(document, element, payload);
    }
    root.insertBefore(element, root.firstChild);
    declareUtf8(document);
    return new XMLSerializer().serializeToString(document);
  } catch (cause) {
    // Not expected once parseSvg has accepted the document; kept so bad bytes never escape as
    // a DOMException or RangeError.
    throw new AkashiError(
      'ERR_BAKE_MALFORMED_SVG',
      { en: 'The SVG could not be re-serialised.', ja: 'SVG を再シリアライズできませんでした。' },
      { cause },
    );
  }
};
