/**
 * What the OpenID4VCI endpoints refuse, each in the protocol's own error: reused and expired
 * codes, transaction code guessing, missing or spent access tokens, and every way a proof of
 * possession can be wrong (audience, age, nonce, key, type, shape), plus a revoked award.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { changeAwardState } from '../awards/change-award-state.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import {
  buildOid4vciWorld,
  createDidKeyHolder,
  createJwkHolder,
  type Oid4vciWorld,
} from './oid4vci-test-wallet.js';

type Json = Record<string, unknown>;

const PRE_AUTHORIZED = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const LDP = 'OpenBadgeCredential_ldp_vc';

const withWorld = (body: (world: Oid4vciWorld) => Promise<void>) => async (database: Database) => {
  const world = await buildOid4vciWorld(database);
  try {
    await body(world);
  } finally {
    await world.test.close();
  }
};

/** The pre-authorized code of a new offer (with its transaction code when asked). */
const newCode = async (world: Oid4vciWorld, txCode = false) => {
  const offer = await world.offer({ txCode });
  const document = (await world.readOffer(offer.offerUri)).json<Json>();
  const grant = (document.grants as Record<string, Json>)[PRE_AUTHORIZED] as Json;
  return { ...offer, code: String(grant['pre-authorized_code']) };
};

/** An access token for a new offer. */
const newToken = async (world: Oid4vciWorld) => {
  const offer = await newCode(world);
  const response = await world.token({
    grant_type: PRE_AUTHORIZED,
    'pre-authorized_code': offer.code,
  });
  assert.equal(response.statusCode, 200, response.body);
  return { ...offer, accessToken: String(response.json<Json>().access_token) };
};

const assertError = (response: LightMyRequestResponse, status: number, error: string) => {
  assert.equal(response.statusCode, status);
  assert.equal(response.json<Json>().error, error);
};

describe('OpenID4VCI token endpoint refusals', () => {
  forEachDatabase(
    'refuses a reused code and closes the exchange it opened',
    withWorld(async (world) => {
      const { code, accessToken } = await newToken(world);
      const again = await world.token({ grant_type: PRE_AUTHORIZED, 'pre-authorized_code': code });
      assertError(again, 400, 'invalid_grant');
      const holder = createDidKeyHolder();
      const response = await world.credential(accessToken, {
        credential_configuration_id: LDP,
        proofs: { jwt: [await holder.proof({ nonce: await world.nonce() })] },
      });
      assertError(response, 401, 'invalid_token');
      assert.match(String(response.headers['www-authenticate']), /^Bearer error="invalid_token"/);
    }),
  );

  forEachDatabase(
    'refuses a code whose exchange another protocol has taken up, leaving that one be',
    withWorld(async (world) => {
      const { code, exchangeId } = await newCode(world);
      // Wallet delivery's VC-API step marks the shared exchange active (no access token).
      await world.test.db.kysely
        .updateTable('credential_exchanges')
        .set({ state: 'active' })
        .where('id', '=', exchangeId)
        .execute();
      const response = await world.token({
        grant_type: PRE_AUTHORIZED,
        'pre-authorized_code': code,
      });
      assertError(response, 400, 'invalid_grant');
      assert.equal((await world.exchange(exchangeId)).state, 'active');
    }),
  );

  forEachDatabase(
    'ends the code after five wrong transaction codes',
    withWorld(async (world) => {
      const { code, txCode, offerUri } = await newCode(world, true);
      const wrong = txCode === '000000' ? '111111' : '000000';
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const response = await world.token({
          grant_type: PRE_AUTHORIZED,
          'pre-authorized_code': code,
          tx_code: wrong,
        });
        assertError(response, 400, 'invalid_grant');
      }
      const right = await world.token({
        grant_type: PRE_AUTHORIZED,
        'pre-authorized_code': code,
        tx_code: String(txCode),
      });
      assertError(right, 400, 'invalid_grant');
      assert.equal((await world.readOffer(offerUri)).statusCode, 410);
    }),
  );

  forEachDatabase(
    'refuses an expired offer, an unknown code and other grants',
    withWorld(async (world) => {
      const { code, offerUri } = await newCode(world);
      world.advance(16 * 60_000);
      const offer = await world.readOffer(offerUri);
      assert.equal(offer.statusCode, 410);
      assert.equal(offer.json<{ error: Json }>().error.code, 'ERR_OID4VCI_OFFER_GONE');
      const expired = await world.token({
        grant_type: PRE_AUTHORIZED,
        'pre-authorized_code': code,
      });
      assertError(expired, 400, 'invalid_grant');
      assertError(
        await world.token({ grant_type: PRE_AUTHORIZED, 'pre-authorized_code': 'nope' }),
        400,
        'invalid_grant',
      );
      assertError(
        await world.token({ grant_type: 'authorization_code', code: 'x' }),
        400,
        'unsupported_grant_type',
      );
      assertError(await world.token({ 'pre-authorized_code': code }), 400, 'invalid_request');
      const unknown = await world.test.app.inject({ method: 'GET', url: '/oid4vci/offers/nope' });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json<{ error: Json }>().error.code, 'ERR_OID4VCI_OFFER_NOT_FOUND');
      const twice = await world.test.app.inject({
        method: 'POST',
        url: '/oid4vci/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `grant_type=${encodeURIComponent(PRE_AUTHORIZED)}&pre-authorized_code=a&pre-authorized_code=b`,
      });
      assertError(twice, 400, 'invalid_request');
    }),
  );
});

