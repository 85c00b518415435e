import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bundledContexts } from './bundled-contexts.js';
import { createDocumentLoader } from './document-loader.js';

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);
const fixture = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(path, fixtures), 'utf8'));

test("the npm copies of the OB 3.0, VC and status contexts equal the publishers' files", () => {
  const pairs: [string, string][] = [
    [
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'contexts/ob3/context-3.0.3.json',
    ],
    [
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
      'contexts/ob3/context-3.0.2.json',
    ],
    [
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
      'contexts/ob3/context-3.0.1.json',
    ],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context.json', 'contexts/ob3/context.json'],
    [
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      'contexts/validator/ob-v3p0-extensions.json',
    ],
    ['https://www.w3.org/ns/credentials/status/v1', 'contexts/w3c/credentials-status-v1.jsonld'],
    ['https://www.w3.org/2018/credentials/v1', 'contexts/validator/2018-credentials-v1.jsonld'],
    ['https://w3id.org/security/data-integrity/v1', 'contexts/validator/data-integrity-v1.jsonld'],
    ['https://www.w3.org/ns/did/v1', 'contexts/validator/did-v1.jsonld'],
  ];
  for (const [url, path] of pairs) assert.deepEqual(bundledContexts.get(url), fixture(path), url);
});

test('the VC 2.0 context equals the W3C one (the validator copy was edited, see STANDARDS.md §2.3)', () => {
  const v2 = bundledContexts.get('https://www.w3.org/ns/credentials/v2') as {
    '@context': Record<string, unknown>;
  };
  assert.equal(v2['@context']['@protected'], true);
  assert.ok('BitstringStatusListCredential' in v2['@context']);
  assert.ok(!('@vocab' in v2['@context']), 'the final VC 2.0 context defines no @vocab');
});

test('the loader serves bundled contexts and refuses every other URL without fetching', async () => {
  const loader = createDocumentLoader({
    documents: new Map([['did:example:1', { id: 'did:example:1' }]]),
  });
  const ob = await loader('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
  assert.equal(ob.documentUrl, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
  assert.deepEqual((await loader('did:example:1')).document, { id: 'did:example:1' });
  await assert.rejects(loader('https://evil.example/context.json'), {
    code: 'ERR_CONTEXT_NOT_BUNDLED',
  });
  await assert.rejects(loader('https://www.w3.org/ns/credentials/examples/v2'), {
    code: 'ERR_CONTEXT_NOT_BUNDLED',
  });
});

test('no bundled context defines a term named like an IRI scheme the compiled path passes through', () => {
  const schemes = new Set(['http', 'https', 'urn', 'did', 'data', 'mailto']);
  const offenders: string[] = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (schemes.has(key)) offenders.push(`${where}: ${key}`);
      walk(child, where);
    }
  };
  for (const [url, document] of bundledContexts) walk(document, url);
  assert.deepEqual(offenders, []);
});
