import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import jsonld from 'jsonld';
import { createDocumentLoader } from '../contexts/document-loader.js';
import { FIXTURES } from '../models/test-factories.js';
import { OPENBADGES_V2_EXTENSION_CONTEXT_DOCUMENTS } from './contexts/openbadges-extension-contexts.js';
import { OPENBADGES_V1_CONTEXT_DOCUMENT } from './contexts/openbadges-v1-context.js';
import { OPENBADGES_V2_CONTEXT_DOCUMENT } from './contexts/openbadges-v2-context.js';
import {
  OB_V1_CONTEXT_URL,
  OB_V2_CONTEXT_ALIAS_URL,
  OB_V2_CONTEXT_URL,
  ob2Contexts,
} from './ob2-contexts.js';

const COPIES = new URL('./contexts/', import.meta.url);
const SHARED = new URL('contexts/ob2/', FIXTURES);
const readBytes = (url: URL): Buffer => readFileSync(url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const EXTENSIONS = readdirSync(new URL('extensions/', COPIES))
  .filter((name) => name.endsWith('.jsonld'))
  .map((name) => name.replace(/\.jsonld$/, ''));

describe('the bundled OB 2.0 / 1.1 contexts', () => {
  it('are byte-exact copies of the shared 1EdTech fixtures', () => {
    assert.ok(
      readBytes(new URL('openbadges-v2.jsonld', COPIES)).equals(
        readBytes(new URL('v2/context.json', SHARED)),
      ),
    );
    assert.ok(
      readBytes(new URL('openbadges-v1.jsonld', COPIES)).equals(
        readBytes(new URL('v1/context.json', SHARED)),
      ),
    );
    assert.equal(EXTENSIONS.length, 11);
    for (const name of EXTENSIONS) {
      assert.ok(
        readBytes(new URL(`extensions/${name}.jsonld`, COPIES)).equals(
          readBytes(new URL(`extensions/${name}/context.json`, SHARED)),
        ),
        name,
      );
    }
  });

  it('are embedded as modules deep-equal to the copies (so they reach dist without data files)', () => {
    assert.deepEqual(OPENBADGES_V2_CONTEXT_DOCUMENT, readJson(new URL('v2/context.json', SHARED)));
    assert.deepEqual(OPENBADGES_V1_CONTEXT_DOCUMENT, readJson(new URL('v1/context.json', SHARED)));
    assert.deepEqual(
      Object.keys(OPENBADGES_V2_EXTENSION_CONTEXT_DOCUMENTS).sort(),
      [...EXTENSIONS].sort(),
    );
    for (const name of EXTENSIONS) {
      assert.deepEqual(
        OPENBADGES_V2_EXTENSION_CONTEXT_DOCUMENTS[name],
        readJson(new URL(`extensions/${name}/context.json`, SHARED)),
        name,
      );
    }
  });

  it('map every published URL to its document, frozen', () => {
    assert.equal(ob2Contexts.get(OB_V2_CONTEXT_URL), OPENBADGES_V2_CONTEXT_DOCUMENT);
    assert.equal(ob2Contexts.get(OB_V2_CONTEXT_ALIAS_URL), OPENBADGES_V2_CONTEXT_DOCUMENT);
    assert.equal(ob2Contexts.get(OB_V1_CONTEXT_URL), OPENBADGES_V1_CONTEXT_DOCUMENT);
    const urlMap = readJson(new URL('contexts/url-map.json', FIXTURES)) as {
      contexts: Record<string, string>;
    };
    const ob2Urls = Object.entries(urlMap.contexts)
      .filter(([, file]) => file.startsWith('contexts/ob2/'))
      .map(([url]) => url)
      .sort();
    assert.deepEqual([...ob2Contexts.keys()].sort(), ob2Urls);
    assert.ok(Object.isFrozen(OPENBADGES_V2_CONTEXT_DOCUMENT));
  });

  it('expand an OB 2.0 assertion offline, through the bundled document loader', async () => {
    const documentLoader = createDocumentLoader({ documents: ob2Contexts });
    const expanded = await jsonld.expand(
      {
        '@context': OB_V2_CONTEXT_URL,
        id: 'https://example.org/a',
        type: 'Assertion',
        issuedOn: '2025-04-01T00:00:00Z',
      },
      { documentLoader },
    );
    assert.deepEqual(expanded, [
      {
        '@id': 'https://example.org/a',
        '@type': ['https://w3id.org/openbadges#Assertion'],
        'https://w3id.org/openbadges#issueDate': [
          {
            '@type': 'http://www.w3.org/2001/XMLSchema#dateTime',
            '@value': '2025-04-01T00:00:00Z',
          },
        ],
      },
    ]);
    await assert.rejects(documentLoader('https://w3id.org/openbadges/v3'), /not bundled/);
  });
});
