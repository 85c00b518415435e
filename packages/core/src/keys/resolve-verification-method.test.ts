import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { AkashiError, isAkashiError, type AkashiErrorCode } from '../errors/akashi-error.js';
import { didKeyFor, verificationMethodIdFor } from './did-key.js';
import { buildDidWebDocument, didWebToUrl } from './did-web.js';
import { encodeMultikey } from './multikey.js';
import {
  createVerificationMethodResolver,
  resolveVerificationMethod,
  type FetchJson,
} from './resolve-verification-method.js';
import { generateSigningKey } from './signing-key.js';
import { encode as encodeBase58 } from 'base58-universal';

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);

/** A fake network: serves the given documents, counts fetches, fails on anything else. */
const createFakeFetch = (documents: Record<string, unknown>): FetchJson & { calls: string[] } => {
  const calls: string[] = [];
  const fetchJson = (url: string): Promise<unknown> => {
    calls.push(url);
    if (url in documents) return Promise.resolve(structuredClone(documents[url]));
    return Promise.reject(new TypeError(`fetch failed: ${url}`));
  };
  return Object.assign(fetchJson, { calls });
};

const rejectsWith = async (promise: Promise<unknown>, code: AkashiErrorCode): Promise<void> => {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isAkashiError(error), `expected an AkashiError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return true;
  });
};

const ISSUER = 'https://example.edu/issuers/565049';
const ed = generateSigningKey('ed25519');
const rsa = generateSigningKey('rsa', { kid: 'rsa-1' });
const edMultikey = encodeMultikey(ed.publicKey);
const DID_WEB = 'did:web:example.ac.jp:issuers:123';

const network = (): FetchJson & { calls: string[] } =>
  createFakeFetch({
    [didWebToUrl(DID_WEB)]: buildDidWebDocument({ did: DID_WEB, keys: [ed, rsa] }),
    // An OB 3.0 issuer profile acting as the controller document.
    [ISSUER]: {
      id: ISSUER,
      type: ['Profile'],
      name: 'Example University',
      verificationMethod: [
        {
          id: `${ISSUER}#${edMultikey}`,
          type: 'Multikey',
          controller: ISSUER,
          publicKeyMultibase: edMultikey,
        },
      ],
      assertionMethod: [`${ISSUER}#${edMultikey}`, 'https://example.edu/keys/1'],
    },
    // A key document with a top-level controller.
    'https://example.edu/keys/1': {
      id: 'https://example.edu/keys/1',
      type: 'Multikey',
      controller: ISSUER,
      publicKeyMultibase: edMultikey,
    },
    'https://example.edu/keys/rsa': {
      id: 'https://example.edu/keys/rsa',
      type: 'JsonWebKey',
      controller: 'https://example.edu/issuers/unlisted',
      publicKeyJwk: rsa.publicJwk,
    },
    'https://example.edu/issuers/unlisted': { id: 'https://example.edu/issuers/unlisted' },
    'https://example.edu/keys/leaky': {
      id: 'https://example.edu/keys/leaky',
      type: 'JsonWebKey',
      controller: ISSUER,
      publicKeyJwk: rsa.privateKey.export({ format: 'jwk' }),
    },
    'https://example.edu/keys/orphan': {
      id: 'https://example.edu/keys/orphan',
      type: 'Multikey',
      controller: 'https://example.edu/offline',
      publicKeyMultibase: edMultikey,
    },
    // DCC-style legacy did:web document with relative ids (pitfall P22).
    'https://legacy.example/.well-known/did.json': {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: 'did:web:legacy.example',
      verificationMethod: [
        {
          id: '#key-2020',
          type: 'Ed25519VerificationKey2020',
          controller: 'did:web:legacy.example',
          publicKeyMultibase: edMultikey,
        },
        {
          id: 'did:web:legacy.example#key-2018',
          type: 'Ed25519VerificationKey2018',
          controller: 'did:web:legacy.example',
          publicKeyBase58: encodeBase58(Buffer.from(ed.publicJwk.x as string, 'base64url')),
        },
        {
          id: 'did:web:legacy.example#key-jwk',
          type: 'JsonWebKey2020',
          controller: 'did:web:legacy.example',
          publicKeyJwk: rsa.publicJwk,
        },
        {
          id: 'did:web:legacy.example#key-bad',
          type: 'Multikey',
          controller: 'did:web:legacy.example',
          publicKeyMultibase: 'z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
        },
        {
          id: 'did:web:legacy.example#key-bls',
          type: 'Bls12381G2Key2020',
          controller: 'did:web:legacy.example',
        },
      ],
      assertionMethod: ['#key-2020', 'did:web:legacy.example#key-2018'],
    },
    'https://wrong-id.example/.well-known/did.json': { id: 'did:web:someone.else' },
  });

