import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jsonld from 'jsonld';
import { defaultDocumentLoader } from '../contexts/document-loader.js';
import { AkashiError } from '../errors/akashi-error.js';
import {
  buildEndorsementCredential,
  type EndorsementCredentialInput,
} from './build-endorsement-credential.js';
import {
  assertOfficiallyValid,
  findEmptyValues,
  fixedClock,
  readJsonFixture,
  withProof,
} from './test-factories.js';
import { validateEndorsementCredential } from './validate-endorsement-credential.js';
import { validateModel } from './validate-model.js';

const minimal: EndorsementCredentialInput = {
  name: 'Good standing',
  issuer: { id: 'https://accreditor.example.org/issuers/1', name: '大学評価機構' },
  credentialSubject: { id: 'https://example.ac.jp/issuers/1' },
};

const full: EndorsementCredentialInput = {
  id: 'https://accreditor.example.org/endorsements/7',
  name: '認証評価',
  description: '大学機関別認証評価の結果',
  image: 'https://accreditor.example.org/seal.png',
  issuer: {
    id: 'did:web:accreditor.example.org',
    name: '大学評価機構',
    url: 'https://accreditor.example.org/',
  },
  credentialSubject: {
    id: 'https://example.ac.jp/issuers/1',
    endorsementComment: '基準を満たしている。',
  },
  validFrom: '2024-04-01T00:00:00+09:00',
  validUntil: new Date('2031-03-31T15:00:00Z'),
  awardedDate: '2024-04-01T00:00:00+09:00',
  credentialStatus: {
    statusListCredential: 'https://accreditor.example.org/status/3',
    statusListIndex: '7',
    statusPurpose: 'suspension',
  },
  credentialSchema: [
    'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json',
  ],
};

describe('buildEndorsementCredential', () => {
  for (const [name, input] of [
    ['minimal', minimal],
    ['with every optional member', full],
  ] as const) {
    it(`builds a ${name} endorsement valid against endorsementcredential.json`, () => {
      const endorsement = buildEndorsementCredential(input, { clock: fixedClock });
      assertOfficiallyValid('endorsementcredential', withProof(endorsement));
      assert.deepEqual(validateModel('strict', 'EndorsementCredential', endorsement), { ok: true });
      assert.deepEqual(validateEndorsementCredential(withProof(endorsement)), { ok: true });
      assert.deepEqual(findEmptyValues(endorsement), []);
      assertOfficiallyValid('profile', endorsement.issuer);
    });

    it(`builds a ${name} endorsement that expands in JSON-LD safe mode`, async () => {
      const endorsement = buildEndorsementCredential(input, { clock: fixedClock });
      const expanded = await jsonld.expand(withProof(endorsement), {
        documentLoader: defaultDocumentLoader,
        safe: true,
      });
      assert.equal(expanded.length, 1);
    });
  }

  it('emits the endorsement envelope exactly', () => {
    const endorsement = buildEndorsementCredential(minimal, { clock: fixedClock });
    assert.deepEqual(endorsement['@context'], [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    assert.deepEqual(endorsement.type, ['VerifiableCredential', 'EndorsementCredential']);
    assert.deepEqual(endorsement.credentialSubject.type, ['EndorsementSubject']);
    assert.equal(endorsement.validFrom, '2025-04-01T09:30:15Z');
    assert.match(endorsement.id, /^urn:uuid:/);
    const withSchema = buildEndorsementCredential(full, { clock: fixedClock });
    assert.equal(
      withSchema['@context'][2],
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    );
  });

  it('rejects an endorsement without name or subject id, listing both', () => {
    try {
      buildEndorsementCredential(
        { ...minimal, name: '', credentialSubject: {} } as unknown as EndorsementCredentialInput,
        { clock: fixedClock },
      );
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof AkashiError);
      assert.equal(error.code, 'ERR_CREDENTIAL_INVALID');
      assert.deepEqual(error.details?.errors, [
        { path: '/name', message: 'must NOT have fewer than 1 characters' },
        { path: '/credentialSubject/id', message: 'is required' },
      ]);
    }
  });
});

describe('validateEndorsementCredential', () => {
  it('accepts the 1EdTech validator fixture endorsement-valid.json', () => {
    assert.deepEqual(
      validateEndorsementCredential(readJsonFixture('validator/ob30/endorsement-valid.json')),
      { ok: true },
    );
  });

  it('reports a missing name and a wrong subject type with their paths', () => {
    const endorsement = readJsonFixture('validator/ob30/endorsement-valid.json') as Record<
      string,
      unknown
    >;
    delete endorsement.name;
    endorsement.credentialSubject = { id: 'https://example.org/x', type: 'Subject' };
    assert.deepEqual(validateEndorsementCredential(endorsement), {
      ok: false,
      errors: [
        { path: '/name', message: 'is required' },
        { path: '/credentialSubject/type', message: 'must be "EndorsementSubject"' },
      ],
    });
  });
});
