/**
 * RDFC-1.0 canonicalization of JSON-LD documents with two paths that give the same bytes:
 *
 * - generic: jsonld.js `canonize` in safe mode (the reference stack);
 * - compiled: the document's shape is expanded once into an N-Quads template; each document
 *   of that shape is then filled in, labelled (RDFC-1.0) and sorted without any JSON-LD work.
 *
 * A shape is trusted only after its first document gave identical bytes on both paths; any
 * document the compiled path cannot take (unknown contexts, unsafe IRIs, shapes that fail to
 * compile) goes the generic way. Which path ran never changes the result.
 */
import jsonld from 'jsonld';
import { defaultDocumentLoader, type DocumentLoader } from '../contexts/document-loader.js';
import { compileTemplate, fillTemplate, type Template } from './compile-template.js';
import { computeShape } from './compute-shape.js';
import { canonicalizeSlotQuads } from './rdfc10.js';

export type CanonicalizationPath = 'compiled' | 'generic';

export interface CanonicalizeResult {
  readonly nquads: string;
  readonly path: CanonicalizationPath;
}

export interface Canonizer {
  canonicalize(document: unknown): Promise<CanonicalizeResult>;
  /** Counts for diagnostics and benchmarks. */
  readonly stats: { compiled: number; generic: number; shapes: number };
}

export interface CreateCanonizerOptions {
  readonly documentLoader?: DocumentLoader;
  /** Most shapes kept (least recently used ones are dropped). Default 256. */
  readonly maxShapes?: number;
  /** Disable the compiled path (every document goes the generic way). */
  readonly compiled?: boolean;
}

type ShapeEntry =
  | { readonly state: 'pending'; readonly template: Promise<Template | undefined> }
  | { readonly state: 'trusted'; readonly template: Template }
  | { readonly state: 'unusable' };

/** Canonical N-Quads through jsonld.js, safe mode: undefined terms are errors. */
export const canonicalizeGeneric = (
  document: unknown,
  documentLoader: DocumentLoader = defaultDocumentLoader,
): Promise<string> =>
  jsonld.canonize(document, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    documentLoader,
    safe: true,
  });

export const createCanonizer = (options: CreateCanonizerOptions = {}): Canonizer => {
  const documentLoader = options.documentLoader ?? defaultDocumentLoader;
  const maxShapes = options.maxShapes ?? 256;
  const useCompiled = options.compiled ?? true;
  const shapes = new Map<string, ShapeEntry>();
  const stats = { compiled: 0, generic: 0, shapes: 0 };

  const generic = async (document: unknown): Promise<CanonicalizeResult> => {
    const nquads = await canonicalizeGeneric(document, documentLoader);
    stats.generic++;
    return { nquads, path: 'generic' };
  };

  const remember = (key: string, entry: ShapeEntry): void => {
    shapes.delete(key);
    shapes.set(key, entry);
    if (shapes.size > maxShapes) {
      const oldest = shapes.keys().next().value;
      if (oldest !== undefined) shapes.delete(oldest);
    }
    stats.shapes = shapes.size;
  };

  const firstOfShape = async (key: string, document: unknown, slotCount: number) => {
    const pending = compileTemplate(document, slotCount, documentLoader).catch(() => undefined);
    remember(key, { state: 'pending', template: pending });
    const [template, reference] = await Promise.all([pending, generic(document)]);
    if (template === undefined) {
      remember(key, { state: 'unusable' });
      return reference;
    }
    const shape = computeShape(document);
    const quads = shape && fillTemplate(template, shape.values);
    const candidate = quads && (await canonicalizeSlotQuads(quads));
    // The first document of a shape is canonicalized both ways; only an exact match trusts it.
    remember(
      key,
      candidate === reference.nquads ? { state: 'trusted', template } : { state: 'unusable' },
    );
    return reference;
  };

  const canonicalize = async (document: unknown): Promise<CanonicalizeResult> => {
    const shape = useCompiled ? computeShape(document) : undefined;
    if (shape === undefined) return generic(document);
    let entry = shapes.get(shape.key);
    if (entry === undefined) return firstOfShape(shape.key, document, shape.values.length);
    if (entry.state === 'pending') {
      await entry.template;
      entry = shapes.get(shape.key);
    }
    if (entry?.state !== 'trusted') return generic(document);
    const quads = fillTemplate(entry.template, shape.values);
    if (quads === undefined) return generic(document);
    const nquads = await canonicalizeSlotQuads(quads);
    stats.compiled++;
    return { nquads, path: 'compiled' };
  };

  return { canonicalize, stats };
};
