import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jsonld from 'jsonld';
import { defaultDocumentLoader } from '../contexts/document-loader.js';
import { AkashiError } from '../errors/akashi-error.js';
import { buildIdentityObject } from '../recipient/build-identity-object.js';
import {
  buildOpenBadgeCredential,
  type OpenBadgeCredentialInput,
} from './build-open-badge-credential.js';
import {
  assertOfficiallyValid,
  COMPACT_JWS,
  buildDidRecipientInput,
  buildFullInput,
  buildJapaneseInput,
  buildMinimalInput,
  findEmptyValues,
  fixedClock,
  TEST_PROOF,
  withProof,
} from './test-factories.js';
import { validateModel } from './validate-model.js';
import { validateOpenBadgeCredential } from './validate-open-badge-credential.js';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const EXTENSIONS = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';

const cases: [string, () => OpenBadgeCredentialInput][] = [
  ['a minimal credential (hashed e-mail recipient)', buildMinimalInput],
  ['a credential with every optional member', buildFullInput],
  ['a credential with Japanese names', buildJapaneseInput],
  ['a credential whose recipient is a DID', buildDidRecipientInput],
];

/** Builder output with the invalid members a test names; typed loosely on purpose. */
const buildUnchecked = (input: Record<string, unknown>): unknown =>
  buildOpenBadgeCredential(input as unknown as OpenBadgeCredentialInput, { clock: fixedClock });

const catchErrors = (run: () => unknown): { path: string; message: string }[] => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof AkashiError);
    assert.equal(error.code, 'ERR_CREDENTIAL_INVALID');
    return (error.details?.errors ?? []) as { path: string; message: string }[];
  }
  assert.fail('expected ERR_CREDENTIAL_INVALID');
};

