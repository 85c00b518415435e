/**
 * The certificate template (a JSON document) and the data a certificate is rendered from.
 *
 * Units are PDF points (1/72 in); the origin is the page's top-left corner and `y` grows
 * downwards (the renderer converts to PDF's bottom-left origin). Colours are `#rrggbb`.
 * Images and uploaded fonts are named assets whose bytes come with the render input, so the
 * template stays plain JSON.
 */

/** Named page sizes (portrait width × height in points). */
export const PAGE_SIZES = {
  A3: [841.89, 1190.55],
  A4: [595.28, 841.89],
  A5: [419.53, 595.28],
  B4: [728.5, 1031.81],
  B5: [515.91, 728.5],
  Letter: [612, 792],
  Legal: [612, 1008],
} as const satisfies Record<string, readonly [number, number]>;

export type PageSizeName = keyof typeof PAGE_SIZES;

/**
 * How dates print: `wareki` 令和7年4月1日, `ja` 2025年4月1日, `en` 1 April 2025,
 * `en-us` April 1, 2025, `iso` 2025-04-01.
 */
export type DateStyle = 'wareki' | 'ja' | 'en' | 'en-us' | 'iso';

/** Fonts bundled with the package (Noto Sans JP from `@expo-google-fonts/noto-sans-jp`). */
export type BuiltinFontName =
  | 'NotoSansJP-Light'
  | 'NotoSansJP-Regular'
  | 'NotoSansJP-Medium'
  | 'NotoSansJP-Bold'
  | 'NotoSansJP-Black';

/** A font: a bundled one by name, or an uploaded TTF/OTF passed as `assets[asset]`. */
export type FontSource = { readonly builtin: BuiltinFontName } | { readonly asset: string };

export type TextAlign = 'left' | 'center' | 'right';

export interface TextField {
  /** Text with placeholders such as `{recipient.name}` or `{issuedOn:wareki}`. */
  readonly text: string;
  /** Left edge of the text box. */
  readonly x: number;
  /** Top edge of the text box. */
  readonly y: number;
  /** Box width: lines wrap at it and alignment is within it (default: page width − x). */
  readonly width?: number;
  /** A key of `template.fonts` or a built-in font name (default: `NotoSansJP-Regular`). */
  readonly font?: string;
  readonly size: number;
  readonly color?: string;
  readonly align?: TextAlign;
  /** Line height as a multiple of the size (default 1.4). */
  readonly lineHeight?: number;
  /** At most this many lines; with `minSize`, the size shrinks until the text fits. */
  readonly maxLines?: number;
  /** Smallest size to shrink to (default: no shrinking). */
  readonly minSize?: number;
  /** Letter spacing in points (character spacing, `Tc`). */
  readonly letterSpacing?: number;
  /** Date style for date placeholders without an explicit style (default: the template's). */
  readonly dateStyle?: DateStyle;
}

export interface ImageBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A logo, seal or decoration: a PNG/JPEG asset drawn inside the box, aspect ratio kept. */
export interface ImageField extends ImageBox {
  readonly asset: string;
  readonly opacity?: number;
}

export interface BorderSpec {
  readonly color: string;
  /** Line width. */
  readonly width: number;
  /** Distance from the page edge. */
  readonly inset: number;
  /** A second, thinner line inside the first, this far from it. */
  readonly innerGap?: number;
  readonly innerColor?: string;
}

export interface RuleSpec {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly color?: string;
  readonly width?: number;
}

export interface QrSpec {
  readonly x: number;
  readonly y: number;
  /** Side of the square, quiet zone included. */
  readonly size: number;
  readonly color?: string;
  /** Error correction level (default M). */
  readonly errorCorrection?: 'L' | 'M' | 'Q' | 'H';
}

export interface CertificateTemplate {
  /** Template format version: 1. */
  readonly version: 1;
  readonly name?: string;
  readonly page: {
    readonly size: PageSizeName | readonly [number, number];
    readonly orientation: 'portrait' | 'landscape';
  };
  readonly background?: {
    readonly color?: string;
    /** A PNG/JPEG asset stretched over the whole page. */
    readonly image?: string;
    readonly border?: BorderSpec;
  };
  /** Default date style (default `wareki`). */
  readonly dateStyle?: DateStyle;
  /** IANA time zone for dates with a time (default `Asia/Tokyo`). */
  readonly timeZone?: string;
  /** Named fonts for the text fields. */
  readonly fonts?: Readonly<Record<string, FontSource>>;
  readonly rules?: readonly RuleSpec[];
  readonly images?: readonly ImageField[];
  /** Where the badge image goes (from `data.badgeImage` or the credential's data: URI). */
  readonly badge?: ImageBox;
  readonly texts: readonly TextField[];
  /** The QR code linking to the verification URL. */
  readonly qr?: QrSpec;
}

/** The recipient's names, printed exactly as given (never normalised). */
export interface RecipientNames {
  readonly name: string;
  readonly nameKana?: string;
  readonly nameRomaji?: string;
}

/** The JSON to embed: exact bytes or text (kept byte-for-byte), or an object (serialised). */
export type JsonSource = Uint8Array | string | object;

export interface CertificateData {
  /** The Open Badges 3.0 credential; embedded as `credential.json`. */
  readonly credential: JsonSource;
  /** The Open Badges 2.0 assertion, when there is one; embedded as `assertion.json`. */
  readonly assertion?: JsonSource;
  readonly recipient: RecipientNames;
  /** The badge's public verification page; the QR code links to it. */
  readonly verificationUrl: string;
  readonly certificateNumber?: string;
  /** Overrides the credential's `validFrom` / `issuanceDate` (ISO 8601). */
  readonly issuedOn?: string;
  /** Overrides the credential's `validUntil` / `expirationDate` (ISO 8601). */
  readonly validUntil?: string;
  /** Overrides `creditsEarned` / `creditsAvailable`. */
  readonly credits?: string | number;
  /** The badge image (PNG or JPEG); default: the achievement's `image` if it is a data: URI. */
  readonly badgeImage?: Uint8Array;
  /** Extra values for `{field.KEY}` placeholders. */
  readonly fields?: Readonly<Record<string, string>>;
}

export interface RenderInput {
  /** The template (validated); default: the built-in bilingual design. */
  readonly template?: CertificateTemplate;
  readonly data: CertificateData;
  /** Images and uploaded fonts referenced by the template, by name. */
  readonly assets?: Readonly<Record<string, Uint8Array>>;
  /** Creation time written to the PDF metadata (default: now). */
  readonly now?: Date;
  /** Use PDF object streams and a cross-reference stream (smaller, slower; default false). */
  readonly objectStreams?: boolean;
}
