import {
  CREDENTIALS_V2_URL,
  OB_V3_CONTEXT_URL,
  OB_V3_EXTENSIONS_URL,
} from '../contexts/bundled-contexts.js';

const collectTypes = (value: unknown, into: Set<string>): void => {
  if (Array.isArray(value)) {
    for (const item of value) collectTypes(item, into);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, member] of Object.entries(value)) {
    if (key === 'type' && typeof member === 'string') into.add(member);
    else if (key === 'type' && Array.isArray(member)) {
      for (const type of member) if (typeof type === 'string') into.add(type);
    } else collectTypes(member, into);
  }
};

/**
 * The `@context` of a credential Akashi emits: VC 2.0, then OB 3.0.3, then the OB
 * `extensions.json` context whenever a `1EdTech*` type (1EdTechJsonSchemaValidator2019,
 * 1EdTechRevocationList, 1EdTechCredentialRefresh) appears anywhere in it, which JSON-LD safe
 * mode needs (the OB context does not define those terms).
 */
export const selectCredentialContexts = (credential: object): string[] => {
  const types = new Set<string>();
  collectTypes(credential, types);
  const needsExtensions = [...types].some((type) => type.startsWith('1EdTech'));
  return needsExtensions
    ? [CREDENTIALS_V2_URL, OB_V3_CONTEXT_URL, OB_V3_EXTENSIONS_URL]
    : [CREDENTIALS_V2_URL, OB_V3_CONTEXT_URL];
};
