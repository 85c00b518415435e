/**
 * Interop with the Digital Credentials Consortium verifier (`@digitalcredentials/verifier-core`,
 * the engine behind the Learner Credential Wallet and VerifierPlus), offline.
 *
 * How it runs offline: verifier-core builds its own document loader
 * (`securityLoader({ fetchRemoteContexts: true })`, dist/Verify.js line 18) that serves bundled
 * contexts (VC 1/2, data-integrity, OB 3.0.x incl. extensions.json) and resolves did:key with its
 * own did-method-key driver, so a did:key credential needs nothing remote for the signature.
 * Three things do go out through `globalThis.fetch`: the issuer-registry lookup
 * (issuer-registry-client, dcc-legacy lists), the OB JSON Schema check (dist/schemaCheck.js
 * `loadSchema`), and status lists (via the loader's https handler, ky → fetch). The test serves
 * those from a table (`offline-network.ts`): our own dcc-legacy registry listing the test issuer,
 * the official 1EdTech AchievementCredential schema from shared/fixtures byte for byte, and
 * status lists we sign. Every other URL is refused and any socket connect throws.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { inspect } from 'node:util';
import { verifyCredential as dccVerifyCredential } from '@digitalcredentials/verifier-core';
import {
  buildStatusListCredential,
  buildStatusListEntry,
  createCanonizer,
  createEddsaRdfc2022Proof,
  createStatusList,
  createVerifier,
  didKeyFor,
  generateSigningKey,
  issueCredential,
  setStatus,
  type SigningKey,
} from '../packages/core/src/index.js';
import { installOfflineNetwork } from './offline-network.js';
import {
  buildCredential,
  CREATED,
  FIXTURE_NAMES,
  NOW,
  OB_ACHIEVEMENT_SCHEMA_URL,
  tamper,
  VALID_FROM,
  type Json,
} from './interop-fixtures.js';

const network = installOfflineNetwork();

const REGISTRY_URL = 'https://registry.akashi.test/known-issuers.json';
const REGISTRY = { name: 'Akashi e2e registry', type: 'dcc-legacy', url: REGISTRY_URL };
const STATUS_LIST_URL = 'https://status.akashi.test/lists/1';
const REVOKED_INDEX = 70_001;
const ACTIVE_INDEX = 70_002;

const officialSchema: unknown = JSON.parse(
  readFileSync(
    new URL('../../shared/fixtures/schemas/ob3/achievementcredential.json', import.meta.url),
    'utf8',
  ),
);
network.serve(OB_ACHIEVEMENT_SCHEMA_URL, officialSchema);

interface DccStep {
  readonly id: string;
  readonly valid?: boolean;
  readonly error?: unknown;
  readonly matchingIssuers?: unknown[];
  readonly uncheckedRegistries?: unknown[];
}
interface DccSchemaResult {
  readonly schema: string;
  readonly result: { readonly valid: boolean; readonly errors?: unknown[] };
}
interface DccResult {
  readonly errors?: { readonly name?: string; readonly message: string }[];
  readonly log?: DccStep[];
  readonly additionalInformation?: { readonly id: string; readonly results: unknown }[];
}

type DccCredential = Parameters<typeof dccVerifyCredential>[0]['credential'];

/** DCC's published entry point; its `Credential` type predates OB 3.0, hence the cast. */
const dccVerify = (credential: Json): Promise<DccResult> =>
  dccVerifyCredential({
    credential: credential as unknown as DccCredential,
    knownDIDRegistries: [REGISTRY],
  });

const stepOf = (result: DccResult, id: string): DccStep => {
  const step = result.log?.find((s) => s.id === id);
  assert.ok(step, `no ${id} step in ${inspect(result, { depth: 6 })}`);
  return step;
};

const schemaResultsOf = (result: DccResult): DccSchemaResult[] => {
  const entry = result.additionalInformation?.find((e) => e.id === 'schema_check');
  assert.ok(
    entry && Array.isArray(entry.results),
    inspect(result.additionalInformation, { depth: 6 }),
  );
  return entry.results as DccSchemaResult[];
};

const ourDi = async (
  credential: Json,
  key: SigningKey,
  verificationMethod?: string,
): Promise<Json> => {
  const issued = await issueCredential(credential, {
    key,
    format: 'di',
    created: CREATED,
    ...(verificationMethod === undefined ? {} : { verificationMethod }),
  });
  assert.equal(issued.format, 'di');
  return issued.credential;
};

