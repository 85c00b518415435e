/**
 * Test support for the VC-API: the app on a migrated database with an approved organisation,
 * its default issuer profile (keys made) and an API key that may issue and revoke, plus helpers
 * to call the four endpoints. Not for production code.
 */
import { randomUUID } from 'node:crypto';
import { insertTestApiKey, insertTestOrganisation } from '../auth/test-factories.js';
import type { Config } from '../config/load-config.js';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { buildTestApp, createTestConfig, type TestApp } from '../http/build-test-app.js';
import type { IssuerProfile } from '../issuers/issuer-profile.js';
import { insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import type { CreateIssuerProfileInput } from '../issuers/manage-issuer-profiles.js';
import { createKeyStore } from '../keys/key-store.js';
import { createTestMasterKey } from '../keys/key-test-factories.js';

type Json = Record<string, unknown>;

export interface VcApiTestWorld {
  readonly test: TestApp;
  readonly context: AppContext;
  readonly organisationId: string;
  readonly profile: IssuerProfile;
  /** Authorization header of a key with badges:issue and badges:revoke. */
  readonly headers: Record<string, string>;
  readonly post: (
    url: string,
    payload: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: Json }>;
  /** Another organisation with its own profile and key. */
  readonly addOrganisation: (
    overrides?: Partial<CreateIssuerProfileInput>,
  ) => Promise<{ organisationId: string; profile: IssuerProfile; headers: Record<string, string> }>;
}

/** A minimal VC 2.0 credential for `issuer`, as the W3C suites send one. */
export const plainCredential = (issuer: string, extra: Json = {}): Json => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: `urn:uuid:${randomUUID()}`,
  type: ['VerifiableCredential'],
  issuer,
  credentialSubject: { id: 'did:key:z6MkhTNL7i2etLerDK8Acz5t528giE5KA4p75T6ka1E1D74r' },
  ...extra,
});

export const buildVcApiTestWorld = async (
  db: Database,
  options: { readonly config?: Partial<Config> } = {},
): Promise<VcApiTestWorld> => {
  const masterKey = createTestMasterKey();
  const clock = () => new Date();
  const test = buildTestApp({
    db,
    masterKey,
    clock,
    ...(options.config === undefined ? {} : { config: options.config }),
  });
  const context: AppContext = {
    config: createTestConfig(options.config),
    db,
    clock,
    keys: createKeyStore({ db, masterKey, clock }),
    masterKey,
  };
  const addOrganisation = async (overrides: Partial<CreateIssuerProfileInput> = {}) => {
    const organisationId = await insertTestOrganisation(db);
    const profile = await insertTestIssuerProfile(context, organisationId, overrides);
    const { headers } = await insertTestApiKey(db, organisationId, [
      'badges:issue',
      'badges:revoke',
    ]);
    return { organisationId, profile, headers };
  };
  const first = await addOrganisation();
  const post = async (url: string, payload: unknown, headers: Record<string, string> = {}) => {
    const response = await test.app.inject({
      method: 'POST',
      url,
      payload: payload as Json,
      headers,
    });
    return {
      status: response.statusCode,
      body: response.body === '' ? {} : response.json<Json>(),
    };
  };
  return { test, context, ...first, post, addOrganisation };
};
