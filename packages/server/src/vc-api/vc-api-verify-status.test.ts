/**
 * `POST /credentials/verify`, `/credentials/status` and `/presentations/verify`: a valid
 * credential verifies (200), a tampered one is refused (400 with errors); revoking and suspending
 * through the status endpoint is seen by the next verification at once (status lists read in
 * process); presentations are verified unsigned (credentials only, with a warning) and signed
 * (did:key holder, challenge and domain).
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe } from 'node:test';
import {
  createCanonizer,
  didKeyFor,
  encodeMultibaseBase58btc,
  hashEddsaRdfc2022,
} from '@akashi/core';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildVcApiTestWorld, plainCredential, type VcApiTestWorld } from './vc-api-test-world.js';

type Json = Record<string, unknown>;

const errorCode = (body: Json): unknown => (body.error as Json | undefined)?.code;

const issue = async (world: VcApiTestWorld, extra: Json = {}): Promise<Json> => {
  const issued = await world.post(
    '/credentials/issue',
    { credential: plainCredential(world.profile.identifier, extra) },
    world.headers,
  );
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  return issued.body.verifiableCredential as Json;
};

const verify = (world: VcApiTestWorld, credential: Json) =>
  world.post('/credentials/verify', {
    verifiableCredential: credential,
    options: { checks: ['proof', 'credentialStatus'] },
  });

const setStatus = (
  world: VcApiTestWorld,
  credentialId: unknown,
  statusPurpose: string,
  status?: boolean,
  headers = world.headers,
) =>
  world.post(
    '/credentials/status',
    {
      credentialId,
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose },
      ...(status === undefined ? {} : { status }),
    },
    headers,
  );

/** A presentation signed by a fresh did:key holder (eddsa-rdfc-2022, authentication). */
const signPresentation = async (presentation: Json, proofOptions: Json): Promise<Json> => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const did = didKeyFor(publicKey);
  const unsigned = { ...presentation, holder: did };
  const options: Json = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2026-01-01T00:00:00Z',
    verificationMethod: `${did}#${did.slice('did:key:'.length)}`,
    proofPurpose: 'authentication',
    ...proofOptions,
  };
  const data = await hashEddsaRdfc2022(unsigned, options, createCanonizer());
  const proofValue = encodeMultibaseBase58btc(sign(null, data, privateKey));
  return { ...unsigned, proof: { ...options, proofValue } };
};

const presentationOf = (credentials: Json[]): Json => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiablePresentation'],
  verifiableCredential: credentials,
});