describe('ours → DCC verifier-core', () => {
  let key: SigningKey;
  let did: string;

  before(() => {
    key = generateSigningKey('ed25519');
    did = didKeyFor(key);
    network.serve(REGISTRY_URL, {
      registry: {
        [did]: {
          name: 'Akashi Interop University',
          url: 'https://university.example/',
          location: 'Tokyo, Japan',
        },
      },
    });
  });

  for (const name of FIXTURE_NAMES) {
    it(`verifies our ${name} credential: signature, expiry, registry and the official schema`, async () => {
      const result = await dccVerify(await ourDi(buildCredential(name, did), key));
      assert.equal(result.errors, undefined, inspect(result.errors, { depth: 6 }));
      assert.equal(stepOf(result, 'valid_signature').valid, true);
      assert.equal(stepOf(result, 'expiration').valid, true);
      const registered = stepOf(result, 'registered_issuer');
      assert.equal(registered.valid, true);
      assert.deepEqual(registered.uncheckedRegistries, []);
      // No credentialStatus, so no revocation step.
      assert.equal(
        result.log?.some((s) => s.id === 'revocation_status'),
        false,
      );
      const [schema] = schemaResultsOf(result);
      assert.equal(schema?.schema, OB_ACHIEVEMENT_SCHEMA_URL);
      assert.equal(schema.result.valid, true, inspect(schema.result.errors, { depth: 6 }));
    });
  }

  it('rejects a tampered copy with invalid_signature and no log', async () => {
    const result = await dccVerify(tamper(await ourDi(buildCredential('full', did), key)));
    assert.equal(result.errors?.[0]?.name, 'invalid_signature');
    assert.equal(result.log, undefined);
  });

  it('rejects a signature by another key that names this issuer’s verification method', async () => {
    const impostor = generateSigningKey('ed25519');
    const forged = await ourDi(buildCredential('minimal', did), impostor, `${did}#${did.slice(8)}`);
    const result = await dccVerify(forged);
    assert.equal(result.errors?.[0]?.name, 'invalid_signature');
  });
});

describe('ours → DCC verifier-core: Bitstring Status List revocation', () => {
  let key: SigningKey;
  let did: string;

  before(async () => {
    key = generateSigningKey('ed25519');
    did = didKeyFor(key);
    const list = createStatusList();
    setStatus(list, REVOKED_INDEX, true);
    const unsigned = buildStatusListCredential({
      id: STATUS_LIST_URL,
      issuer: did,
      statusPurpose: 'revocation',
      list,
      validFrom: VALID_FROM,
    }) as unknown as Json;
    const proof = await createEddsaRdfc2022Proof(unsigned, {
      privateKey: key.privateKey,
      verificationMethod: `${did}#${did.slice(8)}`,
      created: CREATED,
      canonizer: createCanonizer(),
    });
    network.serve(STATUS_LIST_URL, { ...unsigned, proof: [proof] });
    network.serve(REGISTRY_URL, { registry: {} });
  });

  const withStatus = async (index: number): Promise<Json> => {
    const credential = buildCredential('minimal', did);
    credential.credentialStatus = buildStatusListEntry({
      statusListCredential: STATUS_LIST_URL,
      statusListIndex: index,
      statusPurpose: 'revocation',
    });
    return ourDi(credential, key);
  };

  it('agrees with our verifier on a revoked and an active credential', async () => {
    const ours = createVerifier({
      now: () => NOW,
      fetchJson: (url) => fetch(url).then((response) => response.json()),
    });
    for (const [index, revoked] of [
      [REVOKED_INDEX, true],
      [ACTIVE_INDEX, false],
    ] as const) {
      const credential = await withStatus(index);
      const result = await dccVerify(credential);
      assert.equal(result.errors, undefined, inspect(result.errors, { depth: 6 }));
      assert.equal(stepOf(result, 'valid_signature').valid, true);
      const status = stepOf(result, 'revocation_status');
      assert.equal(status.error, undefined, inspect(status.error, { depth: 6 }));
      assert.equal(status.valid, !revoked, `index ${index}`);

      const report = await ours.verifyCredential(credential);
      assert.equal(
        report.status,
        revoked ? 'revoked' : 'valid',
        inspect(report.checks, { depth: 4 }),
      );
    }
  });
});

describe('offline', () => {
  it('fetched only the served documents', () => {
    assert.deepEqual(network.refused, []);
    const hosts = new Set(network.served.map((url) => new URL(url).host));
    assert.deepEqual([...hosts].sort(), [
      'purl.imsglobal.org',
      'registry.akashi.test',
      'status.akashi.test',
    ]);
  });
});
