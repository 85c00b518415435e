import { Buffer } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { AkashiError } from '../errors/akashi-error.js';
import { assertImageSize, readMaxBytes, SVG_NAMESPACE } from './baking-vocabulary.js';

export interface ParseSvgOptions {
  /** Largest SVG accepted, in UTF-8 (or declared-encoding) bytes (default 10 MiB). */
  readonly maxBytes?: number;
}

export interface ParseSvgResult {
  readonly document: Document;
  /** The root `<svg>` element, in the SVG namespace. */
  readonly root: Element;
}

const malformed = (
  en: string,
  ja: string,
  options: { details?: Record<string, unknown>; cause?: unknown } = {},
) => new AkashiError('ERR_BAKE_MALFORMED_SVG', { en, ja }, options);

/** The `encoding` pseudo-attribute of an XML declaration (XML 1.0 §4.3.3). */
const DECLARED_ENCODING =
  /^<\?xml[ \t\r\n][^>]*?\bencoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/;

/** Reads the encoding an XML declaration names, if any. */
export const readDeclaredEncoding = (prolog: string): string | undefined =>
  DECLARED_ENCODING.exec(prolog)?.[2];

/**
 * Decodes SVG bytes: UTF-8 (with or without a byte order mark), or the ASCII-compatible encoding
 * the XML declaration names (XML 1.0 Appendix F), such as Shift_JIS. Invalid bytes are refused.
 */
const decodeSvgBytes = (bytes: Uint8Array): string => {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const head = bytes.subarray(hasBom ? 3 : 0, 1024);
  const declared = readDeclaredEncoding(
    Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1'),
  );
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8', { fatal: true });
  } catch (cause) {
    throw malformed(
      `The SVG declares an unknown encoding "${String(declared)}".`,
      `SVG が不明な文字コード「${String(declared)}」を宣言しています。`,
      { details: { encoding: declared }, cause },
    );
  }
  const { encoding } = decoder;
  if (encoding.startsWith('utf-16') || (hasBom && encoding !== 'utf-8')) {
    throw malformed(
      `The SVG declares encoding "${String(declared)}", which its bytes contradict.`,
      `SVG が宣言する文字コード「${String(declared)}」とバイト列が矛盾しています。`,
      { details: { encoding: declared } },
    );
  }
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw malformed(
      `The SVG is not valid ${encoding.toUpperCase()}.`,
      `SVG が正しい ${encoding.toUpperCase()} ではありません。`,
      { details: { encoding }, cause },
    );
  }
};

/** XML 1.0 end-of-line handling only (xmldom's default also folds U+2028 and U+0085, as XML 1.1). */
const normalizeLineEndings = (source: string): string => source.replace(/\r\n?/g, '\n');

/** xmldom's warning for U+FFFD in the source; ours was decoded strictly, so it is real text. */
const REPLACEMENT_WARNING = 'Unicode replacement character';

/**
 * Most `<` characters (an upper bound on elements, comments and other markup) accepted before
 * parsing. xmldom builds about 100,000 elements a second, so this bounds the parse to about a
 * second; badge artwork has a few thousand at most.
 */
export const MAX_SVG_MARKUP = 100_000;

/**
 * Most occurrences of `xmlns` accepted before parsing. xmldom resolves names through a chain of
 * nested namespace scopes, which costs time quadratic in their depth.
 */
export const MAX_SVG_NAMESPACE_DECLARATIONS = 1_000;

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

const assertParseCost = (source: string): void => {
  for (const [search, limit, what, whatJa] of [
    ['<', MAX_SVG_MARKUP, 'markup tags', 'タグ'],
    ['xmlns', MAX_SVG_NAMESPACE_DECLARATIONS, 'namespace declarations', '名前空間宣言'],
  ] as const) {
    if (countOccurrences(source, search, limit) > limit) {
      throw new AkashiError(
        'ERR_INPUT_TOO_LARGE',
        {
          en: `The SVG has more than ${limit} ${what}.`,
          ja: `SVG の${whatJa}が ${limit} 個を超えています。`,
        },
        { details: { limit } },
      );
    }
  }
};

/** The internal DTD subset seen by the parser so far (xmldom passes its DOM builder to onError). */
const readInternalSubset = (context: unknown): string | undefined => {
  const builder = context as { doc?: { doctype?: { internalSubset?: unknown } | null } } | null;
  const subset = builder?.doc?.doctype?.internalSubset;
  return typeof subset === 'string' ? subset : undefined;
};

const refuseEntityDeclarations = (subset: string | undefined): void => {
  if (subset !== undefined && /<!ENTITY/i.test(subset)) {
    throw new AkashiError('ERR_BAKE_XML_ENTITY_DECLARED', {
      en: 'The SVG DOCTYPE declares entities, which are refused (entity expansion and external entity attacks).',
      ja: 'SVG の DOCTYPE がエンティティを宣言しているため拒否しました（エンティティ展開攻撃・外部エンティティ攻撃の防止）。',
    });
  }
};

/**
 * Parses an SVG image as XML with @xmldom/xmldom, safely:
 *
 * - the size is capped before decoding, and the markup count and namespace declarations before
 *   parsing, so a parse stays in the order of a second;
 * - a DOCTYPE whose internal subset declares entities (billion laughs, XXE) is refused; xmldom
 *   never expands them nor fetches external DTDs or entities anyway;
 * - parsing stops at the first error or warning, which is fatal;
 * - the root must be `svg` in the SVG namespace.
 *
 * @throws AkashiError `ERR_INPUT_TOO_LARGE`, `ERR_BAKE_XML_ENTITY_DECLARED`,
 *   `ERR_BAKE_MALFORMED_SVG` (not well-formed, bad encoding), `ERR_BAKE_NOT_IMAGE` (XML, not SVG).
 */
export const parseSvg = (
  svg: string | Uint8Array,
  options: ParseSvgOptions = {},
): ParseSvgResult => {
  if (typeof svg !== 'string' && !(svg instanceof Uint8Array)) {
    throw new TypeError('"svg" must be a string or a Uint8Array.');
  }
  const maxBytes = readMaxBytes(options.maxBytes);
  assertImageSize(typeof svg === 'string' ? Buffer.byteLength(svg, 'utf8') : svg.length, maxBytes);
  const source = typeof svg === 'string' ? svg.replace(/^\uFEFF/, '') : decodeSvgBytes(svg);
  assertParseCost(source);
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
    refuseEntityDeclarations(subset);
    const reason = problem ?? (cause instanceof Error ? cause.message : String(cause));
    throw malformed(
      `The SVG is not well-formed XML: ${reason}`,
      `SVG が整形式の XML ではありません：${reason}`,
      { details: { reason }, cause },
    );
  }
  refuseEntityDeclarations(document.doctype?.internalSubset);
  const root = document.documentElement;
  if (root?.namespaceURI !== SVG_NAMESPACE || root.localName !== 'svg') {
    const name =
      root === null ? '(none)' : `{${String(root.namespaceURI)}}${String(root.localName)}`;
    throw new AkashiError(
      'ERR_BAKE_NOT_IMAGE',
      {
        en: `The XML is not an SVG image: its root element is ${name}.`,
        ja: `XML が SVG 画像ではありません。ルート要素が ${name} です。`,
      },
      { details: { root: name } },
    );
  }
  return { document, root };
};