describe('VC-API verify, status and presentations', () => {
  forEachDatabase(
    'a valid credential verifies; a tampered one is refused with errors',
    async (db) => {
      const world = await buildVcApiTestWorld(db);
      try {
        const credential = await issue(world);
        const valid = await verify(world, credential);
        assert.equal(valid.status, 200);
        assert.equal(valid.body.verified, true);
        assert.ok((valid.body.checks as string[]).includes('proof'));
        assert.ok((valid.body.checks as string[]).includes('credentialStatus'));

        const tampered = { ...credential, credentialSubject: { id: 'did:example:someone-else' } };
        const refused = await verify(world, tampered);
        assert.equal(refused.status, 400);
        assert.equal(refused.body.verified, false);
        assert.equal(errorCode(refused.body), 'ERR_VC_API_NOT_VERIFIED');
        const errors = refused.body.errors as Json[];
        assert.equal(errors[0]?.code, 'ERR_PROOF_SIGNATURE');
        assert.equal(errors[0].type, 'https://w3id.org/security#PROOF_VERIFICATION_ERROR');

        const unsigned = { ...credential, proof: undefined };
        const noProof = await verify(world, JSON.parse(JSON.stringify(unsigned)) as Json);
        assert.equal(noProof.status, 400);
        const malformed = await world.post('/credentials/verify', { credential });
        assert.equal(malformed.status, 400);
        assert.equal(errorCode(malformed.body), 'ERR_HTTP_VALIDATION');
      } finally {
        await world.test.close();
      }
    },
  );

  forEachDatabase(
    'revocation and suspension set through the status endpoint are seen at once',
    async (db) => {
      const world = await buildVcApiTestWorld(db);
      try {
        const credential = await issue(world);
        const suspended = await setStatus(world, credential.id, 'suspension', true);
        assert.equal(suspended.status, 200, JSON.stringify(suspended.body));
        assert.deepEqual(suspended.body.credentialStatus, [
          { statusPurpose: 'suspension', status: true, changed: true },
        ]);
        const whileSuspended = await verify(world, credential);
        assert.equal(whileSuspended.status, 400);
        assert.equal(whileSuspended.body.status, 'suspended');

        const lifted = await setStatus(world, credential.id, 'suspension', false);
        assert.equal(lifted.status, 200);
        assert.equal((await verify(world, credential)).status, 200);

        // The Bitstring suite's helper sends no `status`: true is meant.
        const revoked = await setStatus(world, credential.id, 'revocation');
        assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
        const afterRevocation = await verify(world, credential);
        assert.equal(afterRevocation.status, 400);
        assert.equal(afterRevocation.body.status, 'revoked');
        assert.equal(((afterRevocation.body.errors as Json[])[0] as Json).code, 'STATUS_REVOKED');

        const undo = await setStatus(world, credential.id, 'revocation', false);
        assert.equal(undo.status, 400);
        assert.equal(errorCode(undo.body), 'ERR_VC_API_REVOCATION_PERMANENT');
        const again = await setStatus(world, credential.id, 'revocation', true);
        assert.deepEqual(again.body.credentialStatus, [
          { statusPurpose: 'revocation', status: true, changed: false },
        ]);

        const other = await world.addOrganisation();
        const foreign = await setStatus(world, credential.id, 'revocation', true, other.headers);
        assert.equal(foreign.status, 404);
        const unknown = await setStatus(
          world,
          'urn:uuid:00000000-0000-4000-8000-000000000000',
          'revocation',
        );
        assert.equal(unknown.status, 404);
        assert.equal(errorCode(unknown.body), 'ERR_VC_API_CREDENTIAL_NOT_FOUND');
        const anonymous = await setStatus(world, credential.id, 'revocation', true, {});
        assert.equal(anonymous.status, 401);
        const badType = await world.post(
          '/credentials/status',
          {
            credentialId: credential.id,
            credentialStatus: { type: 'StatusList2021Entry', statusPurpose: 'revocation' },
          },
          world.headers,
        );
        assert.equal(errorCode(badType.body), 'ERR_VC_API_STATUS_TYPE');

        const onlyRevocable = await world.post(
          '/credentials/issue',
          {
            credential: plainCredential(world.profile.identifier),
            options: { statusPurposes: ['revocation'] },
          },
          world.headers,
        );
        const id = (onlyRevocable.body.verifiableCredential as Json).id;
        const absent = await setStatus(world, id, 'suspension', true);
        assert.equal(errorCode(absent.body), 'ERR_VC_API_STATUS_PURPOSE_ABSENT');

        const list = String(
          ((credential.credentialStatus as Json[])[0] as Json).statusListCredential,
        );
        const publish = await world.post(`${new URL(list).pathname}/publish`, {}, world.headers);
        assert.equal(publish.status, 204);
      } finally {
        await world.test.close();
      }
    },
  );

  forEachDatabase(
    'presentations: unsigned with a valid credential; signed with challenge and domain',
    async (db) => {
      const world = await buildVcApiTestWorld(db);
      try {
        const credential = await issue(world);
        const unsigned = await world.post('/presentations/verify', {
          verifiablePresentation: presentationOf([credential]),
        });
        assert.equal(unsigned.status, 200, JSON.stringify(unsigned.body));
        assert.equal(unsigned.body.verified, true);
        assert.equal((unsigned.body.warnings as Json[])[0]?.code, 'VP_NOT_SIGNED');
        assert.equal((unsigned.body.credentialResults as Json[])[0]?.verified, true);

        const tampered = {
          ...credential,
          issuer: credential.issuer,
          credentialSubject: { id: 'did:example:x' },
        };
        const bad = await world.post('/presentations/verify', {
          verifiablePresentation: presentationOf([credential, tampered]),
        });
        assert.equal(bad.status, 200);
        assert.equal(bad.body.verified, false);
        assert.deepEqual(
          (bad.body.credentialResults as Json[]).map((r) => r.verified),
          [true, false],
        );

        const signed = await signPresentation(presentationOf([credential]), {
          challenge: 'c-123',
          domain: 'verifier.example',
        });
        const good = await world.post('/presentations/verify', {
          verifiablePresentation: signed,
          options: { challenge: 'c-123', domain: 'verifier.example' },
        });
        assert.equal(good.status, 200);
        assert.equal(good.body.verified, true, JSON.stringify(good.body.errors));
        assert.deepEqual(good.body.warnings, []);

        const wrongChallenge = await world.post('/presentations/verify', {
          verifiablePresentation: signed,
          options: { challenge: 'other', domain: 'verifier.example' },
        });
        assert.equal(wrongChallenge.body.verified, false);
        assert.equal((wrongChallenge.body.errors as Json[])[0]?.code, 'ERR_VP_CHALLENGE');

        const altered = { ...signed, holder: 'did:example:impostor' };
        const forged = await world.post('/presentations/verify', {
          verifiablePresentation: altered,
        });
        assert.equal(forged.body.verified, false);

        const notAPresentation = await world.post('/presentations/verify', {
          verifiablePresentation: {
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            type: ['Other'],
          },
        });
        assert.equal(notAPresentation.status, 400);
        assert.equal(errorCode(notAPresentation.body), 'ERR_VC_API_PRESENTATION_INVALID');
      } finally {
        await world.test.close();
      }
    },
  );
});