describe('resolveVerificationMethod', () => {
  it('resolves did:key offline, with and without the fragment', async () => {
    const did = didKeyFor(ed);
    const withFragment = await resolveVerificationMethod(verificationMethodIdFor(did));
    assert.equal(withFragment.id, `${did}#${edMultikey}`);
    assert.equal(withFragment.controller, did);
    assert.equal(withFragment.type, 'Multikey');
    assert.ok(withFragment.publicKey.equals(ed.publicKey));
    assert.deepEqual(withFragment.assertionMethodOf, [did]);
    assert.ok(withFragment.fragmentMultikey?.equals(ed.publicKey));
    // simple-did-key-method.json names the bare DID.
    const bare = await resolveVerificationMethod(did);
    assert.equal(bare.id, `${did}#${edMultikey}`);
    assert.equal(bare.fragmentMultikey, undefined);
  });

  it('resolves did:web Multikey and JsonWebKey methods through the fetcher', async () => {
    const fetchJson = network();
    const edMethod = await resolveVerificationMethod(`${DID_WEB}#${ed.kid}`, { fetchJson });
    assert.ok(edMethod.publicKey.equals(ed.publicKey));
    assert.equal(edMethod.controller, DID_WEB);
    assert.equal(edMethod.type, 'Multikey');
    assert.deepEqual(edMethod.assertionMethodOf, [DID_WEB]);
    // Pitfall P10: an RS256 key published in a did:web document, reached through its DID URL.
    const rsaMethod = await resolveVerificationMethod(`${DID_WEB}#rsa-1`, { fetchJson });
    assert.ok(rsaMethod.publicKey.equals(rsa.publicKey));
    assert.equal(rsaMethod.type, 'JsonWebKey');
    assert.deepEqual(fetchJson.calls, [
      'https://example.ac.jp/issuers/123/did.json',
      'https://example.ac.jp/issuers/123/did.json',
    ]);
  });

  it('reads Ed25519VerificationKey2020, 2018 and JsonWebKey2020 with relative ids', async () => {
    const fetchJson = network();
    const k2020 = await resolveVerificationMethod('did:web:legacy.example#key-2020', { fetchJson });
    assert.ok(k2020.publicKey.equals(ed.publicKey));
    assert.equal(k2020.type, 'Ed25519VerificationKey2020');
    assert.deepEqual(k2020.assertionMethodOf, ['did:web:legacy.example']);
    const k2018 = await resolveVerificationMethod('did:web:legacy.example#key-2018', { fetchJson });
    assert.ok(k2018.publicKey.equals(ed.publicKey));
    const jwk = await resolveVerificationMethod('did:web:legacy.example#key-jwk', { fetchJson });
    assert.ok(jwk.publicKey.equals(rsa.publicKey));
    assert.deepEqual(jwk.assertionMethodOf, [], 'not listed under assertionMethod');
  });

  it('dereferences an https key document and checks its controller lists it', async () => {
    const method = await resolveVerificationMethod('https://example.edu/keys/1', {
      fetchJson: network(),
    });
    assert.equal(method.id, 'https://example.edu/keys/1');
    assert.equal(method.controller, ISSUER);
    assert.ok(method.publicKey.equals(ed.publicKey));
    assert.deepEqual(method.assertionMethodOf, [ISSUER]);
    const unlisted = await resolveVerificationMethod('https://example.edu/keys/rsa', {
      fetchJson: network(),
    });
    assert.ok(unlisted.publicKey.equals(rsa.publicKey));
    assert.deepEqual(unlisted.assertionMethodOf, []);
  });

  it('dereferences an https controller document and reports a Multikey fragment', async () => {
    const url = `${ISSUER}#${edMultikey}`;
    const method = await resolveVerificationMethod(url, { fetchJson: network() });
    assert.equal(method.id, url);
    assert.equal(method.controller, ISSUER);
    assert.deepEqual(method.assertionMethodOf, [ISSUER]);
    assert.ok(method.fragmentMultikey?.equals(ed.publicKey));
  });

  it('classifies the 1EdTech bad verificationMethod fixtures', async () => {
    const read = async (name: string): Promise<string> => {
      const text = await readFile(new URL(`validator/ob30/${name}`, fixtures), 'utf8');
      const credential = JSON.parse(text) as {
        proof: { verificationMethod: string }[] | { verificationMethod: string };
      };
      const proof = Array.isArray(credential.proof) ? credential.proof[0] : credential.proof;
      return proof?.verificationMethod ?? '';
    };
    const fetchJson = network();
    await rejectsWith(
      resolveVerificationMethod(await read('simple-err-proof-method-no-scheme.json')),
      'ERR_DID_UNSUPPORTED',
    );
    await rejectsWith(
      resolveVerificationMethod(await read('simple-err-proof-method-unknown-did-method.json')),
      'ERR_DID_UNSUPPORTED',
    );
    await rejectsWith(
      resolveVerificationMethod(await read('simple-err-proof-method-unknown-scheme.json')),
      'ERR_DID_UNSUPPORTED',
    );
    // Junk in the fragment: not a Multikey, and the profile does not list it.
    const junk = await read('simple-err-proof-method.json');
    await rejectsWith(resolveVerificationMethod(junk, { fetchJson }), 'ERR_KEY_NOT_FOUND');
    await rejectsWith(resolveVerificationMethod(junk), 'ERR_FETCH_FAILED');
    const didKey = await read('simple-did-key-method.json');
    assert.ok((await resolveVerificationMethod(didKey)).publicKey);
  });

  it('keeps unsupported, invalid, missing and network failures apart', async () => {
    const fetchJson = network();
    await rejectsWith(
      resolveVerificationMethod('did:key:z6Mk!!', { fetchJson }),
      'ERR_DID_INVALID',
    );
    await rejectsWith(resolveVerificationMethod('did:', { fetchJson }), 'ERR_DID_INVALID');
    await rejectsWith(
      resolveVerificationMethod('https://exa mple.org/key', { fetchJson }),
      'ERR_DID_INVALID',
    );
    await rejectsWith(
      resolveVerificationMethod('did:web:exa%20mple.org#k', { fetchJson }),
      'ERR_DID_INVALID',
    );
    await rejectsWith(
      resolveVerificationMethod('ftp://example.org/key', { fetchJson }),
      'ERR_DID_UNSUPPORTED',
    );
    await rejectsWith(
      resolveVerificationMethod('http://example.edu/keys/1', { fetchJson }),
      'ERR_DID_UNSUPPORTED',
    );
    await rejectsWith(
      resolveVerificationMethod('did:web:down.example#k', { fetchJson }),
      'ERR_FETCH_FAILED',
    );
    await rejectsWith(resolveVerificationMethod(`${DID_WEB}#k`), 'ERR_FETCH_FAILED');
    await rejectsWith(
      resolveVerificationMethod('did:web:wrong-id.example#k', { fetchJson }),
      'ERR_DID_INVALID',
    );
    await rejectsWith(
      resolveVerificationMethod(`${DID_WEB}#missing`, { fetchJson }),
      'ERR_KEY_NOT_FOUND',
    );
    await rejectsWith(
      resolveVerificationMethod('did:web:legacy.example#key-bad', { fetchJson }),
      'ERR_KEY_INVALID',
    );
    await rejectsWith(
      resolveVerificationMethod('did:web:legacy.example#key-bls', { fetchJson }),
      'ERR_KEY_UNSUPPORTED',
    );
    await rejectsWith(
      resolveVerificationMethod('https://example.edu/keys/leaky', { fetchJson }),
      'ERR_KEY_INVALID',
    );
    // The key document is there but its controller cannot be fetched: a network failure.
    await rejectsWith(
      resolveVerificationMethod('https://example.edu/keys/orphan', { fetchJson }),
      'ERR_FETCH_FAILED',
    );
    // A fetcher's own AkashiError passes through unchanged.
    const tooLarge = (): Promise<unknown> =>
      Promise.reject(
        new AkashiError('ERR_INPUT_TOO_LARGE', { en: 'too large', ja: '大きすぎます' }),
      );
    await rejectsWith(
      resolveVerificationMethod(`${DID_WEB}#k`, { fetchJson: tooLarge }),
      'ERR_INPUT_TOO_LARGE',
    );
  });

  it('dereferences http: only when allowed', async () => {
    const fetchJson = createFakeFetch({
      'http://127.0.0.1:8080/keys/1': {
        id: 'http://127.0.0.1:8080/keys/1',
        controller: 'http://127.0.0.1:8080/issuer',
        publicKeyMultibase: edMultikey,
      },
      'http://127.0.0.1:8080/issuer': {
        id: 'http://127.0.0.1:8080/issuer',
        assertionMethod: ['http://127.0.0.1:8080/keys/1'],
      },
    });
    const resolver = createVerificationMethodResolver({ fetchJson, allowHttp: true });
    const method = await resolver.resolve('http://127.0.0.1:8080/keys/1');
    assert.deepEqual(method.assertionMethodOf, ['http://127.0.0.1:8080/issuer']);
  });
});

