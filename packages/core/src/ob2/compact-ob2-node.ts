/**
 * Compacts a received badge object into the OB 2.0 context, as both reference validators do
 * before they look at it: whatever context the issuer wrote (the v2 URL, an inline copy, an
 * extension context), the result uses the v2 terms. Contexts come only from the bundle.
 * A `type` the contexts do not define (a relative IRI after expansion) is reported; properties
 * the contexts do not define are dropped, and listed.
 */
import jsonld from 'jsonld';
import { createDocumentLoader, type DocumentLoader } from '../contexts/document-loader.js';
import { OB_V2_CONTEXT_URL, ob2Contexts } from './ob2-contexts.js';
import type { Ob2ModelName } from './ob2-models.js';

type Json = Record<string, unknown>;

export type CompactOb2NodeResult =
  | {
      readonly ok: true;
      readonly node: Json;
      /** `type` values no context defines (`NotAKnownClass`). */
      readonly undefinedTypes: readonly string[];
      /** Properties no context defines, dropped by compaction. */
      readonly ignoredProperties: readonly string[];
    }
  | { readonly ok: false; readonly reason: 'context-not-bundled'; readonly url: string }
  | { readonly ok: false; readonly reason: 'invalid'; readonly message: string };

interface JsonLdEvent {
  readonly code: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

interface JsonLdCompact {
  compact(
    input: unknown,
    context: unknown,
    options: {
      documentLoader: DocumentLoader;
      base: null;
      eventHandler: (handler: { event: JsonLdEvent }) => void;
    },
  ): Promise<Json>;
}

// core's declaration of jsonld (types/vendor.d.ts) does not list compact().
const ld = jsonld as unknown as JsonLdCompact;

const bundledLoader = createDocumentLoader({ documents: ob2Contexts });

/** The default language an issuer declared in an inline context, kept when compacting. */
const declaredLanguage = (node: Json): string | undefined => {
  const context = node['@context'];
  const entries: unknown[] = Array.isArray(context) ? context : [context];
  for (const entry of entries) {
    if (typeof entry === 'object' && entry !== null) {
      const language = (entry as Json)['@language'];
      if (typeof language === 'string') return language;
    }
  }
  return undefined;
};

export const compactOb2Node = async (node: Json): Promise<CompactOb2NodeResult> => {
  let missing: string | undefined;
  const documentLoader: DocumentLoader = async (url) => {
    try {
      return await bundledLoader(url);
    } catch (error) {
      missing ??= url;
      throw error;
    }
  };
  const undefinedTypes = new Set<string>();
  const ignoredProperties = new Set<string>();
  const eventHandler = ({ event }: { event: JsonLdEvent }): void => {
    const details = event.details ?? {};
    // An IdentityObject `type: "id"` names the `id` property (a keyword alias), which JSON-LD
    // reports as a relative type; it is valid OB 2.0.
    if (event.code === 'relative @type reference' && typeof details.type === 'string') {
      if (details.type !== 'id') undefinedTypes.add(details.type);
    } else if (event.code === 'invalid property' && typeof details.property === 'string') {
      ignoredProperties.add(details.property);
    }
  };
  const language = declaredLanguage(node);
  const context =
    language === undefined ? OB_V2_CONTEXT_URL : [OB_V2_CONTEXT_URL, { '@language': language }];
  try {
    const compacted = await ld.compact(
      node,
      { '@context': context },
      {
        documentLoader,
        base: null,
        eventHandler,
      },
    );
    return {
      ok: true,
      node: compacted,
      undefinedTypes: [...undefinedTypes],
      ignoredProperties: [...ignoredProperties],
    };
  } catch (error) {
    if (missing !== undefined) return { ok: false, reason: 'context-not-bundled', url: missing };
    return {
      ok: false,
      reason: 'invalid',
      message: error instanceof Error ? error.message : String(error),
    };
  }
};

/** The OB 2.0 class of each `type` term (after compaction into the v2 context). */
const CLASS_BY_TYPE: Readonly<Record<string, Ob2ModelName>> = {
  Assertion: 'Assertion',
  BadgeClass: 'BadgeClass',
  Issuer: 'Profile',
  Profile: 'Profile',
  CryptographicKey: 'CryptographicKey',
  RevocationList: 'RevocationList',
  Endorsement: 'Endorsement',
  AlignmentObject: 'AlignmentObject',
  Criteria: 'Criteria',
  Evidence: 'Evidence',
  Image: 'Image',
};

/** The `type` values of a node, as a list. */
export const typesOf = (node: Json): string[] => {
  const type = node.type;
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
};

/** The first OB 2.0 class among the node's types, or `undefined`. */
export const classifyOb2Node = (node: Json): Ob2ModelName | undefined => {
  for (const type of typesOf(node)) {
    const found = CLASS_BY_TYPE[type];
    if (found !== undefined) return found;
  }
  return undefined;
};
