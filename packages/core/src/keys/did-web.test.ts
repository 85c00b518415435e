import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAkashiError, type AkashiErrorCode } from '../errors/akashi-error.js';
import { buildDidWebDocument, didWebToUrl } from './did-web.js';
import { importPublicJwk } from './import-public-jwk.js';
import { decodeMultikey, encodeMultikey } from './multikey.js';
import { generateSigningKey } from './signing-key.js';

const rejectsWith = (fn: () => unknown, code: AkashiErrorCode): void => {
  assert.throws(fn, (error: unknown) => isAkashiError(error) && error.code === code);
};

describe('did:web', () => {
  it('maps a bare domain to /.well-known/did.json', () => {
    assert.equal(
      didWebToUrl('did:web:example.ac.jp'),
      'https://example.ac.jp/.well-known/did.json',
    );
    assert.equal(
      didWebToUrl('did:web:Example.AC.jp'),
      'https://example.ac.jp/.well-known/did.json',
    );
  });

  it('maps path segments to /a/b/did.json', () => {
    assert.equal(
      didWebToUrl('did:web:example.ac.jp:issuers:123'),
      'https://example.ac.jp/issuers/123/did.json',
    );
    assert.equal(
      didWebToUrl('did:web:www.credly.com:api:v1:obi:v3:issuers:2b7f0a1e'),
      'https://www.credly.com/api/v1/obi/v3/issuers/2b7f0a1e/did.json',
    );
  });

  it('maps a percent-encoded port', () => {
    assert.equal(
      didWebToUrl('did:web:localhost%3A8443'),
      'https://localhost:8443/.well-known/did.json',
    );
    assert.equal(
      didWebToUrl('did:web:registrar%3A3000:d:www.acme.com'),
      'https://registrar:3000/d/www.acme.com/did.json',
    );
    // The default port disappears, as URL normalisation would make it.
    assert.equal(
      didWebToUrl('did:web:example.org%3A443'),
      'https://example.org/.well-known/did.json',
    );
  });

  it('rejects malformed did:web identifiers and other methods', () => {
    rejectsWith(() => didWebToUrl('did:key:z6Mk'), 'ERR_DID_UNSUPPORTED');
    rejectsWith(() => didWebToUrl('https://example.org'), 'ERR_DID_INVALID');
    rejectsWith(() => didWebToUrl('did:web:'), 'ERR_DID_INVALID');
    rejectsWith(() => didWebToUrl('did:web:exa mple.org'), 'ERR_DID_INVALID');
    rejectsWith(() => didWebToUrl('did:web:example.org#key-1'), 'ERR_DID_INVALID');
    rejectsWith(() => didWebToUrl('did:web:example.org:a%2Fb'), 'ERR_DID_INVALID');
    rejectsWith(() => didWebToUrl('did:web:example.org:..'), 'ERR_DID_INVALID');
    rejectsWith(() => didWebToUrl('did:web:example.org::a'), 'ERR_DID_INVALID');
    rejectsWith(() => didWebToUrl('did:web:user@example.org'), 'ERR_DID_INVALID');
    rejectsWith(() => didWebToUrl('did:web:example.org%3A99999'), 'ERR_DID_INVALID');
  });

  it('builds a document with Ed25519 as Multikey and RSA as JsonWebKey', () => {
    const did = 'did:web:example.ac.jp:issuers:123';
    const ed = generateSigningKey('ed25519');
    const rsa = generateSigningKey('rsa', { kid: 'rsa-2025' });
    const document = buildDidWebDocument({ did, keys: [ed, rsa] });
    assert.deepEqual(document['@context'], [
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
      'https://w3id.org/security/jwk/v1',
    ]);
    assert.equal(document.id, did);
    const edMethod = document.verificationMethod[0]!;
    const rsaMethod = document.verificationMethod[1]!;
    assert.deepEqual(edMethod, {
      id: `${did}#${ed.kid}`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: encodeMultikey(ed.publicKey),
    });
    assert.equal(rsaMethod.id, `${did}#rsa-2025`);
    assert.equal(rsaMethod.type, 'JsonWebKey');
    assert.equal(rsaMethod.controller, did);
    assert.deepEqual(rsaMethod.publicKeyJwk, rsa.publicJwk);
    assert.equal(rsaMethod.publicKeyJwk.d, undefined);
    assert.deepEqual(document.assertionMethod, [`${did}#${ed.kid}`, `${did}#rsa-2025`]);
    // The published keys read back to the same keys.
    assert.ok(decodeMultikey(edMethod.publicKeyMultibase).equals(ed.publicKey));
    assert.ok(importPublicJwk(rsaMethod.publicKeyJwk).equals(rsa.publicKey));
    // JSON round trip keeps the shape (it is published as JSON).
    assert.deepEqual(JSON.parse(JSON.stringify(document)), document);
    // Public halves alone (keys read back from storage) give the same document.
    const publicOnly = [ed, rsa].map(({ type, kid, publicKey, publicJwk }) => ({
      type,
      kid,
      publicKey,
      publicJwk,
    }));
    assert.deepEqual(buildDidWebDocument({ did, keys: publicOnly }), document);
  });

  it('refuses duplicate kids, empty key lists and bad DIDs', () => {
    const key = generateSigningKey('ed25519');
    assert.throws(
      () => buildDidWebDocument({ did: 'did:web:example.org', keys: [key, key] }),
      TypeError,
    );
    assert.throws(() => buildDidWebDocument({ did: 'did:web:example.org', keys: [] }), TypeError);
    rejectsWith(() => buildDidWebDocument({ did: 'did:web:', keys: [key] }), 'ERR_DID_INVALID');
  });
});
