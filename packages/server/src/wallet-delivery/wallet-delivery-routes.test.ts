/**
 * Wallet delivery end to end through the app, with a mock LCW holder (its own did:key, DID-auth
 * presentations signed with `@digitalbazaar/vc` + Ed25519Signature2020): the legacy request link
 * answers the bare VC, the VC-API exchange the wrapped presentation; the VC is bound to the
 * holder's DID and verifies in `@digitalbazaar/vc` and in ours; a revoked award shows revoked.
 * Refused: a wrong challenge, a reused, expired or unknown exchange, an unsigned presentation,
 * another DID's signature, a missing domain in VC-API, a wrong claim token, a stranger.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { changeAwardState } from '../awards/change-award-state.js';
import { insertTestUser, signInForTest } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { createClaimToken } from '../wallet-claims/claim-token.js';
import {
  buildDeliveryTestWorld,
  createMockHolder,
  theirVerdict,
  type DeliveryTestWorld,
} from './delivery-test-world.js';
import { holdsHtmlEntity } from './lcw-json.js';

type Json = Record<string, unknown>;

interface Exchange {
  id: string;
  expiresAt: string;
  lcw: { deepLink: string; url: string };
  vcapi: { invitationUrl: string; exchangeUrl: string; interactionUrl: string };
  oid4vci: { offerUri: string; offerUrl: string; txCode?: string };
}

const PUBLIC_URL = 'https://badges.example.ac.jp';

const errorCode = (response: LightMyRequestResponse): unknown =>
  response.json<{ error?: { code?: string } }>().error?.code;

/** A world whose clock the test moves. */
const start = async (db: Database) => {
  let now = new Date();
  const world = await buildDeliveryTestWorld(db, {
    config: { publicUrl: PUBLIC_URL },
    clock: () => now,
  });
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return { world, advance };
};

const startExchange = async (
  world: DeliveryTestWorld,
  awardId: string,
  body: Json = { token: createClaimToken(world.context.masterKey.walletClaimKey, awardId) },
  headers: Record<string, string> = {},
) =>
  world.test.app.inject({
    method: 'POST',
    url: `/api/v1/awards/${awardId}/exchanges`,
    headers,
    payload: body,
  });

const open = async (world: DeliveryTestWorld, awardId: string): Promise<Exchange> => {
  const response = await startExchange(world, awardId);
  assert.equal(response.statusCode, 201, response.body);
  return response.json<Exchange>();
};

const lcwParams = (exchange: Exchange) =>
  new URL(exchange.lcw.deepLink.replace('dccrequest://request', 'https://x/request')).searchParams;

