/**
 * The Open Badges 2.0 / 1.1 JSON-LD contexts Akashi serves from its bundle (never fetched):
 * the v2 context under its two published URLs, the v1 (OB 1.1) context, and the OB 2.0
 * extension contexts. `ob2Contexts` is merged into the bundled-context table.
 */
import { OPENBADGES_V2_EXTENSION_CONTEXT_DOCUMENTS } from './contexts/openbadges-extension-contexts.js';
import { OPENBADGES_V1_CONTEXT_DOCUMENT } from './contexts/openbadges-v1-context.js';
import { OPENBADGES_V2_CONTEXT_DOCUMENT } from './contexts/openbadges-v2-context.js';

/** The OB 2.0 context URL every Akashi OB 2.0 object carries. */
export const OB_V2_CONTEXT_URL = 'https://w3id.org/openbadges/v2';
/** The same document, as published by openbadgespec.org. */
export const OB_V2_CONTEXT_ALIAS_URL = 'https://openbadgespec.org/v2/context.json';
/** The OB 1.1 context (read when upgrading OB 1.1 badges; never emitted). */
export const OB_V1_CONTEXT_URL = 'https://w3id.org/openbadges/v1';

/** The URLs under which `https://w3id.org/openbadges/v2` is accepted in `@context`. */
export const OB_V2_CONTEXT_URLS: readonly string[] = [OB_V2_CONTEXT_URL, OB_V2_CONTEXT_ALIAS_URL];

const EXTENSION_BASES = [
  'https://w3id.org/openbadges/extensions/',
  'https://openbadgespec.org/extensions/',
];

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
};

const buildTable = (): ReadonlyMap<string, unknown> => {
  const table = new Map<string, unknown>([
    [OB_V2_CONTEXT_URL, deepFreeze(OPENBADGES_V2_CONTEXT_DOCUMENT)],
    [OB_V2_CONTEXT_ALIAS_URL, OPENBADGES_V2_CONTEXT_DOCUMENT],
    [OB_V1_CONTEXT_URL, deepFreeze(OPENBADGES_V1_CONTEXT_DOCUMENT)],
  ]);
  for (const [name, document] of Object.entries(OPENBADGES_V2_EXTENSION_CONTEXT_DOCUMENTS)) {
    for (const base of EXTENSION_BASES)
      table.set(`${base}${name}/context.json`, deepFreeze(document));
  }
  return table;
};

/** URL → parsed context document (frozen: never mutate a bundled context). */
export const ob2Contexts: ReadonlyMap<string, unknown> = buildTable();
