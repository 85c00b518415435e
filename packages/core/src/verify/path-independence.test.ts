/**
 * The verdict must never depend on which canonicalization path ran: the same credentials —
 * genuine, tampered, with hostile values or undefined terms — verified with the compiled path
 * and with the generic path give identical reports.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCanonizer } from '../canon/index.js';
import { createRandom, makeRandomCredential } from '../canon/random-credential.fixture.js';
import { addDataIntegrityProof } from '../issue/index.js';
import { didKeyFor, generateSigningKey } from '../keys/index.js';
import { createVerifier } from './create-verifier.js';

type Json = Record<string, unknown>;

test('compiled and generic verification agree on 600 genuine and altered credentials', async () => {
  const key = generateSigningKey('ed25519');
  const did = didKeyFor(key);
  const now = () => new Date('2026-11-21T00:00:00Z');
  const compiledCanonizer = createCanonizer();
  const compiled = createVerifier({ now, canonizer: compiledCanonizer });
  const generic = createVerifier({ now, canonizer: createCanonizer({ compiled: false }) });
  const signer = createCanonizer();
  const mutate = [
    (c: Json) => c,
    (c: Json) => ({ ...c, name: `${String(c.name)}!` }),
    (c: Json) => ({ ...c, undefinedTerm: 'x' }),
    (c: Json) => ({ ...c, validFrom: '2099-01-01T00:00:00Z' }),
    (c: Json) => ({ ...c, id: 'relative id' }),
    (c: Json) => ({ ...c, issuer: { ...(c.issuer as Json), id: 'https://other.example/issuer' } }),
  ];
  let signed = 0;
  for (let i = 0; i < 600; i++) {
    const unsigned = makeRandomCredential(createRandom(i % 30), createRandom(90_000 + i));
    unsigned.issuer = { ...(unsigned.issuer as Json), id: did };
    let credential: Json;
    try {
      credential = await addDataIntegrityProof(unsigned, {
        key,
        canonizer: signer,
        created: '2026-01-01T00:00:00Z',
      });
      signed++;
    } catch {
      credential = unsigned; // not signable (hostile IRI): verified as it is
    }
    const candidate = (mutate[i % mutate.length] as (c: Json) => Json)(credential);
    const a = await compiled.verifyCredential(structuredClone(candidate));
    const b = await generic.verifyCredential(structuredClone(candidate));
    assert.equal(a.status, b.status, `#${i}`);
    assert.deepEqual(
      a.checks.map((c) => [c.name, c.outcome, c.code]),
      b.checks.map((c) => [c.name, c.outcome, c.code]),
      `#${i}`,
    );
  }
  assert.ok(signed > 400);
  assert.ok(compiledCanonizer.stats.compiled > 500, `compiled ${compiledCanonizer.stats.compiled}`);
});
