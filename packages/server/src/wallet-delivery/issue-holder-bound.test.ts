/**
 * `issueHolderBoundCredential`: the copy is bound to the holder's DID, keeps the award's content,
 * dates and status entries (revocation first), verifies in our verifier and in
 * `@digitalbazaar/vc`, follows the award's status, comes as a VC-JWT for `jwt_vc_json`, and is
 * refused for revoked, suspended and unknown awards and for a holder that is not a DID.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { decodeJwt } from 'jose';
import { changeAwardState } from '../awards/change-award-state.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { isServerError } from '../http/server-error.js';
import { buildDeliveryTestWorld, createMockHolder, theirVerdict } from './delivery-test-world.js';
import { issueHolderBoundCredential } from './issue-holder-bound.js';

type Json = Record<string, unknown>;

const HOLDER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

const rejectsWith = async (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (error: unknown) => isServerError(error) && error.code === code);

describe('issueHolderBoundCredential', () => {
  forEachDatabase('binds an ldp_vc copy to the holder DID; it verifies', async (db) => {
    const world = await buildDeliveryTestWorld(db);
    try {
      const award = await world.issue({ suspendable: true, narrative: '課題をすべて提出した。' });
      const holder = await createMockHolder();
      const issued = await issueHolderBoundCredential(
        world.context,
        award.id,
        holder.did,
        'ldp_vc',
      );
      assert.equal(issued.format, 'ldp_vc');
      const { credential } = issued;
      assert.match(issued.id, /^urn:uuid:[0-9a-f-]{36}$/);
      assert.equal(credential.id, issued.id);
      assert.notEqual(credential.id, award.credential.id);
      const subject = credential.credentialSubject as Json;
      const original = award.credential.credentialSubject as Json;
      assert.equal(subject.id, holder.did);
      assert.deepEqual(subject.identifier, original.identifier);
      assert.deepEqual(subject.achievement, original.achievement);
      assert.equal(subject.narrative, '課題をすべて提出した。');
      assert.equal(credential.validFrom, award.credential.validFrom);
      assert.equal(credential.awardedDate, award.credential.awardedDate);
      const status = credential.credentialStatus as Json[];
      assert.deepEqual(
        status.map((entry) => entry.statusPurpose),
        ['revocation', 'suspension'],
      );
      assert.deepEqual(status, award.credential.credentialStatus);
      const proof = (credential.proof as Json[])[0] as Json;
      assert.equal(proof.cryptosuite, 'eddsa-rdfc-2022');

      const ours = await world.verifier.verify(credential);
      assert.equal(ours.status, 'valid', JSON.stringify(ours.checks));
      const theirs = await theirVerdict(world, credential);
      assert.equal(theirs.verified, true, String(theirs.error));

      // Revoking the award revokes the copy (the same status entries).
      await changeAwardState(
        world.context,
        { organisationId: world.organisationId, awardId: award.id, change: 'revoke' },
        world.origin(),
      );
      const after = await world.verifier.verify(credential);
      assert.equal(after.status, 'revoked', JSON.stringify(after.checks));
    } finally {
      await world.test.close();
    }
  });

  forEachDatabase('issues a VC-JWT for jwt_vc_json', async (db) => {
    const world = await buildDeliveryTestWorld(db);
    try {
      const award = await world.issue();
      const issued = await issueHolderBoundCredential(
        world.context,
        award.id,
        HOLDER,
        'jwt_vc_json',
      );
      assert.equal(issued.format, 'jwt_vc_json');
      const claims = decodeJwt(issued.jwt);
      assert.equal(claims.sub, HOLDER);
      assert.equal(claims.jti, issued.id);
      const ours = await world.verifier.verify(issued.jwt);
      assert.equal(ours.status, 'valid', JSON.stringify(ours.checks));
      assert.equal((ours.credential?.credentialSubject as Json).id, HOLDER);
    } finally {
      await world.test.close();
    }
  });

  forEachDatabase('refuses revoked, suspended and unknown awards and a bad DID', async (db) => {
    const world = await buildDeliveryTestWorld(db);
    try {
      const revoked = await world.issue();
      await changeAwardState(
        world.context,
        { organisationId: world.organisationId, awardId: revoked.id, change: 'revoke' },
        world.origin(),
      );
      await rejectsWith(
        issueHolderBoundCredential(world.context, revoked.id, HOLDER, 'ldp_vc'),
        'ERR_DELIVERY_AWARD_REVOKED',
      );
      const suspended = await world.issue({ suspendable: true });
      await changeAwardState(
        world.context,
        { organisationId: world.organisationId, awardId: suspended.id, change: 'suspend' },
        world.origin(),
      );
      await rejectsWith(
        issueHolderBoundCredential(world.context, suspended.id, HOLDER, 'jwt_vc_json'),
        'ERR_DELIVERY_AWARD_SUSPENDED',
      );
      await rejectsWith(
        issueHolderBoundCredential(
          world.context,
          '00000000-0000-4000-8000-000000000000',
          HOLDER,
          'ldp_vc',
        ),
        'ERR_DELIVERY_AWARD_NOT_FOUND',
      );
      const active = await world.issue();
      for (const bad of ['https://example.org/me', 'did:key:z6Mk#frag', 'did:', '']) {
        await rejectsWith(
          issueHolderBoundCredential(world.context, active.id, bad, 'ldp_vc'),
          'ERR_DELIVERY_HOLDER_DID_INVALID',
        );
      }
    } finally {
      await world.test.close();
    }
  });
});
