/**
 * Test support: a fake status list signer, a did:key issuer with a fresh Ed25519 key, that
 * counts its uses (so tests can see when a list is signed again). Tests only.
 */
import { didKeyFor, generateSigningKey, type SigningKey } from '@akashi/core';
import type { LoadStatusListSigner } from './status-list-publisher.js';

export interface TestStatusListSigner {
  readonly key: SigningKey;
  readonly did: string;
  readonly verificationMethod: string;
  readonly load: LoadStatusListSigner;
  /** The issuer profile ids it was asked to sign for, in order. */
  readonly calls: string[];
}

export const createTestStatusListSigner = (): TestStatusListSigner => {
  const key = generateSigningKey('ed25519');
  const did = didKeyFor(key);
  const verificationMethod = `${did}#${did.slice('did:key:'.length)}`;
  const calls: string[] = [];
  return {
    key,
    did,
    verificationMethod,
    calls,
    load: (issuerProfileId) => {
      calls.push(issuerProfileId);
      return Promise.resolve({ issuerId: did, key, verificationMethod });
    },
  };
};
