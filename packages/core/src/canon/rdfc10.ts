/**
 * RDFC-1.0 canonical labelling for the common case, with the reference implementation as the
 * fallback. When every blank node has a unique first-degree hash (RDFC-1.0 §4.4 step 5), the
 * canonical labels follow directly from the sorted hashes; only when hashes collide does the
 * N-degree algorithm matter, and then the whole dataset goes to rdf-canonize.
 */
import { createHash } from 'node:crypto';
import rdfCanonize from 'rdf-canonize';

/** A quad whose components are either serialized N-Quads terms or blank-node numbers. */
export interface SlotQuad {
  readonly subject: string | number;
  readonly predicate: string;
  readonly object: string | number;
  readonly graph: string | number | null;
}

const render = (quad: SlotQuad, label: (blank: number) => string): string => {
  const s = typeof quad.subject === 'number' ? label(quad.subject) : quad.subject;
  const o = typeof quad.object === 'number' ? label(quad.object) : quad.object;
  const g =
    quad.graph === null
      ? ''
      : ' ' + (typeof quad.graph === 'number' ? label(quad.graph) : quad.graph);
  return `${s} ${quad.predicate} ${o}${g} .\n`;
};

const originalLabel = (blank: number): string => `_:b${blank}`;

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Canonical N-Quads of a dataset (duplicates removed), RDFC-1.0 with SHA-256. */
export const canonicalizeSlotQuads = async (input: readonly SlotQuad[]): Promise<string> => {
  // A dataset is a set: drop quads that serialize identically under their original labels.
  const seen = new Set<string>();
  const quads: SlotQuad[] = [];
  const mentions = new Map<number, SlotQuad[]>();
  for (const quad of input) {
    const key = render(quad, originalLabel);
    if (seen.has(key)) continue;
    seen.add(key);
    quads.push(quad);
    for (const part of [quad.subject, quad.object, quad.graph]) {
      if (typeof part !== 'number') continue;
      const list = mentions.get(part);
      if (list === undefined) mentions.set(part, [quad]);
      else if (list[list.length - 1] !== quad) list.push(quad);
    }
  }

  const byHash = new Map<string, number>();
  for (const [blank, list] of mentions) {
    const label = (b: number): string => (b === blank ? '_:a' : '_:z');
    const lines = list.map((quad) => render(quad, label)).sort();
    const hash = sha256Hex(lines.join(''));
    if (byHash.has(hash)) {
      // Two blank nodes look alike at first degree: the full algorithm decides.
      const nquads = [...seen].join('');
      return (await rdfCanonize.canonize(nquads, {
        algorithm: 'RDFC-1.0',
        inputFormat: 'application/n-quads',
        format: 'application/n-quads',
      })) as string;
    }
    byHash.set(hash, blank);
  }

  const canonical = new Map<number, string>();
  [...byHash.keys()].sort().forEach((hash, index) => {
    canonical.set(byHash.get(hash) as number, `_:c14n${index}`);
  });
  const label = (b: number): string => canonical.get(b) as string;
  return quads
    .map((quad) => render(quad, label))
    .sort()
    .join('');
};
