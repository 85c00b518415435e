/**
 * `POST /credentials/issue`: a credential issued with an API key verifies in our verifier and in
 * Digital Bazaar's reference libraries (their document loader serves only the bundled contexts,
 * our DID document and status lists as our routes serve them: nothing is fetched); bad input gets
 * a specific 400/403/409 and stores nothing.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { createDocumentLoader } from '@akashi/core';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { buildVcApiTestWorld, plainCredential, type VcApiTestWorld } from './vc-api-test-world.js';

type Json = Record<string, unknown>;
type Loader = (
  url: string,
) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
interface VcModule {
  verifyCredential(options: {
    credential: Json;
    suite: unknown;
    documentLoader: Loader;
    checkStatus?: unknown;
  }): Promise<{ verified: boolean; error?: unknown; statusResult?: { verified: boolean } }>;
}
const load = async <T>(name: string): Promise<T> => (await import(name)) as T;

const countRows = async (db: Database): Promise<number> =>
  (await db.kysely.selectFrom('vc_api_credentials').select('id').execute()).length;

const errorCode = (body: Json): unknown => (body.error as Json | undefined)?.code;

/** Digital Bazaar's verdict, with our DID document and status lists given to their loader. */
const theirVerdict = async (world: VcApiTestWorld, credential: Json) => {
  const vc = await load<VcModule>('@digitalbazaar/vc');
  const { checkStatus } = await load<{ checkStatus: unknown }>(
    '@digitalbazaar/vc-bitstring-status-list',
  );
  const { DataIntegrityProof } = await load<{
    DataIntegrityProof: new (options: { cryptosuite: unknown }) => object;
  }>('@digitalbazaar/data-integrity');
  const { cryptosuite } = await load<{ cryptosuite: unknown }>(
    '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
  );
  const did = await world.test.app.inject({
    method: 'GET',
    url: `/issuers/${world.profile.id}/did.json`,
    headers: { accept: 'application/did+json, application/json' },
  });
  assert.equal(did.statusCode, 200, did.body);
  const didDocument = did.json<Json>();
  const documents = new Map<string, unknown>([[String(didDocument.id), didDocument]]);
  for (const method of didDocument.verificationMethod as Json[]) {
    documents.set(String(method.id), {
      '@context': 'https://w3id.org/security/multikey/v1',
      ...method,
    });
  }
  const entries = credential.credentialStatus as Json[];
  for (const entry of entries) {
    const url = String(entry.statusListCredential);
    const list = await world.test.app.inject({ method: 'GET', url: new URL(url).pathname });
    assert.equal(list.statusCode, 200, list.body);
    documents.set(url, list.json());
  }
  const suite = new DataIntegrityProof({ cryptosuite });
  return vc.verifyCredential({
    credential,
    suite,
    documentLoader: createDocumentLoader({ documents }),
    checkStatus,
  });
};

