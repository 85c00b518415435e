import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSafeIri } from './compile-template.js';
import { computeShape } from './compute-shape.js';
import { canonicalizeGeneric, createCanonizer } from './create-canonizer.js';

const credential = (name: string, evidence: unknown[] = []) => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:1',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Issuer' },
  validFrom: '2026-01-01T00:00:00Z',
  name,
  credentialSubject: {
    id: 'did:example:subject',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://example.com/a',
      type: ['Achievement'],
      name: 'A',
      description: 'D',
      criteria: { narrative: 'N' },
    },
  },
  ...(evidence.length > 0 ? { evidence } : {}),
});

test('documents of one shape share a template; values do not change the shape', () => {
  const a = computeShape(credential('one'));
  const b = computeShape(credential('two "quoted"\n'));
  assert.ok(a && b);
  assert.equal(a.key, b.key);
  assert.notDeepEqual(a.values, b.values);
  assert.notEqual(
    computeShape({ ...credential('x'), type: ['VerifiableCredential', 'AchievementCredential'] })
      ?.key,
    a.key,
  );
});

test('inline, unknown or nested contexts are left to the generic path', () => {
  assert.equal(
    computeShape({ ...credential('x'), '@context': [{ '@vocab': 'https://e.example/' }] }),
    undefined,
  );
  assert.equal(
    computeShape({ ...credential('x'), '@context': ['https://unknown.example/ctx'] }),
    undefined,
  );
  assert.equal(
    computeShape({ ...credential('x'), evidence: [{ '@context': {}, type: ['Evidence'] }] }),
    undefined,
  );
  assert.equal(computeShape('not an object'), undefined);
});

test('the first document of a shape runs both paths; the next ones run compiled', async () => {
  const canonizer = createCanonizer();
  assert.equal((await canonizer.canonicalize(credential('first'))).path, 'generic');
  const second = await canonizer.canonicalize(credential('second'));
  assert.equal(second.path, 'compiled');
  assert.equal(second.nquads, await canonicalizeGeneric(credential('second')));
});

test('an unsafe IRI in an IRI slot sends that document the generic way', async () => {
  const canonizer = createCanonizer();
  await canonizer.canonicalize(credential('warm'));
  const odd = { ...credential('x'), id: 'urn:uuid:has space' };
  await assert.rejects(canonizer.canonicalize(odd)); // safe mode: a relative IRI would be dropped
  assert.equal(canonizer.stats.compiled, 0);
  assert.equal(isSafeIri('https://example.com/a b'), false);
  assert.equal(isSafeIri('https://example.com/a\u3000b'), false);
  assert.equal(isSafeIri('_:b0'), false);
  assert.equal(isSafeIri('https://大学.example/証明'), true);
});

test('identical blank nodes (duplicate evidence) are labelled by the full RDFC-1.0 algorithm', async () => {
  const canonizer = createCanonizer();
  const same = { type: ['Evidence'], narrative: 'same' };
  const doc = (n: string) =>
    credential(n, [same, { ...same }, { type: ['Evidence'], narrative: n }]);
  await canonizer.canonicalize(doc('warm'));
  const result = await canonizer.canonicalize(doc('check'));
  assert.equal(result.path, 'compiled');
  assert.equal(result.nquads, await canonicalizeGeneric(doc('check')));
});

test('an undefined term fails in safe mode on both paths', async () => {
  const canonizer = createCanonizer();
  const bad = { ...credential('x'), notATerm: 'value' };
  await assert.rejects(canonizer.canonicalize(bad));
  await assert.rejects(canonizer.canonicalize(bad));
  await assert.rejects(createCanonizer({ compiled: false }).canonicalize(bad));
});

test('the shape cache is bounded', async () => {
  const canonizer = createCanonizer({ maxShapes: 2 });
  for (let i = 0; i < 5; i++)
    await canonizer.canonicalize({
      ...credential('x'),
      [`description`]: 'd',
      ...(i % 2 ? { awardedDate: '2026-01-01T00:00:00Z' } : {}),
      evidence: Array.from({ length: i + 1 }, () => ({ type: ['Evidence'], narrative: String(i) })),
    });
  assert.ok(canonizer.stats.shapes <= 2);
});
