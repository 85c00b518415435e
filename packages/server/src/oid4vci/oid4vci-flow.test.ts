/**
 * OpenID4VCI end to end, as a wallet written from the specification drives it: the metadata, the
 * offer, the token (with and without a transaction code), the nonce and the credential, as
 * `ldp_vc` (checked by Digital Bazaar's verifier) and as `jwt_vc_json` (checked by our VC-JWT
 * verifier), each bound to the holder's DID; and the same flow in draft 13's words.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import { migrateDatabase } from '../db/migrate-database.js';
import { theirVerdict } from '../wallet-delivery/delivery-test-world.js';
import {
  buildOid4vciWorld,
  createDidKeyHolder,
  createJwkHolder,
  PUBLIC_URL,
  type Oid4vciWorld,
} from './oid4vci-test-wallet.js';

type Json = Record<string, unknown>;

const PRE_AUTHORIZED = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

const withWorld =
  (body: (world: Oid4vciWorld) => Promise<void>) =>
  async (database: Parameters<typeof buildOid4vciWorld>[0]) => {
    const world = await buildOid4vciWorld(database);
    try {
      await body(world);
    } finally {
      await world.test.close();
    }
  };

/** The pre-authorized grant of an offer document. */
const grantOf = (offer: Json): Json =>
  (offer.grants as Record<string, Json>)[PRE_AUTHORIZED] as Json;

describe('OpenID4VCI issuer metadata', () => {
  forEachDatabase(
    'describes the issuer, its endpoints and both configurations',
    withWorld(async (world) => {
      const response = await world.test.app.inject({
        method: 'GET',
        url: '/.well-known/openid-credential-issuer',
      });
      assert.equal(response.statusCode, 200);
      const metadata = response.json<Json>();
      assert.equal(metadata.credential_issuer, PUBLIC_URL);
      assert.equal(metadata.credential_endpoint, `${PUBLIC_URL}/oid4vci/credential`);
      assert.equal(metadata.nonce_endpoint, `${PUBLIC_URL}/oid4vci/nonce`);
      assert.equal(metadata.token_endpoint, `${PUBLIC_URL}/oid4vci/token`);
      assert.deepEqual(metadata.authorization_servers, [`${PUBLIC_URL}/oid4vci`]);
      assert.deepEqual(
        (metadata.display as Json[]).map((entry) => entry.locale),
        ['ja', 'en'],
      );
      const configurations = metadata.credential_configurations_supported as Record<string, Json>;
      const ldp = configurations.OpenBadgeCredential_ldp_vc as Json;
      assert.equal(ldp.format, 'ldp_vc');
      assert.deepEqual((ldp.credential_definition as Json).type, [
        'VerifiableCredential',
        'OpenBadgeCredential',
      ]);
      assert.ok(((ldp.credential_definition as Json)['@context'] as string[]).length === 2);
      assert.deepEqual(ldp.cryptographic_binding_methods_supported, ['did:key', 'did:jwk', 'jwk']);
      assert.deepEqual(ldp.proof_types_supported, {
        jwt: { proof_signing_alg_values_supported: ['EdDSA', 'ES256'] },
      });
      assert.deepEqual(ldp.display, (ldp.credential_metadata as Json).display);
      assert.equal((configurations.OpenBadgeCredential_jwt_vc_json as Json).format, 'jwt_vc_json');

      const server = await world.test.app.inject({
        method: 'GET',
        url: '/.well-known/oauth-authorization-server/oid4vci',
      });
      assert.equal(server.statusCode, 200);
      const serverMetadata = server.json<Json>();
      assert.equal(serverMetadata.issuer, `${PUBLIC_URL}/oid4vci`);
      assert.equal(serverMetadata.token_endpoint, `${PUBLIC_URL}/oid4vci/token`);
      assert.deepEqual(serverMetadata.grant_types_supported, [PRE_AUTHORIZED]);
      assert.equal(serverMetadata['pre-authorized_grant_anonymous_access_supported'], true);
    }),
  );

  forEachDatabase('inserts the issuer path after the host when PUBLIC_URL has one', async (db) => {
    await migrateDatabase(db);
    const test = buildTestApp({ db, config: { publicUrl: 'https://example.ac.jp/badges' } });
    try {
      for (const url of [
        '/.well-known/openid-credential-issuer/badges',
        '/.well-known/openid-credential-issuer',
      ]) {
        const response = await test.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.json<Json>().credential_issuer, 'https://example.ac.jp/badges');
      }
      const server = await test.app.inject({
        method: 'GET',
        url: '/.well-known/oauth-authorization-server/badges/oid4vci',
      });
      assert.equal(server.json<Json>().issuer, 'https://example.ac.jp/badges/oid4vci');
    } finally {
      await test.close();
    }
  });
});