describe('POST /credentials/issue', () => {
  forEachDatabase(
    'issues with an API key; the credential verifies here and in @digitalbazaar/vc',
    async (db) => {
      const world = await buildVcApiTestWorld(db);
      try {
        const unsigned = plainCredential(world.profile.identifier, {
          validFrom: '2026-01-01T00:00:00Z',
        });
        const issued = await world.post(
          '/credentials/issue',
          { credential: unsigned, options: { checks: ['proof'] } },
          world.headers,
        );
        assert.equal(issued.status, 201, JSON.stringify(issued.body));
        const credential = issued.body.verifiableCredential as Json;
        assert.equal(credential.id, unsigned.id);
        assert.deepEqual(credential['@context'], unsigned['@context']);
        const proof = credential.proof as Json;
        assert.equal(proof.cryptosuite, 'eddsa-rdfc-2022');
        assert.ok(String(proof.verificationMethod).startsWith(`${world.profile.identifier}#`));
        const entries = credential.credentialStatus as Json[];
        assert.deepEqual(
          entries.map((e) => e.statusPurpose),
          ['revocation', 'suspension'],
        );
        for (const entry of entries) {
          assert.ok(
            String(entry.statusListCredential).startsWith('https://badges.example.ac.jp/status/'),
          );
        }
        assert.equal(await countRows(db), 1);

        const ours = await world.post('/credentials/verify', { verifiableCredential: credential });
        assert.equal(ours.status, 200, JSON.stringify(ours.body));
        assert.equal(ours.body.verified, true);
        assert.deepEqual(ours.body.errors, []);

        const theirs = await theirVerdict(world, credential);
        assert.equal(theirs.verified, true, String(theirs.error));
      } finally {
        await world.test.close();
      }
    },
  );

  forEachDatabase('refuses an issuer of another organisation, or none of ours', async (db) => {
    const world = await buildVcApiTestWorld(db);
    try {
      const other = await world.addOrganisation();
      const foreign = await world.post(
        '/credentials/issue',
        { credential: plainCredential(other.profile.identifier) },
        world.headers,
      );
      assert.equal(foreign.status, 403);
      assert.equal(errorCode(foreign.body), 'ERR_VC_API_ISSUER_FORBIDDEN');
      const unknown = await world.post(
        '/credentials/issue',
        { credential: plainCredential('did:web:elsewhere.example') },
        world.headers,
      );
      assert.equal(unknown.status, 400);
      assert.equal(errorCode(unknown.body), 'ERR_VC_API_ISSUER_UNKNOWN');
      const anonymous = await world.post('/credentials/issue', {
        credential: plainCredential(world.profile.identifier),
      });
      assert.equal(anonymous.status, 401);
      const noScope = await world.post(
        '/credentials/issue',
        { credential: plainCredential(world.profile.identifier) },
        (
          await import('../auth/test-factories.js').then((m) =>
            m.insertTestApiKey(db, world.organisationId, ['badges:read']),
          )
        ).headers,
      );
      assert.equal(noScope.status, 403);
      assert.equal(errorCode(noScope.body), 'ERR_POLICY_SCOPE_MISSING');
      assert.equal(await countRows(db), 0);
    } finally {
      await world.test.close();
    }
  });

  forEachDatabase('refuses bad credentials with specific errors and stores nothing', async (db) => {
    const world = await buildVcApiTestWorld(db);
    try {
      const issuer = world.profile.identifier;
      const cases: [string, unknown, number, string][] = [
        [
          'unknown context',
          plainCredential(issuer, {
            '@context': [
              'https://www.w3.org/ns/credentials/v2',
              'https://www.w3.org/ns/credentials/examples/v2',
            ],
          }),
          400,
          'ERR_VC_API_CONTEXT_UNKNOWN',
        ],
        [
          'missing context',
          { ...plainCredential(issuer), '@context': undefined },
          400,
          'ERR_VC_API_CONTEXT_MISSING',
        ],
        [
          'wrong first context',
          plainCredential(issuer, {
            '@context': ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
          }),
          400,
          'ERR_VC_API_CONTEXT_FIRST',
        ],
        [
          'proof present',
          plainCredential(issuer, { proof: { type: 'DataIntegrityProof' } }),
          400,
          'ERR_VC_API_PROOF_PRESENT',
        ],
        [
          'status present',
          plainCredential(issuer, { credentialStatus: { type: 'BitstringStatusListEntry' } }),
          400,
          'ERR_VC_API_STATUS_PRESENT',
        ],
        [
          'no issuer',
          { ...plainCredential(issuer), issuer: undefined },
          400,
          'ERR_VC_API_ISSUER_MISSING',
        ],
        [
          'validUntil before validFrom',
          plainCredential(issuer, {
            validFrom: '2026-02-01T00:00:00Z',
            validUntil: '2026-01-01T00:00:00Z',
          }),
          400,
          'ERR_VC_API_CREDENTIAL_INVALID',
        ],
        [
          'no VerifiableCredential type',
          plainCredential(issuer, { type: ['Other'] }),
          400,
          'ERR_VC_API_CREDENTIAL_INVALID',
        ],
        [
          'malformed status entry elsewhere',
          plainCredential(issuer, {
            statusEntry: {
              type: 'BitstringStatusListEntry',
              statusListIndex: true,
              statusListCredential: 'https://example.com',
            },
          }),
          400,
          'ERR_VC_API_CREDENTIAL_INVALID',
        ],
        [
          'undefined term in a v1 credential',
          {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiableCredential'],
            issuer,
            issuanceDate: '2026-01-01T00:00:00Z',
            credentialSubject: { undefinedTerm: 1 },
          },
          400,
          'ERR_VC_API_JSONLD_INVALID',
        ],
        ['not an object', 'text', 400, 'ERR_HTTP_VALIDATION'],
      ];
      for (const [name, credential, status, code] of cases) {
        const response = await world.post(
          '/credentials/issue',
          { credential: JSON.parse(JSON.stringify(credential)) as unknown },
          world.headers,
        );
        assert.equal(response.status, status, `${name}: ${JSON.stringify(response.body)}`);
        assert.equal(errorCode(response.body), code, name);
      }
      assert.equal(await countRows(db), 0);

      const first = plainCredential(issuer);
      assert.equal(
        (await world.post('/credentials/issue', { credential: first }, world.headers)).status,
        201,
      );
      const again = await world.post('/credentials/issue', { credential: first }, world.headers);
      assert.equal(again.status, 409);
      assert.equal(errorCode(again.body), 'ERR_VC_API_CREDENTIAL_ID_TAKEN');
      assert.equal(await countRows(db), 1);
    } finally {
      await world.test.close();
    }
  });

  forEachDatabase(
    'a VC 1.1 credential gets the contexts it needs appended, order kept',
    async (db) => {
      const world = await buildVcApiTestWorld(db);
      try {
        const unsigned = {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          id: 'urn:uuid:0b5f6f7e-1c1e-4a53-9f0b-1a2b3c4d5e6f',
          type: ['VerifiableCredential'],
          issuer: world.profile.identifier,
          issuanceDate: '2026-01-01T00:00:00Z',
          credentialSubject: { id: 'did:example:learner' },
        };
        const issued = await world.post(
          '/credentials/issue',
          { credential: unsigned },
          world.headers,
        );
        assert.equal(issued.status, 201, JSON.stringify(issued.body));
        const credential = issued.body.verifiableCredential as Json;
        assert.deepEqual(credential['@context'], [
          'https://www.w3.org/2018/credentials/v1',
          'https://w3id.org/security/data-integrity/v2',
          'https://www.w3.org/ns/credentials/status/v1',
        ]);
        const verified = await world.post('/credentials/verify', {
          verifiableCredential: credential,
        });
        assert.equal(verified.status, 200, JSON.stringify(verified.body));
      } finally {
        await world.test.close();
      }
    },
  );
});
