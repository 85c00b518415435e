/**
 * Compiles a document shape into an N-Quads template: the shape is expanded once by jsonld.js
 * (safe mode) with unique placeholder values, and every place a placeholder lands becomes a
 * slot — an IRI slot (filled only with a value that expands to itself) or a literal slot
 * (filled with any string, escaped).
 */
import { randomBytes } from 'node:crypto';
import jsonld from 'jsonld';
import type { DocumentLoader } from '../contexts/document-loader.js';
import { substituteSlots } from './compute-shape.js';
import {
  escapeLiteral,
  serializeIri,
  serializeLiteralSuffix,
  type RdfQuad,
  type RdfTerm,
} from './nquads.js';
import type { SlotQuad } from './rdfc10.js';

const RDF_JSON = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON';

/** One component of a template quad. */
type TemplatePart =
  | { readonly kind: 'constant'; readonly text: string }
  | { readonly kind: 'blank'; readonly blank: number }
  | { readonly kind: 'iri'; readonly slot: number }
  | { readonly kind: 'literal'; readonly slot: number; readonly suffix: string };

interface TemplateQuad {
  readonly subject: TemplatePart;
  readonly predicate: string;
  readonly object: TemplatePart;
  readonly graph: TemplatePart | null;
}

export interface Template {
  readonly quads: readonly TemplateQuad[];
  /** Slots that land in IRI position: their values must pass `isSafeIri`. */
  readonly iriSlots: readonly number[];
  readonly slotCount: number;
}

/**
 * An IRI that every bundled context leaves untouched and that needs no N-Quads escaping:
 * a listed scheme (none of them is a term or prefix in a bundled context — a test checks
 * this), no whitespace of any kind (jsonld.js treats such IRIs as relative and drops them),
 * no characters that N-Quads would escape.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it excludes
const SAFE_IRI = /^(?:https?|urn|did|data|mailto):[^\s\u0000-\u0020<>"{}|^`\\\u007f]*$/;

export const isSafeIri = (value: string): boolean => SAFE_IRI.test(value);

export const compileTemplate = async (
  document: unknown,
  slotCount: number,
  documentLoader: DocumentLoader,
): Promise<Template | undefined> => {
  const prefix = `urn:akashi-slot-${randomBytes(8).toString('hex')}:`;
  const placeholderDocument = substituteSlots(document, (index) => `${prefix}${index}`);
  const dataset = (await jsonld.toRDF(placeholderDocument, {
    documentLoader,
    safe: true,
  })) as RdfQuad[];

  const blanks = new Map<string, number>();
  const seenSlots = new Set<number>();
  const iriSlots = new Set<number>();
  const state = { valid: true };

  const slotOf = (value: string): number | undefined => {
    if (!value.includes(prefix)) return undefined;
    const index = Number(value.slice(prefix.length));
    if (!value.startsWith(prefix) || !Number.isInteger(index) || `${prefix}${index}` !== value) {
      state.valid = false; // a placeholder mangled by expansion: this shape cannot be templated
      return undefined;
    }
    seenSlots.add(index);
    return index;
  };

  const part = (term: RdfTerm): TemplatePart => {
    if (term.termType === 'BlankNode') {
      let blank = blanks.get(term.value);
      if (blank === undefined) blanks.set(term.value, (blank = blanks.size));
      return { kind: 'blank', blank };
    }
    if (term.termType === 'Literal') {
      if (term.datatype?.value === RDF_JSON || term.datatype?.value.includes(prefix))
        state.valid = false;
      const slot = slotOf(term.value);
      const suffix = serializeLiteralSuffix(term);
      if (slot !== undefined) return { kind: 'literal', slot, suffix };
      return { kind: 'constant', text: `"${escapeLiteral(term.value)}"${suffix}` };
    }
    const slot = slotOf(term.value);
    if (slot !== undefined) {
      iriSlots.add(slot);
      return { kind: 'iri', slot };
    }
    return { kind: 'constant', text: serializeIri(term.value) };
  };

  const quads = dataset.map((quad): TemplateQuad => {
    if (quad.predicate.termType !== 'NamedNode' || quad.predicate.value.includes(prefix))
      state.valid = false;
    return {
      subject: part(quad.subject),
      predicate: serializeIri(quad.predicate.value),
      object: part(quad.object),
      graph: quad.graph.termType === 'DefaultGraph' ? null : part(quad.graph),
    };
  });
  // Every slot must land somewhere, so that a value that would change the expansion cannot hide.
  if (!state.valid || seenSlots.size !== slotCount) return undefined;
  return { quads, iriSlots: [...iriSlots], slotCount };
};

/** Fills a template with slot values; `undefined` when an IRI slot gets an unsafe value. */
export const fillTemplate = (
  template: Template,
  values: readonly string[],
): SlotQuad[] | undefined => {
  for (const slot of template.iriSlots) {
    if (!isSafeIri(values[slot] as string)) return undefined;
  }
  const fill = (part: TemplatePart): string | number => {
    switch (part.kind) {
      case 'constant':
        return part.text;
      case 'blank':
        return part.blank;
      case 'iri':
        return `<${values[part.slot] as string}>`;
      case 'literal':
        return `"${escapeLiteral(values[part.slot] as string)}"${part.suffix}`;
    }
  };
  return template.quads.map((quad) => ({
    subject: fill(quad.subject),
    predicate: quad.predicate,
    object: fill(quad.object),
    graph: quad.graph === null ? null : fill(quad.graph),
  }));
};
