/**
 * The independent oracle: Digital Bazaar's reference libraries (`@digitalbazaar/vc`,
 * `data-integrity` + `eddsa-rdfc-2022-cryptosuite`, `vc-bitstring-status-list`) verify the list
 * credential `GET /status/:listId` serves and read an entry's status from it, before and after a
 * bit flips; and a decoder written here by hand (base64url + gunzip, MSB first) agrees. Their
 * document loader serves only the bundled contexts, a did:key document made by their own
 * Multikey library and the list as our route served it: nothing is fetched.
 */
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { describe } from 'node:test';
import { checkStatusEntry, createDocumentLoader } from '@akashi/core';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import { allocateStatusEntries } from './allocate-status-entries.js';
import { setStatusBit } from './status-bits.js';
import { buildStatusEntryObject } from './status-entry.js';
import { createStatusListRoutes } from './status-list-routes.js';
import { insertStatusTestProfile } from './status-list-test-factories.js';
import { createTestStatusListSigner } from './status-list-test-signer.js';

type JsonObject = Record<string, unknown>;
// The untyped oracles, imported by a computed name; only the parts used here are declared.
type Loader = (
  url: string,
) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
interface VcModule {
  verifyCredential(options: {
    credential: JsonObject;
    suite: unknown;
    documentLoader: Loader;
  }): Promise<{ verified: boolean; error?: unknown }>;
}
interface StatusModule {
  checkStatus(options: {
    credential: JsonObject;
    documentLoader: Loader;
    suite: unknown;
    verifyBitstringStatusListCredential: boolean;
    verifyMatchingIssuers: boolean;
  }): Promise<{ verified: boolean; error?: unknown; results?: { status: boolean }[] }>;
}
interface DataIntegrityModule {
  DataIntegrityProof: new (options: { cryptosuite: unknown }) => object;
}
interface CryptosuiteModule {
  cryptosuite: unknown;
}
interface MultikeyModule {
  from(key: JsonObject): Promise<{
    export(options: { publicKey: boolean; includeContext: boolean }): Promise<JsonObject>;
  }>;
}
const load = async <T>(name: string): Promise<T> => (await import(name)) as T;

const PUBLIC_URL = 'https://badges.example.ac.jp';

/** The credential a badge would be, reduced to what a status check reads. */
const credentialWith = (issuer: string, credentialStatus: JsonObject): JsonObject => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'urn:uuid:5f0c0f57-3f4e-4d0b-8f55-6d3c1f0b7a10',
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:learner' },
  credentialStatus,
});

/** An independent decoder: multibase `u`, base64url, gunzip, index 0 = MSB of byte 0. */
const bitByHand = (list: JsonObject, index: number): boolean => {
  const encoded = (list.credentialSubject as JsonObject).encodedList as string;
  assert.equal(encoded[0], 'u');
  const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  assert.ok(bytes.length * 8 >= 131_072, `only ${bytes.length * 8} bits`);
  return ((bytes[Math.floor(index / 8)] ?? 0) & (0x80 >> (index % 8))) !== 0;
};

describe('status list credentials, checked by Digital Bazaar and by hand', () => {
  forEachDatabase(
    'their verifier accepts the list and reads the bit before and after a flip',
    async (db) => {
      const vc = await load<VcModule>('@digitalbazaar/vc');
      const status = await load<StatusModule>('@digitalbazaar/vc-bitstring-status-list');
      const { DataIntegrityProof } = await load<DataIntegrityModule>(
        '@digitalbazaar/data-integrity',
      );
      const { cryptosuite } = await load<CryptosuiteModule>(
        '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
      );
      const Multikey = await load<MultikeyModule>('@digitalbazaar/ed25519-multikey');

      const signer = createTestStatusListSigner();
      const multikey = signer.did.slice('did:key:'.length);
      const method = await (
        await Multikey.from({
          id: signer.verificationMethod,
          controller: signer.did,
          publicKeyMultibase: multikey,
        })
      ).export({ publicKey: true, includeContext: true });
      const embedded: JsonObject = { ...method };
      delete embedded['@context'];
      const didDocument: JsonObject = {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: signer.did,
        verificationMethod: [embedded],
        assertionMethod: [signer.verificationMethod],
      };

      // The real clock: their verifier checks validFrom / validUntil against it.
      const { app, close } = buildTestApp({
        db,
        config: { publicUrl: PUBLIC_URL },
        routes: [{ prefix: '', routes: createStatusListRoutes({ loadSigner: () => signer.load }) }],
      });
      try {
        const entries = await allocateStatusEntries(db, {
          publicUrl: PUBLIC_URL,
          issuerProfileId: (await insertStatusTestProfile(db)).profile.id,
          purpose: 'revocation',
          count: 3,
        });
        const [entry, other] = entries;
        assert.ok(entry && other);
        const fetchList = async (): Promise<JsonObject> => {
          const response = await app.inject({ method: 'GET', url: `/status/${entry.listId}` });
          assert.equal(response.statusCode, 200, response.body);
          return response.json<JsonObject>();
        };
        const loaderFor = (list: JsonObject) =>
          createDocumentLoader({
            documents: new Map<string, unknown>([
              [signer.did, didDocument],
              [signer.verificationMethod, method],
              [entry.listUrl, list],
            ]),
          });
        const suite = new DataIntegrityProof({ cryptosuite });
        const credential = credentialWith(signer.did, buildStatusEntryObject(entry));

        const theirStatus = async (list: JsonObject): Promise<boolean> => {
          const documentLoader = loaderFor(list);
          const verified = await vc.verifyCredential({ credential: list, suite, documentLoader });
          assert.equal(verified.verified, true, String(verified.error));
          const result = await status.checkStatus({
            credential,
            documentLoader,
            suite,
            verifyBitstringStatusListCredential: true,
            verifyMatchingIssuers: true,
          });
          assert.equal(result.verified, true, String(result.error));
          const [only] = result.results ?? [];
          assert.ok(only);
          return only.status;
        };
        const ourStatus = (list: JsonObject): boolean => {
          const result = checkStatusEntry(buildStatusEntryObject(entry), list);
          assert.ok(result.ok);
          return result.set;
        };

        const before = await fetchList();
        assert.equal(await theirStatus(before), false);
        assert.equal(ourStatus(before), false);
        assert.equal(bitByHand(before, entry.index), false);

        await setStatusBit(db, { listId: entry.listId, index: entry.index, value: true });
        const after = await fetchList();
        assert.equal(await theirStatus(after), true);
        assert.equal(ourStatus(after), true);
        assert.equal(bitByHand(after, entry.index), true);
        assert.equal(bitByHand(after, other.index), false); // only that bit

        // A tampered list (bit cleared by someone else) fails their proof check.
        const tampered: JsonObject = {
          ...after,
          credentialSubject: before.credentialSubject,
        };
        const refused = await vc.verifyCredential({
          credential: tampered,
          suite,
          documentLoader: loaderFor(tampered),
        });
        assert.equal(refused.verified, false);
      } finally {
        await close();
      }
    },
  );
});
