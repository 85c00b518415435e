/**
 * Font subsetting with HarfBuzz. pdf-lib's own subsetter (fontkit) silently drops CJK glyphs
 * from Noto Sans JP, so each certificate embeds a HarfBuzz subset holding exactly the characters
 * it prints (pdf-lib then embeds those bytes whole, `subset: false`).
 *
 * The HarfBuzz wasm is harfbuzzjs's own `harfbuzz-subset.wasm`. Unlike the `subset-font` package,
 * which copies the 5 MB font into wasm memory and rebuilds the face on every call (~5 ms), the
 * face is built once per font and preprocessed (`hb_subset_preprocess`), so a subset costs well
 * about a millisecond (callers cache subsets per character set). OpenType layout features are
 * dropped (text is laid out glyph by glyph, ligatures off) and so are hinting instructions.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BuiltinFontName, FontSource } from './template-types.js';

// The WebAssembly global (its types live in lib.dom, which this package does not load).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};

interface HarfBuzz {
  readonly memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_preprocess(face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize(): void;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

let harfBuzz: HarfBuzz | undefined;

function loadHarfBuzz(): HarfBuzz {
  if (harfBuzz !== undefined) return harfBuzz;
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {});
  const hb = instance.exports as HarfBuzz;
  hb._initialize();
  harfBuzz = hb;
  return hb;
}

/** A font loaded into HarfBuzz, with its subsets cached by character set. */
export class SubsettableFont {
  private face: number;
  private readonly fontData: number;

  constructor(
    readonly id: string,
    bytes: Uint8Array,
  ) {
    const hb = loadHarfBuzz();
    const ptr = hb.malloc(bytes.byteLength);
    new Uint8Array(hb.memory.buffer).set(bytes, ptr);
    this.fontData = ptr; // not owned by the blob: freed by dispose()
    const blob = hb.hb_blob_create(ptr, bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    const preprocessed = hb.hb_subset_preprocess(face);
    hb.hb_face_destroy(face);
    this.face = preprocessed;
  }

  get disposed(): boolean {
    return this.face === 0;
  }

  /** A TrueType/OpenType font holding the glyphs of exactly these characters. */
  subset(text: string): Uint8Array {
    if (this.face === 0) throw new Error(`font ${this.id} was disposed`);
    const hb = loadHarfBuzz();
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error('HarfBuzz: out of memory');
    let result: Uint8Array;
    try {
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0) ?? 0);
      hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
      hb.hb_subset_input_set_flags(
        input,
        hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING,
      );
      const subset = hb.hb_subset_or_fail(this.face, input);
      if (subset === 0) throw new Error(`HarfBuzz could not subset font ${this.id}`);
      const blob = hb.hb_face_reference_blob(subset);
      const offset = hb.hb_blob_get_data(blob, 0);
      result = new Uint8Array(hb.memory.buffer).slice(offset, offset + hb.hb_blob_get_length(blob));
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(subset);
    } finally {
      hb.hb_subset_input_destroy(input);
    }
    if (result.byteLength === 0) throw new Error(`HarfBuzz produced an empty subset of ${this.id}`);
    return result;
  }

  /** Frees the HarfBuzz face (the font must not be used afterwards). */
  dispose(): void {
    if (this.face === 0) return;
    const hb = loadHarfBuzz();
    hb.hb_face_destroy(this.face);
    hb.free(this.fontData);
    this.face = 0;
  }
}

const BUILTIN_FILES: Record<BuiltinFontName, string> = {
  'NotoSansJP-Light': '300Light/NotoSansJP_300Light.ttf',
  'NotoSansJP-Regular': '400Regular/NotoSansJP_400Regular.ttf',
  'NotoSansJP-Medium': '500Medium/NotoSansJP_500Medium.ttf',
  'NotoSansJP-Bold': '700Bold/NotoSansJP_700Bold.ttf',
  'NotoSansJP-Black': '900Black/NotoSansJP_900Black.ttf',
};

const builtins = new Map<string, SubsettableFont>();
const uploadedByIdentity = new WeakMap<Uint8Array, SubsettableFont>();
const uploadedByHash = new Map<string, SubsettableFont>();
const UPLOADED_CACHE_SIZE = 8;

/** The path of a bundled Noto Sans JP TTF. */
export function builtinFontPath(name: BuiltinFontName): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@expo-google-fonts/noto-sans-jp/package.json');
  return pkg.replace(/package\.json$/, BUILTIN_FILES[name]);
}

function checkSfnt(bytes: Uint8Array, label: string): void {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag === '\0\x01\0\0' || tag === 'OTTO' || tag === 'true') return;
  const known: Record<string, string> = {
    ttcf: 'a font collection (TTC/OTC); upload a single TTF or OTF',
    wOFF: 'WOFF; upload the TTF or OTF',
    wOF2: 'WOFF2; upload the TTF or OTF',
  };
  throw new Error(`font ${label} is ${known[tag] ?? 'not a TrueType/OpenType font'}`);
}

/** The loaded font for a template font source (uploaded bytes come from `assets`). */
export function loadFont(
  source: FontSource,
  assets: Readonly<Record<string, Uint8Array>>,
): SubsettableFont {
  if ('builtin' in source) {
    let font = builtins.get(source.builtin);
    if (font === undefined) {
      font = new SubsettableFont(source.builtin, readFileSync(builtinFontPath(source.builtin)));
      builtins.set(source.builtin, font);
    }
    return font;
  }
  const bytes = assets[source.asset];
  if (bytes === undefined) throw new Error(`font asset "${source.asset}" was not provided`);
  const known = uploadedByIdentity.get(bytes);
  if (known !== undefined && !known.disposed) return known;
  checkSfnt(bytes, `"${source.asset}"`);
  const hash = createHash('sha256').update(bytes).digest('hex');
  let font = uploadedByHash.get(hash);
  if (font === undefined) {
    font = new SubsettableFont(`${source.asset} (${hash.slice(0, 12)})`, bytes);
    uploadedByHash.set(hash, font);
    if (uploadedByHash.size > UPLOADED_CACHE_SIZE) {
      const [oldestHash, oldest] = uploadedByHash.entries().next().value ?? [];
      if (oldestHash !== undefined) uploadedByHash.delete(oldestHash);
      oldest?.dispose();
    }
  }
  uploadedByIdentity.set(bytes, font);
  return font;
}

/** A deterministic six-letter subset tag (`ABCDEF+`) for a character set, as PDF expects. */
export function subsetTag(text: string): string {
  const digest = createHash('sha256').update(text).digest();
  let tag = '';
  for (let i = 0; i < 6; i += 1) tag += String.fromCharCode(65 + ((digest[i] ?? 0) % 26));
  return tag;
}