describe('buildOpenBadgeCredential', () => {
  for (const [name, makeInput] of cases) {
    describe(name, () => {
      const credential = buildOpenBadgeCredential(makeInput(), { clock: fixedClock });

      it('validates against the official achievementcredential.json schema', () => {
        assertOfficiallyValid('achievementcredential', withProof(credential));
        assertOfficiallyValid('achievementcredential', credential);
      });

      it('validates against our strict and lenient schemas, signed or not', () => {
        assert.deepEqual(validateModel('strict', 'OpenBadgeCredential', credential), { ok: true });
        assert.deepEqual(validateModel('strict', 'OpenBadgeCredential', withProof(credential)), {
          ok: true,
        });
        assert.deepEqual(validateOpenBadgeCredential(withProof(credential)), { ok: true });
      });

      it('expands in JSON-LD safe mode with the bundled contexts (every term defined)', async () => {
        const expanded = await jsonld.expand(withProof(credential), {
          documentLoader: defaultDocumentLoader,
          safe: true,
        });
        assert.equal(expanded.length, 1);
      });

      it('emits no null, no empty array and no undefined member', () => {
        assert.deepEqual(findEmptyValues(credential), []);
      });

      it('round-trips through JSON unchanged', () => {
        assert.deepEqual(JSON.parse(JSON.stringify(credential)), credential);
      });

      it('validates the issuer profile against the official profile.json schema', () => {
        assertOfficiallyValid('profile', credential.issuer);
      });
    });
  }

  it('emits the envelope exactly: contexts, type, urn:uuid id, validFrom from the clock', () => {
    const credential = buildOpenBadgeCredential(buildMinimalInput(), { clock: fixedClock });
    assert.deepEqual(credential['@context'], [V2, OB]);
    assert.deepEqual(credential.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.match(
      credential.id,
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    assert.equal(credential.validFrom, '2025-04-01T09:30:15Z');
    assert.deepEqual(credential.issuer, {
      id: 'https://example.ac.jp/issuers/1',
      type: ['Profile'],
      name: 'Example University',
    });
    assert.deepEqual(credential.credentialSubject.type, ['AchievementSubject']);
    assert.deepEqual(credential.credentialSubject.achievement.type, ['Achievement']);
  });

  it('defaults validFrom to the real clock in whole seconds', () => {
    const credential = buildOpenBadgeCredential(buildMinimalInput());
    assert.match(credential.validFrom, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('gives every credential a fresh id', () => {
    const first = buildOpenBadgeCredential(buildMinimalInput());
    const second = buildOpenBadgeCredential(buildMinimalInput());
    assert.notEqual(first.id, second.id);
  });

  it('adds extensions.json when a 1EdTech type appears, and only then', () => {
    const full = buildOpenBadgeCredential(buildFullInput(), { clock: fixedClock });
    assert.deepEqual(full['@context'], [V2, OB, EXTENSIONS]);
    const withJsonSchema = buildOpenBadgeCredential(
      {
        ...buildMinimalInput(),
        credentialSchema: { id: 'https://example.org/s.json', type: 'JsonSchema' },
      },
      { clock: fixedClock },
    );
    assert.deepEqual(withJsonSchema['@context'], [V2, OB]);
  });

  it('writes the strict shapes from convenient input', () => {
    const credential = buildOpenBadgeCredential(buildFullInput(), { clock: fixedClock });
    assert.equal(credential.validFrom, '2025-03-31T15:00:00Z');
    assert.deepEqual(credential.image, {
      id: 'https://example.ac.jp/credentials/3732/image.png',
      type: 'Image',
      caption: '修了証',
    });
    assert.deepEqual(credential.credentialSubject.image, {
      id: 'https://example.ac.jp/credentials/3732/baked.png',
      type: 'Image',
    });
    assert.deepEqual(credential.credentialStatus, {
      id: 'https://example.ac.jp/status/1#94567',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://example.ac.jp/status/1',
    });
    assert.deepEqual(credential.credentialSchema, [
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ]);
    const endorsement = credential.endorsement?.[0];
    assert.ok(Array.isArray(endorsement?.proof));
    assert.equal(credential.issuer.address?.geo?.type, 'GeoCoordinates');
    assert.equal(credential.credentialSubject.identifier?.[1]?.identityType, 'ext:studentNumber');
  });

  it('keeps Japanese text exactly as given (no Unicode normalisation)', () => {
    const credential = buildOpenBadgeCredential(buildJapaneseInput(), { clock: fixedClock });
    assert.equal(credential.credentialSubject.achievement.name, '情報リテラシー（初級）');
    assert.equal(credential.credentialSubject.achievement.description, 'ＩＴの基本を理解した。');
  });

  it('rejects bad input listing every bad field, not only the first', () => {
    const input = buildMinimalInput();
    const errors = catchErrors(() =>
      buildUnchecked({
        ...input,
        id: 'not a uri',
        issuer: { id: 'https://example.ac.jp/issuers/1' },
        credentialSubject: {
          achievement: {
            id: 'https://example.ac.jp/achievements/x',
            description: 'No name.',
            criteria: {},
          },
        },
      }),
    );
    const paths = errors.map((error) => error.path);
    assert.deepEqual(
      new Set(paths),
      new Set([
        '/id',
        '/issuer/name',
        '/credentialSubject',
        '/credentialSubject/achievement/name',
        '/credentialSubject/achievement/criteria',
      ]),
    );
    assert.match(
      errors.find((e) => e.path === '/credentialSubject')?.message ?? '',
      /id or identifier/,
    );
    assert.match(
      errors.find((e) => e.path === '/credentialSubject/achievement/criteria')?.message ?? '',
      /id or narrative/,
    );
  });

  it('names every invalid member in the error message, in English and Japanese', () => {
    try {
      buildUnchecked({ ...buildMinimalInput(), validUntil: 'tomorrow', nickname: 'x' });
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof AkashiError);
      assert.match(error.message, /\/validUntil must match format "date-time"/);
      assert.match(error.message, /\/nickname is not allowed here/);
      assert.match(error.ja, /\/validUntil/);
    }
  });

  it('reports nulls and missing parts instead of crashing or dropping them', () => {
    const errors = catchErrors(() =>
      buildUnchecked({
        issuer: null,
        name: null,
        credentialSubject: { id: 'did:example:1', achievement: undefined, image: null },
      }),
    );
    assert.deepEqual(
      new Set(errors.map((error) => error.path)),
      new Set(['/issuer', '/name', '/credentialSubject/achievement', '/credentialSubject/image']),
    );
  });

  it('drops undefined members at any depth, also inside objects passed through as they are', () => {
    const input = buildMinimalInput();
    const credential = buildUnchecked({
      ...input,
      credentialSubject: {
        ...input.credentialSubject,
        identifier: [{ ...buildIdentityObject({ email: 'a@example.com' }), salt: undefined }],
      },
    });
    assert.deepEqual(findEmptyValues(credential), []);
  });

  it('does not share objects with its input', () => {
    const identity = buildIdentityObject({ email: 'a@example.com' });
    const credential = buildOpenBadgeCredential({
      ...buildMinimalInput(),
      credentialSubject: { ...buildMinimalInput().credentialSubject, identifier: identity },
    });
    assert.notEqual(credential.credentialSubject.identifier?.[0], identity);
    assert.deepEqual(credential.credentialSubject.identifier?.[0], identity);
  });

  it('rejects an embedded endorsement without a proof', () => {
    const errors = catchErrors(() => {
      const unsigned = { ...buildFullInput().endorsement?.[0] };
      delete unsigned.proof;
      buildUnchecked({ ...buildMinimalInput(), endorsement: [unsigned] });
    });
    assert.deepEqual(errors, [{ path: '/endorsement/0/proof', message: 'is required' }]);
  });

  it('accepts a single proof object on an embedded endorsement and writes an array', () => {
    const endorsement = buildFullInput().endorsement?.[0];
    assert.ok(endorsement);
    const credential = buildOpenBadgeCredential(
      { ...buildMinimalInput(), endorsement: [{ ...endorsement, proof: TEST_PROOF }] },
      { clock: fixedClock },
    );
    assert.deepEqual(credential.endorsement?.[0]?.proof, [TEST_PROOF]);
  });

  it('refuses endorsementJwt: the OB 3.0.3 context does not define it (JSON-LD safe mode)', () => {
    const errors = catchErrors(() =>
      buildUnchecked({ ...buildMinimalInput(), endorsementJwt: [COMPACT_JWS] }),
    );
    assert.deepEqual(errors, [{ path: '/endorsementJwt', message: 'is not allowed here' }]);
  });

  it('throws a TypeError when input is not an object', () => {
    assert.throws(() => buildUnchecked(null as unknown as Record<string, unknown>), TypeError);
  });
});
