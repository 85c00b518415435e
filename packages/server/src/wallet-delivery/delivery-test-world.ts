/**
 * Test support for wallet delivery: the awards world with one issued award, a mock wallet holder
 * (its own did:key made with `@digitalbazaar/ed25519-verification-key-2020`, DID-auth
 * presentations signed with `@digitalbazaar/vc` and `Ed25519Signature2020`, as the Learner
 * Credential Wallet does), and Digital Bazaar's verdict on a delivered credential (their loader
 * serves only the bundled contexts, our DID document and status lists as our routes serve them:
 * nothing is fetched). Not for production code.
 */
import assert from 'node:assert/strict';
import { createDocumentLoader } from '@akashi/core';
import type { Award } from '../awards/award.js';
import { buildAwardTestWorld, type AwardTestWorld } from '../awards/award-test-world.js';
import { issueAward } from '../awards/issue-awards.js';
import type { AwardInput } from '../awards/award-input.js';
import type { Config } from '../config/load-config.js';
import type { Database } from '../db/open-database.js';

type Json = Record<string, unknown>;
type Loader = (
  url: string,
) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

interface VcModule {
  verifyCredential(options: {
    credential: Json;
    suite: unknown;
    documentLoader: Loader;
    checkStatus?: unknown;
  }): Promise<{ verified: boolean; error?: unknown; statusResult?: { verified: boolean } }>;
  createPresentation(options: { holder?: string; version?: number }): Json;
  signPresentation(options: {
    presentation: Json;
    suite: unknown;
    challenge: string;
    domain?: string;
    documentLoader: Loader;
  }): Promise<Json>;
}

interface KeyPair {
  readonly id: string;
  readonly controller: string;
  fingerprint(): string;
}

const load = async <T>(name: string): Promise<T> => (await import(name)) as T;

export interface DeliveryTestWorld extends AwardTestWorld {
  /** Issues an award of the world's achievement (defaults: a fixed recipient). */
  readonly issue: (input?: Partial<AwardInput>) => Promise<Award>;
}

export const buildDeliveryTestWorld = async (
  db: Database,
  options: { readonly config?: Partial<Config>; readonly clock?: () => Date } = {},
): Promise<DeliveryTestWorld> => {
  const world = await buildAwardTestWorld(db, options);
  const issue = async (input: Partial<AwardInput> = {}): Promise<Award> => {
    const { award } = await issueAward(
      world.context,
      {
        organisationId: world.organisationId,
        achievementId: world.achievement.id,
        input: {
          recipient: { email: 'hanako@example.ac.jp', name: '山田 花子' },
          ...input,
        },
      },
      world.origin(),
    );
    return award;
  };
  return { ...world, issue };
};

export interface MockHolder {
  readonly did: string;
  /** A DID-auth presentation signed as the Learner Credential Wallet signs it. */
  readonly present: (challenge: string, domain?: string, version?: number) => Promise<Json>;
}

/** A wallet holder with its own did:key (Ed25519VerificationKey2020). */
export const createMockHolder = async (): Promise<MockHolder> => {
  const { Ed25519VerificationKey2020 } = await load<{
    Ed25519VerificationKey2020: { generate(): Promise<KeyPair & { controller?: string }> };
  }>('@digitalbazaar/ed25519-verification-key-2020');
  const { Ed25519Signature2020 } = await load<{
    Ed25519Signature2020: new (options: { key: KeyPair }) => object;
  }>('@digitalbazaar/ed25519-signature-2020');
  const vc = await load<VcModule>('@digitalbazaar/vc');
  const generated = await Ed25519VerificationKey2020.generate();
  const fingerprint = generated.fingerprint();
  const did = `did:key:${fingerprint}`;
  const key = Object.assign(generated, { controller: did, id: `${did}#${fingerprint}` });
  const documentLoader = createDocumentLoader();
  return {
    did,
    present: (challenge, domain, version = 1.0) =>
      vc.signPresentation({
        presentation: vc.createPresentation({ holder: did, version }),
        suite: new Ed25519Signature2020({ key }),
        challenge,
        ...(domain === undefined ? {} : { domain }),
        documentLoader,
      }),
  };
};

/** Digital Bazaar's verdict (eddsa-rdfc-2022 and Bitstring status) on a delivered credential. */
export const theirVerdict = async (world: AwardTestWorld, credential: Json) => {
  const vc = await load<VcModule>('@digitalbazaar/vc');
  const { checkStatus } = await load<{ checkStatus: unknown }>(
    '@digitalbazaar/vc-bitstring-status-list',
  );
  const { DataIntegrityProof } = await load<{
    DataIntegrityProof: new (options: { cryptosuite: unknown }) => object;
  }>('@digitalbazaar/data-integrity');
  const { cryptosuite } = await load<{ cryptosuite: unknown }>(
    '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
  );
  const did = await world.test.app.inject({
    method: 'GET',
    url: `/issuers/${world.profile.id}/did.json`,
    headers: { accept: 'application/did+json, application/json' },
  });
  assert.equal(did.statusCode, 200, did.body);
  const didDocument = did.json<Json>();
  const documents = new Map<string, unknown>([[String(didDocument.id), didDocument]]);
  for (const method of didDocument.verificationMethod as Json[]) {
    documents.set(String(method.id), {
      '@context': 'https://w3id.org/security/multikey/v1',
      ...method,
    });
  }
  const status = credential.credentialStatus;
  for (const entry of (Array.isArray(status) ? status : [status]) as Json[]) {
    const url = String(entry.statusListCredential);
    const list = await world.test.app.inject({ method: 'GET', url: new URL(url).pathname });
    assert.equal(list.statusCode, 200, list.body);
    documents.set(url, list.json());
  }
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: createDocumentLoader({ documents }),
    checkStatus,
  });
};
