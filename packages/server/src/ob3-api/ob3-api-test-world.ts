/**
 * Test support for the Open Badges 3.0 API: the authorization server's test world
 * (`oauth/oauth-test-world.ts`: the app listening on loopback, `PUBLIC_URL` = its origin, a
 * signed-in learner) with the API and the wallet mounted; a foreign issuer (a did:key, verifiable
 * offline) that signs Data Integrity credentials and VC-JWTs; and helpers to import into the
 * learner's wallet and to call the API with a token. Not for production code.
 */
import { randomUUID } from 'node:crypto';
import {
  addDataIntegrityProof,
  didKeyFor,
  generateSigningKey,
  issueJwtCredential,
  verificationMethodIdFor,
  type SigningKey,
} from '@akashi/core';
import type { Database } from '../db/open-database.js';
import { startOAuthTestWorld, type OAuthTestWorld } from '../oauth/oauth-test-world.js';
import { createWalletRoutes } from '../wallet/wallet-routes.js';
import { createOb3ApiRoutes } from './ob3-api-routes.js';
import { OB3_API_BASE } from './service-description.js';

type Json = Record<string, unknown>;

export interface ForeignSigner {
  readonly did: string;
  /** An OpenBadgeCredential with `extra` over the defaults, signed (eddsa-rdfc-2022). */
  credential(extra?: Json): Json;
  sign(credential: Json): Promise<Json>;
  signJwt(credential: Json): Promise<string>;
}

export const createForeignSigner = (name = '外部大学'): ForeignSigner => {
  const key: SigningKey = generateSigningKey('ed25519');
  const did = didKeyFor(key);
  const verificationMethod = verificationMethodIdFor(did);
  return {
    did,
    credential: (extra = {}) => ({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Foreign badge',
      issuer: { id: did, type: ['Profile'], name },
      validFrom: '2025-04-01T00:00:00Z',
      credentialSubject: {
        id: 'did:example:learner',
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://example.net/achievements/1',
          type: ['Achievement'],
          name: 'Foreign badge',
          description: 'A badge from elsewhere',
          criteria: { narrative: 'Do the work.' },
        },
      },
      ...extra,
    }),
    sign: (credential) => addDataIntegrityProof(credential, { key, verificationMethod }),
    signJwt: (credential) => issueJwtCredential(credential, key, { kidUrl: verificationMethod }),
  };
};

export interface Ob3ApiWorld extends OAuthTestWorld {
  /** `{PUBLIC_URL}/ims/ob/v3p0`. */
  readonly apiUrl: string;
  /** Imports a credential into the learner's wallet through the wallet's own route. */
  importIntoWallet(credential: Json | string): Promise<void>;
  /** Calls the API over HTTP with `token` (undefined: no Authorization header). */
  call(
    path: string,
    token: string | undefined,
    init?: { method?: string; body?: string; contentType?: string; headers?: Json },
  ): Promise<Response>;
}

export const startOb3ApiWorld = async (db: Database): Promise<Ob3ApiWorld> => {
  const world = await startOAuthTestWorld(db, {
    routes: [
      { prefix: '', routes: createOb3ApiRoutes() },
      { prefix: '/api/v1', routes: createWalletRoutes({ rechecker: { intervalMs: 600_000 } }) },
    ],
  });
  const apiUrl = `${world.baseUrl}${OB3_API_BASE}`;
  return {
    ...world,
    apiUrl,
    importIntoWallet: async (credential) => {
      const response = await world.app.inject({
        method: 'POST',
        url: '/api/v1/wallet/credentials',
        headers: world.learner,
        payload: { credential },
      });
      if (response.statusCode !== 201) throw new Error(`import failed: ${response.body}`);
    },
    call: (path, token, init = {}) =>
      // eslint-disable-next-line no-restricted-globals -- the client side of a loopback test
      fetch(`${apiUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
          ...(init.contentType === undefined ? {} : { 'content-type': init.contentType }),
          ...(init.headers as Record<string, string> | undefined),
        },
        ...(init.body === undefined ? {} : { body: init.body }),
      }),
  };
};
