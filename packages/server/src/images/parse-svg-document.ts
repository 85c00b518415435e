/**
 * Parses an uploaded SVG as XML, safely, with @xmldom/xmldom: the same guards as core's
 * `parseSvg` (`packages/core/src/bake/parse-svg.ts`, not exported by @akashi/core), with the
 * upload error codes, and stricter on the DOCTYPE: any internal subset is refused, not only one
 * that declares entities.
 */
import { Buffer } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { ServerError } from '../http/server-error.js';
import { assertUploadSize } from './image-limits.js';

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Most `<` characters (an upper bound on elements and other markup) accepted before parsing:
 * xmldom builds about 100,000 elements a second; badge artwork has a few thousand at most.
 */
export const MAX_SVG_MARKUP = 50_000;

/** Most `xmlns` occurrences: xmldom's namespace lookup costs time quadratic in their nesting. */
export const MAX_SVG_NAMESPACE_DECLARATIONS = 1_000;

export interface ParseSvgDocumentResult {
  readonly document: Document;
  /** The root `<svg>` element, in the SVG namespace. */
  readonly root: Element;
}

export const malformedSvg = (
  detail: string,
  cause?: unknown,
): ServerError<'ERR_IMAGE_SVG_MALFORMED'> =>
  new ServerError('ERR_IMAGE_SVG_MALFORMED', {
    cause: new Error(detail, cause === undefined ? undefined : { cause }),
  });

export const tooComplex = (detail: string): ServerError<'ERR_IMAGE_SVG_TOO_COMPLEX'> =>
  new ServerError('ERR_IMAGE_SVG_TOO_COMPLEX', { cause: new Error(detail) });

/** The `encoding` pseudo-attribute of an XML declaration (XML 1.0 §4.3.3). */
const DECLARED_ENCODING =
  /^<\?xml[ \t\r\n][^>]*?\bencoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/;

/**
 * Decodes SVG bytes: UTF-8 (with or without a byte order mark), or the ASCII-compatible encoding
 * the XML declaration names (XML 1.0 Appendix F), such as Shift_JIS. Invalid bytes are refused.
 */
const decodeSvgBytes = (bytes: Uint8Array): string => {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const head = Buffer.from(bytes.subarray(hasBom ? 3 : 0, 1024)).toString('latin1');
  const declared = DECLARED_ENCODING.exec(head)?.[2];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8', { fatal: true });
  } catch (cause) {
    throw malformedSvg(`the SVG declares an unknown encoding "${String(declared)}"`, cause);
  }
  if (decoder.encoding.startsWith('utf-16') || (hasBom && decoder.encoding !== 'utf-8')) {
    throw malformedSvg(
      `the SVG declares encoding "${String(declared)}", which its bytes contradict`,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw malformedSvg(`the SVG is not valid ${decoder.encoding}`, cause);
  }
};

const countOccurrences = (text: string, search: string, stopAfter: number): number => {
  let count = 0;
  for (
    let i = text.indexOf(search);
    i >= 0 && count <= stopAfter;
    i = text.indexOf(search, i + 1)
  ) {
    count++;
  }
  return count;
};

/** The DTD internal subset read so far (xmldom passes its DOM builder to `onError`). */
const readInternalSubset = (context: unknown): string | undefined => {
  const builder = context as { doc?: { doctype?: { internalSubset?: unknown } | null } } | null;
  const subset = builder?.doc?.doctype?.internalSubset;
  return typeof subset === 'string' ? subset : undefined;
};

/**
 * Refuses a DOCTYPE with an internal subset: entity declarations (billion laughs, external
 * entities), and attribute defaults or other declarations that would make the document mean
 * something else to a validating parser than to us. A bare `<!DOCTYPE svg PUBLIC …>` is fine:
 * nothing is ever fetched.
 */
const refuseInternalSubset = (subset: string | undefined): void => {
  if (subset !== undefined && subset.trim() !== '') {
    throw new ServerError('ERR_IMAGE_SVG_DOCTYPE', {
      cause: new Error(/<!ENTITY/i.test(subset) ? 'entities declared' : 'internal DTD subset'),
    });
  }
};

/** xmldom's warning for U+FFFD in the source; the source was decoded strictly, so it is text. */
const REPLACEMENT_WARNING = 'Unicode replacement character';

/** XML 1.0 end-of-line handling only (xmldom's default also folds U+2028 and U+0085). */
const normalizeLineEndings = (source: string): string => source.replace(/\r\n?/g, '\n');

/** What the document is, for the error when its root is not SVG. */
const describeRoot = (root: Element | null): string => {
  if (root === null) return 'XML without a root element';
  if (root.namespaceURI === XHTML_NAMESPACE || root.localName?.toLowerCase() === 'html') {
    return 'HTML';
  }
  return `XML (root element ${root.nodeName})`;
};

/**
 * Parses `svg` (text, or bytes in UTF-8 or a declared ASCII-compatible encoding):
 *
 * - the size is capped before decoding, and markup and namespace declarations before parsing;
 * - a DOCTYPE with an internal subset is refused (xmldom never fetches nor expands anything,
 *   and a reference to an undeclared entity is a parse error);
 * - every parse error or warning is fatal;
 * - the root must be `svg` in the SVG namespace.
 *
 * @throws ServerError `ERR_IMAGE_TOO_LARGE`, `ERR_IMAGE_SVG_TOO_COMPLEX`,
 *   `ERR_IMAGE_SVG_DOCTYPE`, `ERR_IMAGE_SVG_MALFORMED`, `ERR_IMAGE_UNSUPPORTED_TYPE` (XML or
 *   XHTML, not SVG).
 */
export const parseSvgDocument = (
  svg: string | Uint8Array,
  maxBytes: number,
): ParseSvgDocumentResult => {
  assertUploadSize(typeof svg === 'string' ? Buffer.byteLength(svg, 'utf8') : svg.length, maxBytes);
  const source = typeof svg === 'string' ? svg.replace(/^\uFEFF/, '') : decodeSvgBytes(svg);
  if (countOccurrences(source, '<', MAX_SVG_MARKUP) > MAX_SVG_MARKUP) {
    throw tooComplex(`more than ${MAX_SVG_MARKUP} markup tags`);
  }
  const namespaces = countOccurrences(source, 'xmlns', MAX_SVG_NAMESPACE_DECLARATIONS);
  if (namespaces > MAX_SVG_NAMESPACE_DECLARATIONS) {
    throw tooComplex(`more than ${MAX_SVG_NAMESPACE_DECLARATIONS} namespace declarations`);
  }
  let problem: string | undefined;
  let subset: string | undefined;
  let document: Document;
  try {
    document = new DOMParser({
      locator: true,
      normalizeLineEndings,
      onError: (level, message, context: unknown) => {
        if (level === 'warning' && message.startsWith(REPLACEMENT_WARNING)) return;
        problem ??= message;
        subset ??= readInternalSubset(context);
        throw new Error(message); // xmldom turns this into a ParseError and stops
      },
    }).parseFromString(source, 'text/xml');
  } catch (cause) {
    refuseInternalSubset(subset);
    throw malformedSvg(
      `not well-formed XML: ${problem ?? (cause instanceof Error ? cause.message : String(cause))}`,
      cause,
    );
  }
  refuseInternalSubset(document.doctype?.internalSubset);
  const root = document.documentElement;
  if (root?.namespaceURI !== SVG_NAMESPACE || root.localName !== 'svg') {
    throw new ServerError('ERR_IMAGE_UNSUPPORTED_TYPE', {
      params: { format: describeRoot(root) },
    });
  }
  return { document, root };
};
