import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didKeyFor, generateSigningKey } from '../keys/index.js';
import { createVerifier } from '../verify/index.js';
import { createIssuerPool } from './create-issuer-pool.js';
import { issueCredential } from './issue-credential.js';

const credential = (issuer: string, i: number) => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'], name: '証大学' },
  validFrom: '2026-04-01T00:00:00Z',
  credentialSubject: {
    id: `did:example:learner-${i}`,
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://example.ac.jp/a/1',
      type: ['Achievement'],
      name: `講座 ${i}`,
      description: 'd',
      criteria: { narrative: 'n' },
    },
  },
});

test('the worker pool issues in input order, byte-identical to single-thread issuance', async () => {
  const key = generateSigningKey('ed25519');
  const did = didKeyFor(key);
  const pool = createIssuerPool({ key, workers: 2, chunkSize: 16 });
  try {
    const inputs = Array.from({ length: 120 }, (_, i) => credential(did, i));
    inputs[7] = { ...credential(did, 7), credentialSubject: {} } as never; // invalid: no achievement
    const results = await pool.issueMany(inputs, { created: '2026-04-01T00:00:00Z' });
    assert.equal(results.length, inputs.length);
    const failed = results[7];
    assert.ok(failed && !failed.ok);
    assert.equal(failed.code, 'ERR_CREDENTIAL_INVALID');
    const verifier = createVerifier();
    for (const i of [0, 1, 63, 119]) {
      const result = results[i];
      assert.ok(result?.ok);
      assert.equal(result.credential.id, inputs[i]?.id);
      const single = await issueCredential(inputs[i] as Record<string, unknown>, {
        key,
        created: '2026-04-01T00:00:00Z',
      });
      assert.deepEqual(result.credential, single.credential);
      assert.equal((await verifier.verifyCredential(result.credential)).status, 'valid');
    }
  } finally {
    await pool.close();
  }
});