describe('OpenID4VCI pre-authorized code flow', () => {
  forEachDatabase(
    'delivers an ldp_vc bound to a did:key holder that Digital Bazaar verifies',
    withWorld(async (world) => {
      const { offerUri, offerUrl, txCode, exchangeId } = await world.offer();
      assert.equal(txCode, undefined);
      assert.ok(offerUri.startsWith('openid-credential-offer://?credential_offer_uri='));
      assert.equal(new URL(offerUri).searchParams.get('credential_offer_uri'), offerUrl);

      const offerResponse = await world.readOffer(offerUri);
      assert.equal(offerResponse.statusCode, 200);
      assert.match(String(offerResponse.headers['content-type']), /^application\/json/);
      assert.equal(offerResponse.headers['cache-control'], 'no-store');
      const offer = offerResponse.json<Json>();
      assert.equal(offer.credential_issuer, PUBLIC_URL);
      assert.deepEqual(offer.credential_configuration_ids, [
        'OpenBadgeCredential_ldp_vc',
        'OpenBadgeCredential_jwt_vc_json',
      ]);
      const grant = grantOf(offer);
      assert.equal(grant.tx_code, undefined);

      const tokenResponse = await world.token({
        grant_type: PRE_AUTHORIZED,
        'pre-authorized_code': String(grant['pre-authorized_code']),
      });
      assert.equal(tokenResponse.statusCode, 200, tokenResponse.body);
      assert.equal(tokenResponse.headers['cache-control'], 'no-store');
      const token = tokenResponse.json<Json>();
      assert.equal(token.token_type, 'Bearer');
      assert.equal(token.expires_in, 600);
      assert.equal(typeof token.c_nonce, 'string');
      assert.equal(typeof token.c_nonce_expires_in, 'number');

      const nonceResponse = await world.test.app.inject({ method: 'POST', url: '/oid4vci/nonce' });
      assert.equal(nonceResponse.statusCode, 200);
      assert.equal(nonceResponse.headers['cache-control'], 'no-store');
      const nonce = String(nonceResponse.json<Json>().c_nonce);

      const holder = createDidKeyHolder();
      const response = await world.credential(String(token.access_token), {
        credential_configuration_id: 'OpenBadgeCredential_ldp_vc',
        proofs: { jwt: [await holder.proof({ nonce })] },
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['cache-control'], 'no-store');
      const answer = response.json<Json>();
      const [first] = answer.credentials as Json[];
      const credential = first?.credential as Json;
      assert.deepEqual(answer.credential, credential);
      assert.equal(typeof answer.c_nonce, 'string');
      assert.equal((credential.credentialSubject as Json).id, holder.did);
      const verdict = await theirVerdict(world, credential);
      assert.equal(verdict.verified, true, JSON.stringify(verdict.error));

      const exchange = await world.exchange(exchangeId);
      assert.equal(exchange.state, 'complete');
      assert.equal(exchange.holder_did, holder.did);
      assert.ok(exchange.completed_at !== null);
    }),
  );

  forEachDatabase(
    'delivers a jwt_vc_json to a P-256 jwk holder after a transaction code',
    withWorld(async (world) => {
      const { offerUri, txCode, exchangeId } = await world.offer({ txCode: true });
      assert.match(txCode ?? '', /^\d{6}$/);
      const grant = grantOf((await world.readOffer(offerUri)).json<Json>());
      assert.deepEqual(
        { ...(grant.tx_code as Json), description: undefined },
        { input_mode: 'numeric', length: 6, description: undefined },
      );
      const code = String(grant['pre-authorized_code']);
      const wrong = txCode === '000000' ? '111111' : '000000';
      const refused = await world.token({
        grant_type: PRE_AUTHORIZED,
        'pre-authorized_code': code,
        tx_code: wrong,
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json<Json>().error, 'invalid_grant');
      const missing = await world.token({
        grant_type: PRE_AUTHORIZED,
        'pre-authorized_code': code,
      });
      assert.equal(missing.json<Json>().error, 'invalid_request');

      const tokenResponse = await world.token({
        grant_type: PRE_AUTHORIZED,
        'pre-authorized_code': code,
        tx_code: String(txCode),
      });
      assert.equal(tokenResponse.statusCode, 200, tokenResponse.body);
      const accessToken = String(tokenResponse.json<Json>().access_token);

      const holder = createJwkHolder();
      const response = await world.credential(accessToken, {
        credential_configuration_id: 'OpenBadgeCredential_jwt_vc_json',
        proofs: { jwt: [await holder.proof({ nonce: await world.nonce() })] },
      });
      assert.equal(response.statusCode, 200, response.body);
      const jwt = response.json<Json>().credential;
      assert.equal(typeof jwt, 'string');
      const report = await world.verifier.verify(String(jwt));
      assert.equal(report.status, 'valid', JSON.stringify(report.checks));
      const payload = JSON.parse(
        Buffer.from(String(jwt).split('.')[1] ?? '', 'base64url').toString('utf8'),
      ) as Json;
      assert.equal(payload.sub, holder.did);
      assert.equal((payload.credentialSubject as Json).id, holder.did);
      const decoded = JSON.parse(
        Buffer.from(holder.did.slice('did:jwk:'.length), 'base64url').toString('utf8'),
      ) as Json;
      assert.deepEqual(decoded, holder.jwk);
      assert.equal((await world.exchange(exchangeId)).holder_did, holder.did);
    }),
  );

  forEachDatabase(
    'accepts what a draft 13 wallet sends: user_pin, the token c_nonce, format and proof',
    withWorld(async (world) => {
      const { offerUri, txCode } = await world.offer({ txCode: true });
      const grant = grantOf((await world.readOffer(offerUri)).json<Json>());
      const tokenResponse = await world.token({
        grant_type: PRE_AUTHORIZED,
        'pre-authorized_code': String(grant['pre-authorized_code']),
        user_pin: String(txCode),
      });
      assert.equal(tokenResponse.statusCode, 200, tokenResponse.body);
      const token = tokenResponse.json<Json>();
      const holder = createDidKeyHolder();
      const response = await world.credential(String(token.access_token), {
        format: 'ldp_vc',
        credential_definition: {
          '@context': [
            'https://www.w3.org/ns/credentials/v2',
            'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
          ],
          type: ['VerifiableCredential', 'OpenBadgeCredential'],
        },
        proof: {
          proof_type: 'jwt',
          jwt: await holder.proof({ nonce: String(token.c_nonce) }),
        },
      });
      assert.equal(response.statusCode, 200, response.body);
      const credential = response.json<Json>().credential as Json;
      assert.equal((credential.credentialSubject as Json).id, holder.did);
      assert.equal((await theirVerdict(world, credential)).verified, true);
    }),
  );
});
