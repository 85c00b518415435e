/**
 * N-Quads term serialization, byte-identical to rdf-canonize 5 (the reference implementation
 * used by jsonld.js): literals escape U+0000–U+001F, U+007F, `"` and `\` (ECHAR where one
 * exists, else `\uXXXX`); IRIs escape U+0000–U+0020 and `<>"{}|^\`` as `\uXXXX`.
 */
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

// These patterns exist to find control characters, which N-Quads must escape.
// eslint-disable-next-line no-control-regex
const LITERAL_ESCAPE = /[\u0000-\u001F\u007F"\\]/g;
// eslint-disable-next-line no-control-regex
const IRI_ESCAPE = /[\u0000-\u0020<>"{}|^`\\]/g;

const ECHAR: Readonly<Record<string, string>> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

const uchar = (c: string): string =>
  '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

export const escapeLiteral = (value: string): string =>
  LITERAL_ESCAPE.test(value)
    ? value.replace(LITERAL_ESCAPE, (c) => ECHAR[c] ?? uchar(c))
    : (resetLastIndex(LITERAL_ESCAPE), value);

export const escapeIri = (value: string): string =>
  IRI_ESCAPE.test(value) ? value.replace(IRI_ESCAPE, uchar) : (resetLastIndex(IRI_ESCAPE), value);

// A global RegExp keeps `lastIndex` after `test`; reset it so the next call starts at 0.
function resetLastIndex(pattern: RegExp): void {
  pattern.lastIndex = 0;
}

/** An RDF/JS-style term as jsonld.js's `toRDF` returns it. */
export interface RdfTerm {
  readonly termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  readonly value: string;
  readonly datatype?: { readonly termType: string; readonly value: string };
  readonly language?: string;
}

export interface RdfQuad {
  readonly subject: RdfTerm;
  readonly predicate: RdfTerm;
  readonly object: RdfTerm;
  readonly graph: RdfTerm;
}

export const serializeIri = (iri: string): string => `<${escapeIri(iri)}>`;

/** The part of a literal after its closing quote: `^^<datatype>`, `@lang` or nothing. */
export const serializeLiteralSuffix = (term: RdfTerm): string => {
  const datatype = term.datatype?.value ?? XSD_STRING;
  if (datatype === RDF_LANGSTRING) return term.language ? `@${term.language}` : '';
  return datatype === XSD_STRING ? '' : `^^${serializeIri(datatype)}`;
};

export const serializeLiteral = (term: RdfTerm): string =>
  `"${escapeLiteral(term.value)}"${serializeLiteralSuffix(term)}`;
