/**
 * The shape of a JSON-LD document: its structure with every free string value replaced by a
 * numbered slot. Values that steer JSON-LD processing itself (`@context`, `type`/`@type`, and
 * `proofPurpose`, whose term is `@vocab`-typed) stay part of the shape, as do numbers, booleans
 * and nulls, so two documents with the same shape expand to the same RDF with only the slot
 * values differing.
 */
import { bundledContexts } from '../contexts/bundled-contexts.js';

const CONSTANT_KEYS: ReadonlySet<string> = new Set([
  'type',
  '@type',
  'proofPurpose',
  '@language',
  '@direction',
]);

/** A document larger than this is canonicalized the generic way. */
const MAX_SLOTS = 4096;

export interface Shape {
  /** Identifies the shape; equal keys mean the same compiled template applies. */
  readonly key: string;
  /** The slot values in walk order. */
  readonly values: readonly string[];
}

/**
 * Computes the shape of `document`, or returns `undefined` when the document is outside what
 * the compiled path handles (inline or unknown contexts, nested `@context`, too many values).
 */
export const computeShape = (document: unknown): Shape | undefined => {
  if (!isPlainObject(document)) return undefined;
  const context = document['@context'];
  if (!isBundledContextList(context)) return undefined;
  const values: string[] = [];
  const parts: string[] = [JSON.stringify(context)];
  const ok = walkObject(document, parts, values, true);
  if (!ok || values.length > MAX_SLOTS) return undefined;
  return { key: parts.join(''), values };
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBundledContextList = (context: unknown): boolean => {
  const list = Array.isArray(context) ? (context as unknown[]) : [context];
  return (
    list.length > 0 &&
    list.every((entry) => typeof entry === 'string' && bundledContexts.has(entry))
  );
};

const walkObject = (
  node: Record<string, unknown>,
  parts: string[],
  values: string[],
  top: boolean,
): boolean => {
  parts.push('{');
  for (const key of Object.keys(node)) {
    if (key === '@context') {
      if (!top) return false;
      continue;
    }
    const value = node[key];
    parts.push(JSON.stringify(key), ':');
    if (CONSTANT_KEYS.has(key)) {
      parts.push('c', JSON.stringify(value));
      continue;
    }
    if (!walkValue(value, parts, values)) return false;
  }
  parts.push('}');
  return true;
};

const walkValue = (value: unknown, parts: string[], values: string[]): boolean => {
  if (typeof value === 'string') {
    values.push(value);
    parts.push('s');
    return true;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    for (const item of value) {
      if (!walkValue(item, parts, values)) return false;
      parts.push(',');
    }
    parts.push(']');
    return true;
  }
  if (isPlainObject(value)) return walkObject(value, parts, values, false);
  // Numbers, booleans and null are part of the shape: JSON-LD turns them into typed literals
  // whose lexical form depends on the value and the term's datatype.
  parts.push('c', value === undefined ? 'undefined' : JSON.stringify(value));
  return true;
};

/** A copy of `document` with the i-th slot value replaced by `placeholder(i)`. */
export const substituteSlots = (
  document: unknown,
  placeholder: (index: number) => string,
): unknown => {
  let index = 0;
  const copy = (value: unknown, key: string | undefined): unknown => {
    if (key === '@context' || (key !== undefined && CONSTANT_KEYS.has(key))) return value;
    if (typeof value === 'string') return placeholder(index++);
    if (Array.isArray(value)) return value.map((item) => copy(item, undefined));
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = copy(v, k);
      return out;
    }
    return value;
  };
  return copy(document, undefined);
};