describe('createVerificationMethodResolver', () => {
  it('serves repeated resolutions from the cache within the TTL and refetches after it', async () => {
    let clock = 1_000_000;
    const fetchJson = network();
    const resolver = createVerificationMethodResolver({
      fetchJson,
      ttlMs: 60_000,
      now: () => clock,
    });
    const url = `${DID_WEB}#${ed.kid}`;
    const first = await resolver.resolve(url);
    clock += 59_999;
    const second = await resolver.resolve(url);
    assert.equal(second, first);
    assert.equal(fetchJson.calls.length, 1);
    // Another key of the same document reuses the cached document.
    await resolver.resolve(`${DID_WEB}#rsa-1`);
    assert.equal(fetchJson.calls.length, 1);
    clock += 1;
    const third = await resolver.resolve(url);
    assert.notEqual(third, first);
    assert.ok(third.publicKey.equals(first.publicKey));
    assert.equal(fetchJson.calls.length, 2);
    resolver.clear();
    await resolver.resolve(url);
    assert.equal(fetchJson.calls.length, 3);
  });

  it('shares one fetch between concurrent resolutions', async () => {
    const fetchJson = network();
    const resolver = createVerificationMethodResolver({ fetchJson });
    const url = `${DID_WEB}#${ed.kid}`;
    const results = await Promise.all([
      resolver.resolve(url),
      resolver.resolve(url),
      resolver.resolve(url),
    ]);
    assert.equal(fetchJson.calls.length, 1);
    assert.equal(results[0], results[2]);
  });

  it('does not cache failures', async () => {
    let online = false;
    const document = buildDidWebDocument({ did: DID_WEB, keys: [ed] });
    let calls = 0;
    const resolver = createVerificationMethodResolver({
      fetchJson: () => {
        calls += 1;
        return online ? Promise.resolve(document) : Promise.reject(new Error('ECONNREFUSED'));
      },
    });
    const url = `${DID_WEB}#${ed.kid}`;
    await rejectsWith(resolver.resolve(url), 'ERR_FETCH_FAILED');
    online = true;
    assert.ok((await resolver.resolve(url)).publicKey.equals(ed.publicKey));
    assert.equal(calls, 2);
  });

  it('bounds the cache size', async () => {
    const resolver = createVerificationMethodResolver({ maxEntries: 2 });
    const dids = [0, 1, 2].map(() => didKeyFor(generateSigningKey('ed25519')));
    const first = await resolver.resolve(dids[0] ?? '');
    await resolver.resolve(dids[1] ?? '');
    assert.equal(await resolver.resolve(dids[0] ?? ''), first);
    await resolver.resolve(dids[2] ?? '');
    await resolver.resolve(dids[1] ?? '');
    assert.notEqual(await resolver.resolve(dids[0] ?? ''), first, 'the oldest entry was dropped');
  });
});