describe('OpenID4VCI credential endpoint refusals', () => {
  forEachDatabase(
    'refuses bad proofs: audience, age, nonce, key, type, shape',
    withWorld(async (world) => {
      const { accessToken, exchangeId } = await newToken(world);
      const holder = createDidKeyHolder();
      const send = (jwt: string) =>
        world.credential(accessToken, { credential_configuration_id: LDP, proofs: { jwt: [jwt] } });
      const expectProof = async (jwt: string, error: string) => {
        const response = await send(jwt);
        assertError(response, 400, error);
        // Draft 13: a fresh nonce with the error, for the next attempt.
        assert.equal(typeof response.json<Json>().c_nonce, 'string');
      };

      await expectProof(
        await holder.proof({ nonce: await world.nonce(), aud: 'https://elsewhere.example' }),
        'invalid_proof',
      );
      await expectProof(
        await holder.proof({
          nonce: await world.nonce(),
          iat: Math.floor(Date.now() / 1000) - 3600,
        }),
        'invalid_proof',
      );
      await expectProof(
        await holder.proof({
          nonce: await world.nonce(),
          iat: Math.floor(Date.now() / 1000) + 3600,
        }),
        'invalid_proof',
      );
      await expectProof(await holder.proof({ nonce: 'made-up' }), 'invalid_nonce');
      await expectProof(await holder.proof({}), 'invalid_proof');
      await expectProof(
        await holder.proof({ nonce: await world.nonce() }, { typ: 'JWT' }),
        'invalid_proof',
      );
      const other = createDidKeyHolder();
      await expectProof(
        await holder.proof(
          { nonce: await world.nonce() },
          { kid: `${other.did}#${other.did.slice('did:key:'.length)}` },
        ),
        'invalid_proof',
      );
      const jwkHolder = createJwkHolder();
      await expectProof(
        await jwkHolder.proof({ nonce: await world.nonce() }, { kid: holder.did }),
        'invalid_proof',
      );
      await expectProof(
        await jwkHolder.proof(
          { nonce: await world.nonce() },
          { jwk: { ...jwkHolder.jwk, d: 'AAAA' } },
        ),
        'invalid_proof',
      );

      assertError(
        await world.credential(accessToken, { credential_configuration_id: LDP }),
        400,
        'invalid_proof',
      );
      assertError(
        await world.credential(accessToken, {
          credential_configuration_id: 'Other',
          proofs: { jwt: [await holder.proof({ nonce: await world.nonce() })] },
        }),
        400,
        'unknown_credential_configuration',
      );
      assertError(
        await world.credential(accessToken, {
          format: 'mso_mdoc',
          proof: { proof_type: 'jwt', jwt: await holder.proof({ nonce: await world.nonce() }) },
        }),
        400,
        'unsupported_credential_format',
      );
      assertError(
        await world.credential(accessToken, {
          format: 'ldp_vc',
          credential_definition: { type: ['VerifiableCredential', 'UniversityDegree'] },
          proof: { proof_type: 'jwt', jwt: await holder.proof({ nonce: await world.nonce() }) },
        }),
        400,
        'unsupported_credential_type',
      );

      // A nonce is spent by its first use: the same proof cannot be replayed.
      const proof = await holder.proof({ nonce: await world.nonce() });
      assert.equal((await send(proof)).statusCode, 200);
      assert.equal((await world.exchange(exchangeId)).state, 'complete');
      const { accessToken: second } = await newToken(world);
      const replay = await world.credential(second, {
        credential_configuration_id: LDP,
        proofs: { jwt: [proof] },
      });
      assertError(replay, 400, 'invalid_nonce');
    }),
  );

  forEachDatabase(
    'refuses a missing, unknown, spent or expired access token',
    withWorld(async (world) => {
      const holder = createDidKeyHolder();
      const body = async () => ({
        credential_configuration_id: LDP,
        proofs: { jwt: [await holder.proof({ nonce: await world.nonce() })] },
      });
      assertError(await world.credential(undefined, await body()), 401, 'invalid_token');
      assertError(await world.credential('unknown', await body()), 401, 'invalid_token');
      const { accessToken } = await newToken(world);
      assert.equal((await world.credential(accessToken, await body())).statusCode, 200);
      assertError(await world.credential(accessToken, await body()), 401, 'invalid_token');
      const { accessToken: late } = await newToken(world);
      world.advance(11 * 60_000);
      assertError(await world.credential(late, await body()), 401, 'invalid_token');
    }),
  );

  forEachDatabase(
    'refuses a nonce older than five minutes',
    withWorld(async (world) => {
      const { accessToken } = await newToken(world);
      const nonce = await world.nonce();
      world.advance(330_000);
      const holder = createDidKeyHolder();
      const response = await world.credential(accessToken, {
        credential_configuration_id: LDP,
        proofs: { jwt: [await holder.proof({ nonce, iat: Math.floor(Date.now() / 1000) + 330 })] },
      });
      assertError(response, 400, 'invalid_nonce');
    }),
  );

  forEachDatabase(
    'denies the credential of a revoked award',
    withWorld(async (world) => {
      const { accessToken, awardId } = await newToken(world);
      await changeAwardState(
        world.context,
        { organisationId: world.organisationId, awardId, change: 'revoke', reason: '誤発行' },
        world.origin(),
      );
      const holder = createDidKeyHolder();
      const response = await world.credential(accessToken, {
        credential_configuration_id: LDP,
        proofs: { jwt: [await holder.proof({ nonce: await world.nonce() })] },
      });
      assertError(response, 400, 'credential_request_denied');
    }),
  );
});
