import { AkashiError } from '../errors/akashi-error.js';

/**
 * The words of the two baking specifications, in one place: Open Badges Baking 1.0 (OB 2.0,
 * https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/baking/index.html) and
 * OB 3.0 §5.3 "Baked badge" (https://www.imsglobal.org/spec/ob/v3p0/#baking).
 */

/** Which Open Badges data model the baked payload belongs to. */
export type BadgeGeneration = 'ob3' | 'ob2';

/** The image formats that can carry a baked credential. */
export type BakedImageType = 'png' | 'svg';

export interface GenerationVocabulary {
  /** Keyword of the PNG `iTXt` chunk. */
  readonly pngKeyword: string;
  /** Namespace URI bound to the `openbadges` prefix in SVG. */
  readonly svgNamespace: string;
  /** Local name of the SVG element that carries the payload. */
  readonly svgLocalName: string;
}

export const BAKING_VOCABULARY: Readonly<Record<BadgeGeneration, GenerationVocabulary>> = {
  ob3: {
    pngKeyword: 'openbadgecredential',
    svgNamespace: 'https://purl.imsglobal.org/ob/v3p0',
    svgLocalName: 'credential',
  },
  ob2: {
    pngKeyword: 'openbadges',
    svgNamespace: 'http://openbadges.org',
    svgLocalName: 'assertion',
  },
};

/** Prefix the specifications use for the baking namespace in SVG. */
export const SVG_BAKING_PREFIX = 'openbadges';

/** Keyword of the legacy (pre Baking 1.0) PNG `tEXt` chunk holding a hosted assertion URL. */
export const LEGACY_PNG_TEXT_KEYWORD = 'openbadges';

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** Default cap on input images and on decompressed payloads: 10 MiB. */
export const DEFAULT_BAKE_MAX_BYTES = 10 * 1024 * 1024;

/** The generation whose PNG keyword is `keyword`, if any. */
export const findGenerationByPngKeyword = (keyword: string): BadgeGeneration | undefined =>
  keyword === BAKING_VOCABULARY.ob3.pngKeyword
    ? 'ob3'
    : keyword === BAKING_VOCABULARY.ob2.pngKeyword
      ? 'ob2'
      : undefined;

/** The generation whose SVG badge element has this namespace URI and local name, if any. */
export const findGenerationBySvgElement = (
  namespaceURI: string | null,
  localName: string | null,
): BadgeGeneration | undefined =>
  (['ob3', 'ob2'] as const).find(
    (generation) =>
      BAKING_VOCABULARY[generation].svgNamespace === namespaceURI &&
      BAKING_VOCABULARY[generation].svgLocalName === localName,
  );

/** What was found in a baked image. */
export interface ExtractBakedResult {
  readonly imageType: BakedImageType;
  readonly generation: BadgeGeneration;
  /**
   * The baked text: credential or assertion JSON, a compact JWS, or (legacy PNG `tEXt`, or an
   * SVG element with only a URL in `verify`) the hosted assertion URL. PNG text is returned
   * byte-exact; an SVG body loses leading and trailing XML whitespace.
   */
  readonly payload: string;
  /** The hosted verification URL, when the image names one (OB 2.0 hosted or legacy). */
  readonly verifyUrl?: string;
}

/** Checks a `maxBytes` option and returns it, or the default. */
export const readMaxBytes = (maxBytes: number | undefined): number => {
  const value = maxBytes ?? DEFAULT_BAKE_MAX_BYTES;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`"options.maxBytes" must be a positive integer; got ${String(value)}.`);
  }
  return value;
};

/** Checks `options.generation` and returns it, or the default `ob3`. */
export const readGeneration = (generation: unknown): BadgeGeneration => {
  if (generation === undefined) return 'ob3';
  if (generation === 'ob3' || generation === 'ob2') return generation;
  throw new TypeError(
    `"options.generation" must be 'ob3' or 'ob2'; got ${typeof generation === 'string' ? generation : typeof generation}.`,
  );
};

/** The string as an absolute http(s) URL, or undefined when it is not one. */
export const readHttpUrl = (text: string): string | undefined => {
  if (/\s/.test(text) || !URL.canParse(text)) return undefined;
  const { protocol } = new URL(text);
  return protocol === 'https:' || protocol === 'http:' ? text : undefined;
};

/** Refuses an input of `size` bytes over `maxBytes` with `ERR_INPUT_TOO_LARGE`, before parsing. */
export const assertImageSize = (size: number, maxBytes: number): void => {
  if (size > maxBytes) {
    throw new AkashiError(
      'ERR_INPUT_TOO_LARGE',
      {
        en: `The image is ${size} bytes, over the limit of ${maxBytes} bytes.`,
        ja: `画像が ${size} バイトあり、上限の ${maxBytes} バイトを超えています。`,
      },
      { details: { size, maxBytes } },
    );
  }
};
