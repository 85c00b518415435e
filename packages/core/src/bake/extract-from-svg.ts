import { AkashiError } from '../errors/akashi-error.js';
import {
  type ExtractBakedResult,
  findGenerationBySvgElement,
  readHttpUrl,
} from './baking-vocabulary.js';
import { listElements } from './list-elements.js';
import { parseSvg } from './parse-svg.js';

export interface ExtractFromSvgOptions {
  /** Largest SVG accepted, in bytes (default 10 MiB). */
  readonly maxBytes?: number;
}

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const trimXmlWhitespace = (text: string): string => text.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');

const noCredential = (en: string, ja: string): AkashiError =>
  new AkashiError('ERR_BAKE_NO_CREDENTIAL', { en, ja });

/**
 * Extracts a baked badge from an SVG: the first element, in document order, that is
 * `credential` in `https://purl.imsglobal.org/ob/v3p0` (OB 3.0) or `assertion` in
 * `http://openbadges.org` (OB 2.0), matched by namespace URI and local name, whatever the prefix.
 * The payload is the element's text and CDATA content with XML white space trimmed or, when that
 * is empty, its `verify` attribute. A `verify` holding an http(s) URL is returned as `verifyUrl`.
 *
 * @throws AkashiError from `parseSvg`, and `ERR_BAKE_NO_CREDENTIAL`.
 */
export const extractFromSvg = (
  svg: string | Uint8Array,
  options: ExtractFromSvgOptions = {},
): ExtractBakedResult => {
  const { root } = parseSvg(
    svg,
    options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
  );
  for (const element of listElements(root)) {
    const generation = findGenerationBySvgElement(element.namespaceURI, element.localName);
    if (generation === undefined) continue;
    let body = '';
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        body += child.nodeValue ?? '';
      }
    }
    body = trimXmlWhitespace(body);
    const verify = trimXmlWhitespace(element.getAttribute('verify') ?? '');
    const payload = body === '' ? verify : body;
    if (payload === '') {
      throw noCredential(
        `The SVG badge element <${element.nodeName}> is empty.`,
        `SVG のバッジ要素 <${element.nodeName}> が空です。`,
      );
    }
    const verifyUrl = readHttpUrl(verify);
    return {
      imageType: 'svg',
      generation,
      payload,
      ...(verifyUrl === undefined ? {} : { verifyUrl }),
    };
  }
  throw noCredential(
    'The SVG carries no baked badge (no openbadges:credential or openbadges:assertion element).',
    'SVG にバッジが焼き込まれていません（openbadges:credential / openbadges:assertion 要素がありません）。',
  );
};
