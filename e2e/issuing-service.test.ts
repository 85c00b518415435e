/**
 * The issuing service end to end, in process, through the HTTP API as an organisation uses it:
 * org admin creates the issuer profile (did:web) and an achievement, an API key awards it, and
 * what we publish is checked by implementations we did not write:
 * - the OB 3.0 credential verifies in `@digitalbazaar/vc` (eddsa-rdfc-2022) with its status
 *   checked by `@digitalbazaar/vc-bitstring-status-list`, and validates against the official
 *   1EdTech JSON Schema (Ajv 2019-09);
 * - the OB 2.0 hosted and signed assertions verify in our OB 2.0 verifier;
 * then revoke → both report revoked; suspend/reinstate; key rotation keeps old awards valid.
 * Every document (DID document, status list, assertion) is read from the app in process: nothing
 * goes to the network.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { createBadgeVerifier, createDocumentLoader } from '../packages/core/src/index.js';
import {
  insertTestApiKey,
  insertTestMembership,
  insertTestOrganisation,
  insertTestUser,
  signInForTest,
} from '../packages/server/src/auth/test-factories.js';
import { migrateDatabase } from '../packages/server/src/db/migrate-database.js';
import { openDatabase } from '../packages/server/src/db/open-database.js';
import { buildTestApp, type TestApp } from '../packages/server/src/http/build-test-app.js';
import { createInProcessFetchDocument } from '../packages/server/src/http/in-process-fetch.js';

type Json = Record<string, unknown>;

const PUBLIC_URL = 'https://badges.example.ac.jp';
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const officialSchema = JSON.parse(
  readFileSync(
    new URL('../../shared/fixtures/schemas/ob3/achievementcredential.json', import.meta.url),
    'utf8',
  ),
) as Json;
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validateOfficial = ajv.compile(officialSchema);

let test: TestApp;
let organisationId: string;
let admin: Record<string, string>;
let apiKey: Record<string, string>;
let issuerId: string;
let achievementId: string;

const call = async (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
): Promise<{ status: number; body: Json; text: string }> => {
  const response = await test.app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
  let body: Json = {};
  try {
    body = response.json<Json>();
  } catch {
    body = {};
  }
  return { status: response.statusCode, body, text: response.body };
};

const getJson = async (path: string): Promise<Json> => {
  const response = await call('GET', path, { accept: 'application/json' });
  assert.equal(response.status, 200, `${path}: ${response.text}`);
  return response.body;
};

/** A Digital Bazaar document loader: bundled contexts, plus our DID document and status lists. */
const theirLoader = async (credential: Json) => {
  const documents = new Map<string, Json>();
  const did = (credential.issuer as Json).id as string;
  const didDocument = await getJson(`/issuers/${did.split(':').at(-1) ?? ''}/did.json`);
  documents.set(did, didDocument);
  for (const method of didDocument.verificationMethod as Json[]) {
    documents.set(method.id as string, {
      '@context': 'https://w3id.org/security/multikey/v1',
      ...method,
    });
  }
  const statuses = credential.credentialStatus;
  for (const entry of (Array.isArray(statuses) ? statuses : [statuses]) as Json[]) {
    const url = entry.statusListCredential as string;
    documents.set(url, await getJson(new URL(url).pathname));
  }
  return createDocumentLoader({ documents });
};

const theirVerify = async (credential: Json) => {
  const documentLoader = await theirLoader(credential);
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader,
    checkStatus: () =>
      checkStatus({
        credential,
        documentLoader,
        suite: new DataIntegrityProof({ cryptosuite }),
        verifyBitstringStatusListCredential: true,
        verifyMatchingIssuers: true,
      }),
  });
};

/** Digital Bazaar's reading of the status bits: `verified` says the check ran, `status` the bit. */
const theirStatus = async (credential: Json): Promise<boolean[]> => {
  const result = await checkStatus({
    credential,
    documentLoader: await theirLoader(credential),
    suite: new DataIntegrityProof({ cryptosuite }),
    verifyBitstringStatusListCredential: true,
    verifyMatchingIssuers: true,
  });
  assert.equal(result.verified, true, String(result.error));
  return (result.results ?? []).map((entry) => entry.status);
};

const ours = () =>
  createBadgeVerifier({
    fetchDocument: createInProcessFetchDocument(test.app, PUBLIC_URL),
    cacheTtlMs: 0,
  });

const award = async (body: Json) => {
  const response = await call(
    'POST',
    `/api/v1/organisations/${organisationId}/achievements/${achievementId}/awards`,
    apiKey,
    body,
  );
  assert.equal(response.status, 201, response.text);
  return response.body as {
    award: Json & { id: string; links: Record<string, string> };
    credential: Json;
  };
};