const post = (world: DeliveryTestWorld, url: string, payload: unknown) =>
  world.test.app.inject({
    method: 'POST',
    url: new URL(url).pathname,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

/** What LCW's parseResponse does before JSON.parse: decode HTML entities. */
const decodeEntities = (text: string): string =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');

describe('wallet delivery exchanges', () => {
  forEachDatabase('LCW legacy link: DID-auth VP in, bare holder-bound VC out', async (db) => {
    const { world } = await start(db);
    try {
      const award = await world.issue({ narrative: 'Tom &amp; Jerry <b>&#169;</b> "quoted"' });
      const exchange = await open(world, award.id);
      assert.match(exchange.id, /^[A-Za-z0-9_-]{22}$/);
      assert.ok(exchange.lcw.deepLink.startsWith('dccrequest://request?'));
      assert.equal(
        exchange.lcw.url,
        exchange.lcw.deepLink.replace('dccrequest://', 'https://lcw.app/'),
      );
      const params = lcwParams(exchange);
      assert.equal(params.get('issuer'), 'badges.example.ac.jp');
      assert.equal(params.get('auth_type'), 'bearer');
      const challenge = params.get('challenge') ?? '';
      assert.match(challenge, /^[0-9a-f-]{36}$/);
      const requestUrl = params.get('vc_request_url') ?? '';
      assert.equal(requestUrl, `${PUBLIC_URL}/exchanges/${exchange.id}/lcw`);
      const invitation = new URL(exchange.vcapi.invitationUrl);
      assert.equal(invitation.origin + invitation.pathname, 'https://lcw.app/request');
      const request = invitation.searchParams.get('request') ?? '';
      assert.ok(!request.includes('%'), 'no % inside the invitation JSON');
      assert.deepEqual(JSON.parse(decodeURI(request)), {
        credentialRequestOrigin: PUBLIC_URL,
        protocols: { vcapi: `${PUBLIC_URL}/workflows/award-delivery/exchanges/${exchange.id}` },
      });
      assert.equal(exchange.vcapi.interactionUrl, `${PUBLIC_URL}/i/${exchange.id}?iuv=1`);
      assert.ok(exchange.oid4vci.offerUri.startsWith('openid-credential-offer://?'));
      assert.equal(exchange.oid4vci.txCode, undefined);

      const holder = await createMockHolder();
      const response = await post(world, requestUrl, await holder.present(challenge));
      assert.equal(response.statusCode, 200, response.body);
      assert.ok(!holdsHtmlEntity(response.body), 'no HTML entity in the answer');
      // LCW decodes entities first: the credential must survive that unchanged.
      const credential = JSON.parse(decodeEntities(response.body)) as Json;
      assert.deepEqual(credential, response.json());
      assert.deepEqual(credential.type, ['VerifiableCredential', 'OpenBadgeCredential']);
      const subject = credential.credentialSubject as Json;
      assert.equal(subject.id, holder.did);
      assert.equal(subject.narrative, 'Tom &amp; Jerry <b>&#169;</b> "quoted"');
      const theirs = await theirVerdict(world, credential);
      assert.equal(theirs.verified, true, String(theirs.error));
      const ours = await world.verifier.verify(credential);
      assert.equal(ours.status, 'valid', JSON.stringify(ours.checks));

      const row = await db.kysely
        .selectFrom('credential_exchanges')
        .selectAll()
        .where('id', '=', exchange.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'complete');
      assert.equal(row.protocol, 'lcw');
      assert.equal(row.holder_did, holder.did);
      assert.deepEqual(JSON.parse(row.credential ?? 'null'), credential);

      // Single use.
      const again = await post(world, requestUrl, await holder.present(challenge));
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(errorCode(again), 'ERR_DELIVERY_EXCHANGE_USED');

      // Revoking the award revokes the delivered copy.
      await changeAwardState(
        world.context,
        { organisationId: world.organisationId, awardId: award.id, change: 'revoke' },
        world.origin(),
      );
      const revoked = await world.verifier.verify(credential);
      assert.equal(revoked.status, 'revoked', JSON.stringify(revoked.checks));
      const refused = await startExchange(world, award.id);
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(errorCode(refused), 'ERR_DELIVERY_AWARD_REVOKED');
    } finally {
      await world.test.close();
    }
  });

  forEachDatabase('VC-API: {} → DIDAuthentication request; VP → wrapped VC', async (db) => {
    const { world } = await start(db);
    try {
      const award = await world.issue({ suspendable: true });
      const exchange = await open(world, award.id);
      const protocols = await world.test.app.inject({
        method: 'GET',
        url: new URL(`${exchange.vcapi.exchangeUrl}/protocols`).pathname,
      });
      assert.equal(protocols.statusCode, 200, protocols.body);
      assert.deepEqual(protocols.json(), { protocols: { vcapi: exchange.vcapi.exchangeUrl } });

      const first = await post(world, exchange.vcapi.exchangeUrl, {});
      assert.equal(first.statusCode, 200, first.body);
      const vpr = first.json<{ verifiablePresentationRequest: Json }>()
        .verifiablePresentationRequest;
      assert.deepEqual(vpr.query, [
        {
          type: 'DIDAuthentication',
          acceptedMethods: [{ method: 'key' }],
          acceptedCryptosuites: [
            { cryptosuite: 'Ed25519Signature2020' },
            { cryptosuite: 'eddsa-rdfc-2022' },
          ],
        },
      ]);
      assert.equal(vpr.challenge, lcwParams(exchange).get('challenge'));
      assert.equal(vpr.domain, PUBLIC_URL);

      const holder = await createMockHolder();
      const challenge = String(vpr.challenge);
      // VC-API names a domain: a presentation without it is refused (and the exchange stays open).
      const noDomain = await post(world, exchange.vcapi.exchangeUrl, {
        verifiablePresentation: await holder.present(challenge),
      });
      assert.equal(noDomain.statusCode, 400, noDomain.body);
      assert.equal(errorCode(noDomain), 'ERR_DELIVERY_PRESENTATION_INVALID');

      const vp = await holder.present(challenge, vpr.domain, 2.0);
      const response = await post(world, exchange.vcapi.exchangeUrl, {
        verifiablePresentation: vp,
      });
      assert.equal(response.statusCode, 200, response.body);
      const wrapped = response.json<{ verifiablePresentation: Json }>().verifiablePresentation;
      assert.deepEqual(wrapped.type, ['VerifiablePresentation']);
      const [credential] = wrapped.verifiableCredential as Json[];
      assert.ok(credential !== undefined);
      assert.equal((credential.credentialSubject as Json).id, holder.did);
      assert.deepEqual(
        (credential.credentialStatus as Json[]).map((entry) => entry.statusPurpose),
        ['revocation', 'suspension'],
      );
      const theirs = await theirVerdict(world, credential);
      assert.equal(theirs.verified, true, String(theirs.error));

      const row = await db.kysely
        .selectFrom('credential_exchanges')
        .select(['state', 'protocol'])
        .where('id', '=', exchange.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { state: 'complete', protocol: 'vcapi' });
      const reused = await post(world, exchange.vcapi.exchangeUrl, {});
      assert.equal(reused.statusCode, 409, reused.body);
      // The legacy endpoint of the same exchange is used up too.
      const legacy = await post(world, `${PUBLIC_URL}/exchanges/${exchange.id}/lcw`, vp);
      assert.equal(errorCode(legacy), 'ERR_DELIVERY_EXCHANGE_USED');
    } finally {
      await world.test.close();
    }
  });

  forEachDatabase('refuses bad presentations and dead exchanges', async (db) => {
    const { world, advance } = await start(db);
    try {
      const award = await world.issue();
      const exchange = await open(world, award.id);
      const url = `${PUBLIC_URL}/exchanges/${exchange.id}/lcw`;
      const challenge = lcwParams(exchange).get('challenge') ?? '';
      const holder = await createMockHolder();
      const other = await createMockHolder();

      const refused = async (payload: unknown, code: string, status = 400) => {
        const response = await post(world, url, payload);
        assert.equal(response.statusCode, status, response.body);
        assert.equal(errorCode(response), code);
      };
      const invalid = 'ERR_DELIVERY_PRESENTATION_INVALID';
      await refused(await holder.present('not-the-challenge'), invalid);
      const signed = await holder.present(challenge);
      const { proof: _proof, ...unsigned } = signed;
      await refused(unsigned, invalid);
      // Signed by another DID than the holder it names.
      await refused({ ...(await other.present(challenge)), holder: holder.did }, invalid);
      // Tampered after signing.
      await refused({ ...signed, id: 'urn:uuid:00000000-0000-4000-8000-000000000000' }, invalid);
      await refused(
        { ...signed, proof: { ...(signed.proof as Json), domain: 'https://evil.example' } },
        invalid,
      );
      await refused({ credentialSubject: {} }, invalid);
      // Nothing was consumed: the right presentation still works, once.
      const ok = await post(world, url, signed);
      assert.equal(ok.statusCode, 200, ok.body);
      await refused(signed, 'ERR_DELIVERY_EXCHANGE_USED', 409);

      const unknown = await post(
        world,
        `${PUBLIC_URL}/exchanges/AAAAAAAAAAAAAAAAAAAAAA/lcw`,
        signed,
      );
      assert.equal(unknown.statusCode, 404, unknown.body);
      assert.equal(errorCode(unknown), 'ERR_DELIVERY_EXCHANGE_NOT_FOUND');

      const late = await open(world, award.id);
      advance(15 * 60 * 1000 + 1000);
      const expired = await post(
        world,
        `${PUBLIC_URL}/exchanges/${late.id}/lcw`,
        await holder.present(lcwParams(late).get('challenge') ?? ''),
      );
      assert.equal(expired.statusCode, 410, expired.body);
      assert.equal(errorCode(expired), 'ERR_DELIVERY_EXCHANGE_EXPIRED');
      const expiredVcApi = await post(world, late.vcapi.exchangeUrl, {});
      assert.equal(errorCode(expiredVcApi), 'ERR_DELIVERY_EXCHANGE_EXPIRED');
    } finally {
      await world.test.close();
    }
  });

  forEachDatabase('starting an exchange: claim token or the wallet holding it', async (db) => {
    const { world } = await start(db);
    try {
      const award = await world.issue();
      const wrong = await startExchange(world, award.id, { token: 'A'.repeat(43) });
      assert.equal(wrong.statusCode, 403, wrong.body);
      assert.equal(errorCode(wrong), 'ERR_DELIVERY_FORBIDDEN');
      const anonymous = await startExchange(world, award.id, {});
      assert.equal(anonymous.statusCode, 401, anonymous.body);

      const learner = await insertTestUser(db);
      const headers = await signInForTest(db, learner.id);
      const stranger = await startExchange(world, award.id, {}, headers);
      assert.equal(stranger.statusCode, 403, stranger.body);
      const claim = await world.test.app.inject({
        method: 'POST',
        url: '/api/v1/wallet/claims',
        headers,
        payload: {
          awardId: award.id,
          token: createClaimToken(world.context.masterKey.walletClaimKey, award.id),
        },
      });
      assert.equal(claim.statusCode, 201, claim.body);
      const holding = await startExchange(world, award.id, { txCode: true }, headers);
      assert.equal(holding.statusCode, 201, holding.body);
      assert.match(holding.json<Exchange>().oid4vci.txCode ?? '', /^[0-9]{6}$/);
      assert.equal(holding.headers['cache-control'], 'no-store');

      const suspended = await world.issue({ suspendable: true });
      await changeAwardState(
        world.context,
        { organisationId: world.organisationId, awardId: suspended.id, change: 'suspend' },
        world.origin(),
      );
      const refused = await startExchange(world, suspended.id);
      assert.equal(errorCode(refused), 'ERR_DELIVERY_AWARD_SUSPENDED');
    } finally {
      await world.test.close();
    }
  });

  forEachDatabase('the wallet endpoints are rate-limited per client', async (db) => {
    const { world } = await start(db);
    try {
      const award = await world.issue();
      const exchange = await open(world, award.id);
      const path = new URL(`${exchange.vcapi.exchangeUrl}/protocols`).pathname;
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 31; i += 1) {
        last = await world.test.app.inject({ method: 'GET', url: path });
      }
      assert.ok(last !== undefined);
      assert.equal(last.statusCode, 429, last.body);
      assert.equal(errorCode(last), 'ERR_DELIVERY_RATE_LIMITED');
      assert.ok(Number(last.headers['retry-after']) >= 1);
    } finally {
      await world.test.close();
    }
  });
});
