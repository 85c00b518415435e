import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  createBadgeVerifier,
  createVerifier,
  issueCredential,
  type VerificationReport,
} from '@akashi/core';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { AppContext } from '../http/app-context.js';
import { makeTestCredential, testActor } from '../keys/key-test-factories.js';
import type { IssuerIdentifierMethod } from './issuer-profile.js';
import { loadIssuerSigning } from './issuer-signing.js';
import { createTestContext, insertTestIssuerProfile } from './issuer-test-factories.js';
import { createLocalMethodResolver } from './resolve-local-did.js';
import { rotateIssuerKeys } from './rotate-issuer-keys.js';

const failures = (report: VerificationReport): string =>
  JSON.stringify(report.checks.filter((check) => check.outcome !== 'passed'));

const signWithProfile = async (context: AppContext, profileId: string) => {
  const signing = await loadIssuerSigning(context, profileId);
  const { credential } = await issueCredential(makeTestCredential(signing.issuerId), {
    key: signing.ed25519.signingKey(),
    verificationMethod: signing.verificationMethod,
  });
  return { signing, credential };
};

const METHODS: readonly IssuerIdentifierMethod[] = ['did:web', 'did:key', 'https'];

describe('issuer signing', () => {
  for (const method of METHODS) {
    forEachDatabase(
      `${method}: what a profile signs verifies in the core verifier through the local resolver, also after a rotation`,
      async (db) => {
        const { context } = createTestContext(db);
        const org = await insertTestOrganisation(db);
        const profile = await insertTestIssuerProfile(context, org, { identifierMethod: method });
        const local = createLocalMethodResolver(context);
        // A verifier without caches: a rotation must show at once.
        const verifier = createVerifier({ fetchDocument: local.fetchDocument, cacheTtlMs: 0 });

        const before = await signWithProfile(context, profile.id);
        assert.equal(before.signing.issuerId, profile.identifier);
        const expectedMethod = {
          'did:web': `${profile.identifier}#${before.signing.ed25519.kid}`,
          'did:key': `${profile.identifier}#${before.signing.ed25519.kid}`,
          https: `https://badges.example.ac.jp/issuers/${profile.id}/keys/${before.signing.ed25519.kid}`,
        }[method];
        assert.equal(before.signing.verificationMethod, expectedMethod);
        assert.equal(
          before.signing.ob2PublicKeyUrl,
          `https://badges.example.ac.jp/issuers/${profile.id}/keys/${before.signing.rsa.kid}`,
        );
        const first = await verifier.verifyCredential(before.credential);
        assert.equal(first.status, 'valid', failures(first));
        assert.ok(first.checks.some((c) => c.name === 'issuer' && c.outcome === 'passed'));

        const resolved = await local.resolve(before.signing.verificationMethod);
        assert.equal(resolved.controller, before.signing.issuerId);
        assert.ok(resolved.assertionMethodOf.includes(before.signing.issuerId));

        // A did:key profile's Ed25519 key is its identity and is not rotated (its RSA key is).
        const rotating: readonly ('ed25519' | 'rsa')[] =
          method === 'did:key' ? ['rsa'] : ['ed25519', 'rsa'];
        await rotateIssuerKeys(context, org, profile.id, rotating, {
          actor: testActor(),
          now: new Date(),
        });
        const after = await signWithProfile(context, profile.id);
        if (method === 'did:key')
          assert.equal(after.signing.ed25519.kid, before.signing.ed25519.kid);
        else assert.notEqual(after.signing.ed25519.kid, before.signing.ed25519.kid);
        assert.notEqual(after.signing.rsa.kid, before.signing.rsa.kid);
        assert.equal(after.signing.issuerId, before.signing.issuerId);

        const old = await verifier.verifyCredential(before.credential);
        assert.equal(old.status, 'valid', `signed before the rotation: ${failures(old)}`);
        const fresh = await verifier.verifyCredential(after.credential);
        assert.equal(fresh.status, 'valid', `signed after the rotation: ${failures(fresh)}`);
        // And through the one-entry-point verifier.
        const badge = await createBadgeVerifier({ fetchDocument: local.fetchDocument }).verify(
          before.credential,
        );
        assert.equal(badge.status, 'valid', failures(badge));
      },
    );
  }

  forEachDatabase('VC-JWTs of a did:web profile verify, EdDSA and RS256', async (db) => {
    const { context } = createTestContext(db);
    const org = await insertTestOrganisation(db);
    const profile = await insertTestIssuerProfile(context, org);
    const signing = await loadIssuerSigning(context, profile.id);
    const verifier = createVerifier({
      fetchDocument: createLocalMethodResolver(context).fetchDocument,
    });
    const credential = makeTestCredential(signing.issuerId);
    const eddsa = await issueCredential(credential, {
      key: signing.ed25519.signingKey(),
      format: 'jwt',
      verificationMethod: signing.verificationMethod,
    });
    assert.equal(eddsa.format, 'jwt');
    const eddsaReport = await verifier.verifyCredential(eddsa.jwt);
    assert.equal(eddsaReport.status, 'valid', failures(eddsaReport));
    assert.equal(signing.rsaVerificationMethod, `${signing.issuerId}#${signing.rsa.kid}`);
    const rs256 = await issueCredential(credential, {
      key: signing.rsa.signingKey(),
      format: 'jwt',
      verificationMethod: signing.rsaVerificationMethod,
    });
    assert.equal(rs256.format, 'jwt');
    const rsReport = await verifier.verifyCredential(rs256.jwt);
    assert.equal(rsReport.status, 'valid', failures(rsReport));
  });

  forEachDatabase('the local resolver answers only our issuer documents', async (db) => {
    const { context } = createTestContext(db);
    const local = createLocalMethodResolver(context);
    assert.equal(local.isLocal('https://badges.example.ac.jp/issuers/x/did.json'), true);
    assert.equal(local.isLocal('https://badges.example.ac.jp/issuers/x/keys/k'), true);
    assert.equal(local.isLocal('https://badges.example.ac.jp/issuers/x/revocations'), false);
    assert.equal(local.isLocal('https://elsewhere.example.jp/issuers/x/did.json'), false);
    const missing = await local.fetchDocument('https://badges.example.ac.jp/issuers/nobody');
    assert.equal(missing.status, 404);
    await assert.rejects(local.fetchDocument('https://elsewhere.example.jp/x'), {
      code: 'ERR_FETCH_FAILED',
    });
    await assert.rejects(local.resolve('did:web:badges.example.ac.jp:issuers:nobody#z6Mk'), {
      code: 'ERR_FETCH_FAILED',
    });
  });
});