describe('issuing service, end to end', () => {
  before(async () => {
    const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    await migrateDatabase(db);
    test = buildTestApp({ db, config: { publicUrl: PUBLIC_URL } });
    organisationId = await insertTestOrganisation(db, { domain: 'e2e.example.ac.jp' });
    const user = await insertTestUser(db);
    await insertTestMembership(db, organisationId, user.id, 'org_admin');
    admin = await signInForTest(db, user.id, { secondFactor: true });
    apiKey = (
      await insertTestApiKey(db, organisationId, ['badges:issue', 'badges:revoke', 'badges:read'])
    ).headers;
    const issuer = await call('POST', `/api/v1/organisations/${organisationId}/issuers`, admin, {
      name: { ja: '国立証大学', en: 'Akashi National University' },
      url: 'https://www.e2e.example.ac.jp',
      email: 'badges@e2e.example.ac.jp',
    });
    assert.equal(issuer.status, 201, issuer.text);
    issuerId = issuer.body.id as string;
    const achievement = await call(
      'POST',
      `/api/v1/organisations/${organisationId}/achievements`,
      admin,
      {
        name: { ja: 'データサイエンス基礎', en: 'Data science basics' },
        description: {
          ja: '統計とプログラミングの基礎を修得した。',
          en: 'Learnt the basics of statistics and programming.',
        },
        criteria: { narrative: { ja: '全8回の課題に合格すること。' } },
        achievementType: 'Course',
        validity: { years: 3 },
      },
    );
    assert.equal(achievement.status, 201, achievement.text);
    achievementId = achievement.body.id as string;
  });
  after(async () => {
    await test.close();
  });

  it('awards a did:web credential that Digital Bazaar, the 1EdTech schema and we all accept', async () => {
    const { award: made, credential } = await award({
      recipient: { email: 'hanako@e2e.example.ac.jp', name: '山田 花子' },
      externalId: 'S-2026-001',
    });
    assert.match(
      (credential.issuer as Json).id as string,
      /^did:web:badges\.example\.ac\.jp:issuers:/,
    );
    assert.ok(validateOfficial(credential), JSON.stringify(validateOfficial.errors));
    const theirs = await theirVerify(credential);
    assert.equal(theirs.verified, true, JSON.stringify(theirs, null, 1).slice(0, 2000));
    const report = await ours().verify(credential);
    assert.equal(report.status, 'valid');
    // The public copy is the one signed.
    assert.deepEqual(await getJson(made.links.credential.slice(PUBLIC_URL.length)), credential);
  });

  it('serves OB 2.0 hosted and signed assertions that verify, until revoked', async () => {
    const { award: made, credential } = await award({
      recipient: { email: 'taro@e2e.example.ac.jp' },
    });
    const hostedUrl = made.links.ob2Assertion;
    const signed = await call('GET', made.links.ob2SignedAssertion.slice(PUBLIC_URL.length), {});
    assert.equal(signed.status, 200);
    const verifier = ours();
    const hostedReport = await verifier.verify(hostedUrl);
    assert.equal(hostedReport.status, 'valid', JSON.stringify(hostedReport.checks));
    assert.equal((await verifier.verify(signed.text)).status, 'valid');

    const revoked = await call(
      'POST',
      `/api/v1/organisations/${organisationId}/awards/${made.id}/revoke`,
      apiKey,
      { reason: '不正受験' },
    );
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal((await call('GET', hostedUrl.slice(PUBLIC_URL.length), {})).status, 410);
    assert.equal((await verifier.verify(hostedUrl)).status, 'revoked');
    assert.equal((await verifier.verify(signed.text)).status, 'revoked');
    assert.equal((await verifier.verify(credential)).status, 'revoked');
    // Their verifier still accepts the signature; their status library reads the bit as set.
    assert.deepEqual(await theirStatus(credential), [true]);
    const list = await getJson(`/issuers/${issuerId}/revocations`);
    assert.ok(
      (list.revokedAssertions as Json[]).some((entry) => entry.id === `urn:uuid:${made.id}`),
    );
  });

  it('suspends and reinstates a suspendable award', async () => {
    const { award: made, credential } = await award({
      recipient: { email: 'jiro@e2e.example.ac.jp' },
      suspendable: true,
    });
    const base = `/api/v1/organisations/${organisationId}/awards/${made.id}`;
    assert.equal((await call('POST', `${base}/suspend`, apiKey, { reason: '確認中' })).status, 200);
    assert.equal((await ours().verify(credential)).status, 'suspended');
    assert.deepEqual(await theirStatus(credential), [false, true]);
    assert.equal((await call('POST', `${base}/reinstate`, apiKey)).status, 200);
    assert.equal((await ours().verify(credential)).status, 'valid');
    assert.equal((await theirVerify(credential)).verified, true);
    assert.deepEqual(await theirStatus(credential), [false, false]);
  });

  it('keeps every earlier award valid after a key rotation', async () => {
    const { credential: before } = await award({
      recipient: { email: 'saburo@e2e.example.ac.jp' },
    });
    const rotated = await call(
      'POST',
      `/api/v1/organisations/${organisationId}/issuers/${issuerId}/rotate-keys`,
      admin,
      {},
    );
    assert.equal(rotated.status, 200, rotated.text);
    test.app.log.info('rotated');
    const { credential: afterRotation } = await award({
      recipient: { email: 'shiro@e2e.example.ac.jp' },
    });
    const proofOf = (credential: Json) => (credential.proof as Json[])[0]?.verificationMethod;
    assert.notEqual(proofOf(before), proofOf(afterRotation));
    for (const credential of [before, afterRotation]) {
      assert.equal((await ours().verify(credential)).status, 'valid');
      assert.equal((await theirVerify(credential)).verified, true);
    }
  });
});
