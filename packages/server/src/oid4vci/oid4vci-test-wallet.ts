/**
 * Test support for OpenID4VCI: a wallet written from the specification (1.0, and draft 13 where
 * asked) that drives the issuer through `app.inject`, with its own keys made by `node:crypto` and
 * its proofs signed by `jose`: an Ed25519 holder known by its did:key, and a P-256 holder known
 * by its public JWK (so by its did:jwk). Also the awards world with an exchange row made here,
 * as wallet delivery makes them. Not for production code.
 */
import { generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { didKeyFor } from '@akashi/core';
import type { LightMyRequestResponse } from 'fastify';
import { SignJWT } from 'jose';
import type { Selectable } from 'kysely';
import type { Database } from '../db/open-database.js';
import type { CredentialExchangesTable } from '../oauth/oauth-tables.js';
import {
  buildDeliveryTestWorld,
  type DeliveryTestWorld,
} from '../wallet-delivery/delivery-test-world.js';
import { createOid4vciOffer, type Oid4vciOfferLinks } from './create-offer.js';

type Json = Record<string, unknown>;

export const PUBLIC_URL = 'https://badges.example.ac.jp';

export interface ProofClaims {
  readonly nonce?: string;
  readonly aud?: string;
  /** Seconds since the epoch; default now. */
  readonly iat?: number;
}

export interface TestHolder {
  readonly did: string;
  readonly alg: 'EdDSA' | 'ES256';
  /** A proof JWT; `header` overrides members of the protected header. */
  proof(claims: ProofClaims, header?: Json): Promise<string>;
}

const sign = (
  privateKey: KeyObject,
  claims: ProofClaims,
  header: Json & { readonly alg: string },
): Promise<string> => {
  const { nonce, aud = PUBLIC_URL, iat = Math.floor(Date.now() / 1000) } = claims;
  return new SignJWT(nonce === undefined ? {} : { nonce })
    .setProtectedHeader({ typ: 'openid4vci-proof+jwt', ...header })
    .setAudience(aud)
    .setIssuedAt(iat)
    .sign(privateKey);
};

/** An Ed25519 holder whose proofs name its did:key in `kid`. */
export const createDidKeyHolder = (): TestHolder => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const did = didKeyFor(publicKey);
  const kid = `${did}#${did.slice('did:key:'.length)}`;
  return {
    did,
    alg: 'EdDSA',
    proof: (claims, header = {}) => sign(privateKey, claims, { alg: 'EdDSA', kid, ...header }),
  };
};

/** A P-256 holder whose proofs embed its public `jwk`; its DID is the did:jwk of that key. */
export const createJwkHolder = (): TestHolder & { readonly jwk: JsonWebKey } => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { crv, kty, x, y } = publicKey.export({ format: 'jwk' });
  const jwk = { crv: String(crv), kty: String(kty), x: String(x), y: String(y) };
  return {
    did: `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`,
    alg: 'ES256',
    jwk,
    proof: (claims, header = {}) => sign(privateKey, claims, { alg: 'ES256', jwk, ...header }),
  };
};

export interface Oid4vciWorld extends DeliveryTestWorld {
  /** Moves the platform's clock (milliseconds ahead of real time). */
  advance(ms: number): void;
  /** Issues an award and starts an exchange for it with an offer. */
  offer(options?: {
    txCode?: boolean;
  }): Promise<Oid4vciOfferLinks & { exchangeId: string; awardId: string }>;
  /** Follows an offer URI to the offer document. */
  readOffer(offerUri: string): Promise<LightMyRequestResponse>;
  token(form: Record<string, string>): Promise<LightMyRequestResponse>;
  nonce(): Promise<string>;
  credential(accessToken: string | undefined, body: Json): Promise<LightMyRequestResponse>;
  exchange(id: string): Promise<Selectable<CredentialExchangesTable>>;
}

export const buildOid4vciWorld = async (db: Database): Promise<Oid4vciWorld> => {
  let skew = 0;
  const world = await buildDeliveryTestWorld(db, {
    clock: () => new Date(Date.now() + skew),
  });
  const { app } = world.test;
  return {
    ...world,
    advance: (ms) => {
      skew += ms;
    },
    offer: async (options = {}) => {
      const award = await world.issue();
      const now = world.context.clock();
      const exchangeId = randomBytes(16).toString('base64url');
      await db.kysely
        .insertInto('credential_exchanges')
        .values({
          id: exchangeId,
          award_id: award.id,
          protocol: 'oid4vci',
          state: 'pending',
          challenge: null,
          pre_authorized_code: null,
          tx_code: null,
          tx_code_failures: 0,
          access_token: null,
          c_nonce: null,
          holder_did: null,
          credential: null,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + 15 * 60_000).toISOString(),
          completed_at: null,
        })
        .execute();
      const links = await createOid4vciOffer(world.context, { id: exchangeId }, options);
      return { ...links, exchangeId, awardId: award.id };
    },
    readOffer: (offerUri) => {
      const url = new URL(offerUri).searchParams.get('credential_offer_uri') ?? '';
      return app.inject({ method: 'GET', url: new URL(url).pathname });
    },
    token: (form) =>
      app.inject({
        method: 'POST',
        url: '/oid4vci/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(form).toString(),
      }),
    nonce: async () => {
      const response = await app.inject({ method: 'POST', url: '/oid4vci/nonce' });
      return String(response.json<Json>().c_nonce);
    },
    credential: (accessToken, body) =>
      app.inject({
        method: 'POST',
        url: '/oid4vci/credential',
        headers: accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` },
        payload: body,
      }),
    exchange: (id) =>
      db.kysely
        .selectFrom('credential_exchanges')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
  };
};
