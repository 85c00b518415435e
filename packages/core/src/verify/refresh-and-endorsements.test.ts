/**
 * `refreshService` (1EdTechCredentialRefresh) and embedded endorsements, with the issuer's host
 * (DID document, refreshed credentials) played by a loopback server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findEndorsements, type EndorsementResult } from './check-endorsements.js';
import { addDataIntegrityProof, issueCredential } from '../issue/index.js';
import { issueJwtCredential } from '../jwt/index.js';
import { didKeyFor, generateSigningKey } from '../keys/index.js';
import { createVerifier, type Verifier } from './create-verifier.js';
import {
  CLOSED_ORIGIN,
  makeBadge,
  makeEndorsement,
  makeExtendedBadge,
  startLoopbackHost,
  type LoopbackHost,
} from './loopback-host.fixture.js';
import type { VerificationReport } from './verification-report.js';

type Json = Record<string, unknown>;

const now = () => new Date('2026-11-21T00:00:00Z');
const check = (report: VerificationReport, name: string) =>
  report.checks.find((c) => c.name === name);
const endorsementsOf = (report: VerificationReport) =>
  (check(report, 'endorsements')?.details?.endorsements ?? []) as EndorsementResult[];

describe('refreshService of type 1EdTechCredentialRefresh', () => {
  let host: LoopbackHost;
  let verifier: Verifier;
  before(async () => {
    host = await startLoopbackHost();
    verifier = createVerifier({ now, cacheTtlMs: 0, fetchDocument: host.fetchDocument });
  });
  after(() => host.close());

  const refreshable = (path: string, extra: Json = {}) =>
    host.sign(
      makeExtendedBadge(host.did, {
        validUntil: '2026-06-30T00:00:00Z',
        refreshService: { id: `${host.origin}${path}`, type: '1EdTechCredentialRefresh' },
        ...extra,
      }),
    );
  const requestsOf = (path: string) => host.requests.filter((p) => p === path).length;

  test('an expired credential refreshed into a valid one is valid; the refreshed one is reported', async () => {
    const original = await refreshable('/refresh/1');
    const renewed = await host.sign(makeBadge(host.did, { validUntil: '2027-06-30T00:00:00Z' }));
    host.serveJson('/refresh/1', renewed);
    const report = await verifier.verifyCredential(original);
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    const refresh = check(report, 'refresh');
    assert.equal(refresh?.code, 'REFRESH_OK');
    assert.equal((refresh.details?.credential as Json).id, renewed.id);
    assert.equal(report.credential?.id, original.id, 'the report still carries the original');
    assert.equal(check(report, 'validity')?.code, 'VALIDITY_OK');

    const off = createVerifier({
      now,
      fetchDocument: host.fetchDocument,
      followRefreshService: false,
    });
    const unfollowed = await off.verifyCredential(original);
    assert.equal(unfollowed.status, 'expired');
    assert.equal(check(unfollowed, 'refresh')?.code, 'REFRESH_NOT_FOLLOWED');
  });

  test("the refreshed credential's status counts: revoked after refresh is revoked", async () => {
    const original = await refreshable('/refresh/2');
    const renewed = await host.sign(
      makeExtendedBadge(host.did, {
        validUntil: '2027-06-30T00:00:00Z',
        credentialStatus: { id: `${host.origin}/revocations`, type: '1EdTechRevocationList' },
      }),
    );
    host.serveJson('/revocations', { revokedCredential: [{ id: renewed.id }] });
    host.serveJson('/refresh/2', renewed);
    assert.equal((await verifier.verifyCredential(original)).status, 'revoked');
  });

  test('a refresh that fails keeps the original and says why', async () => {
    const stranger = generateSigningKey('ed25519');
    const cases: [string, () => Promise<void>, string, string][] = [
      [
        '/refresh/other-issuer',
        async () => {
          const other = await addDataIntegrityProof(makeBadge(didKeyFor(stranger)), {
            key: stranger,
          });
          host.serveJson('/refresh/other-issuer', other);
        },
        'failed',
        'ERR_REFRESH_INVALID',
      ],
      [
        '/refresh/tampered',
        async () => {
          const renewed = await host.sign(makeBadge(host.did));
          host.serveJson('/refresh/tampered', { ...renewed, name: '改ざん' });
        },
        'failed',
        'ERR_REFRESH_INVALID',
      ],
      ['/refresh/gone', () => Promise.resolve(), 'failed', 'ERR_REFRESH_INVALID'],
      [
        '/refresh/busy',
        () => {
          host.serveStatus('/refresh/busy', 503);
          return Promise.resolve();
        },
        'error',
        'ERR_REFRESH_UNREACHABLE',
      ],
    ];
    for (const [path, setUp, outcome, code] of cases) {
      await setUp();
      const report = await verifier.verifyCredential(await refreshable(path));
      assert.equal(report.status, 'expired', path);
      assert.equal(check(report, 'refresh')?.outcome, outcome, path);
      assert.equal(check(report, 'refresh')?.code, code, path);
    }
    // A refresh that fails never decides the verdict: a valid original stays valid.
    const current = await host.sign(
      makeExtendedBadge(host.did, {
        refreshService: { id: `${CLOSED_ORIGIN}/refresh`, type: '1EdTechCredentialRefresh' },
      }),
    );
    const report = await verifier.verifyCredential(current);
    assert.equal(check(report, 'refresh')?.code, 'ERR_REFRESH_UNREACHABLE');
    assert.equal(report.status, 'valid');
  });

  test('followed only after the proof passed, and at most once', async () => {
    const original = await refreshable('/refresh/3');
    host.serveJson('/refresh/3', await refreshable('/refresh/3'));
    const forged = await verifier.verifyCredential({ ...original, name: '改ざん' });
    assert.equal(check(forged, 'refresh')?.code, 'REFRESH_NOT_FOLLOWED');
    assert.equal(requestsOf('/refresh/3'), 0);

    const report = await verifier.verifyCredential(original);
    assert.equal(check(report, 'refresh')?.code, 'REFRESH_OK');
    assert.equal(requestsOf('/refresh/3'), 1, 'the refreshed refreshService is not followed');
    assert.equal(report.status, 'expired', 'the refreshed credential expired too');
  });

  test('a refreshed credential served as a VC-JWT is read as such', async () => {
    const original = await refreshable('/refresh/jwt');
    const issued = await issueCredential(makeBadge(host.did), {
      key: host.key,
      format: 'jwt',
      verificationMethod: `${host.did}#key-1`,
    });
    if (issued.format !== 'jwt') throw new Error('expected a JWT');
    host.serveText('/refresh/jwt', issued.jwt);
    const report = await verifier.verifyCredential(original);
    assert.equal(check(report, 'refresh')?.code, 'REFRESH_OK', JSON.stringify(report.checks));
    assert.equal(report.status, 'valid');
  });
});

describe('embedded endorsements', () => {
  let host: LoopbackHost;
  let verifier: Verifier;
  const endorser = generateSigningKey('ed25519');
  const endorserDid = didKeyFor(endorser);
  before(async () => {
    host = await startLoopbackHost();
    verifier = createVerifier({ now, fetchDocument: host.fetchDocument });
  });
  after(() => host.close());

  const endorse = (subject: string, extra: Json = {}) =>
    addDataIntegrityProof(makeEndorsement(endorserDid, subject, extra), { key: endorser });

  /** A badge whose credential, issuer profile and achievement each carry one endorsement. */
  const endorsedBadge = async (endorsement: (subject: string) => Promise<Json>) => {
    const badge = makeBadge(host.did);
    const subject = badge.credentialSubject as Json;
    const achievement = subject.achievement as Json;
    badge.endorsement = [await endorsement(String(badge.id))];
    badge.issuer = { ...(badge.issuer as Json), endorsement: [await endorsement(host.did)] };
    achievement.endorsement = [await endorsement(String(achievement.id))];
    return host.sign(badge);
  };

  test('endorsements on the credential, its issuer and its achievement are all verified', async () => {
    const report = await verifier.verifyCredential(await endorsedBadge((s) => endorse(s)));
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    assert.equal(check(report, 'endorsements')?.code, 'ENDORSEMENTS_OK');
    assert.deepEqual(
      endorsementsOf(report)
        .map((e) => [e.path, e.status])
        .sort(),
      [
        ['/credentialSubject/achievement/endorsement/0', 'valid'],
        ['/endorsement/0', 'valid'],
        ['/issuer/endorsement/0', 'valid'],
      ],
    );
  });

  test('one altered endorsement makes the endorsed credential invalid', async () => {
    let first = true;
    const report = await verifier.verifyCredential(
      await endorsedBadge(async (subject) => {
        const endorsement = await endorse(subject);
        if (!first) return endorsement;
        first = false;
        return { ...endorsement, name: '偽の推薦' };
      }),
    );
    assert.equal(report.status, 'invalid');
    assert.equal(check(report, 'proof')?.outcome, 'passed');
    assert.equal(check(report, 'endorsements')?.code, 'ERR_ENDORSEMENT_INVALID');
    const bad = endorsementsOf(report).filter((e) => e.status !== 'valid');
    assert.equal(bad.length, 1);
    assert.equal(bad[0]?.checks.find((c) => c.name === 'proof')?.code, 'ERR_PROOF_SIGNATURE');
  });

  test('an endorsement without a proof is rejected (P14), and so is one of another type', async () => {
    const unsigned = await endorsedBadge((subject) =>
      Promise.resolve(makeEndorsement(endorserDid, subject)),
    );
    const report = await verifier.verifyCredential(unsigned);
    assert.equal(report.status, 'invalid');
    for (const result of endorsementsOf(report))
      assert.equal(result.checks.find((c) => c.name === 'proof')?.code, 'ERR_PROOF_MISSING');

    const badge = await addDataIntegrityProof(makeBadge(endorserDid), { key: endorser });
    const misfiled = await verifier.verifyCredential(
      await host.sign(makeBadge(host.did, { endorsement: [badge] })),
    );
    assert.equal(misfiled.status, 'invalid');
    const [result] = endorsementsOf(misfiled);
    assert.equal(result?.checks.find((c) => c.name === 'schema')?.code, 'ERR_ENDORSEMENT_TYPE');
  });

  test('endorsementJwt entries are verified as VC-JWTs', async () => {
    const endorsement = makeEndorsement(endorserDid, 'urn:example:badge');
    const jwt = await issueJwtCredential(endorsement, endorser, {
      kidUrl: `${endorserDid}#${endorserDid.slice('did:key:'.length)}`,
    });
    const [header, payload, signature] = jwt.split('.');
    const forged = [
      header,
      Buffer.from(
        JSON.stringify({
          ...(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Json),
          name: '偽',
        }),
      ).toString('base64url'),
      signature,
    ].join('.');
    // The OB 3.0.3 context does not define endorsementJwt: such a badge fails safe mode (and so
    // cannot even be signed with a Data Integrity proof), but its endorsements are still checked.
    const badge = makeBadge(host.did, { endorsementJwt: [jwt, forged] });
    const report = await verifier.verifyCredential(badge);
    assert.equal(check(report, 'jsonld')?.outcome, 'failed');
    const results = endorsementsOf(report);
    assert.deepEqual(
      results.map((e) => [e.path, e.status, e.proofFormat]),
      [
        ['/endorsementJwt/0', 'valid', 'jwt'],
        ['/endorsementJwt/1', 'invalid', 'jwt'],
      ],
    );
    assert.equal(results[0]?.credential?.id, endorsement.id);
  });

  test('endorsements are looked for everywhere but in @context and proofs', () => {
    const found = findEndorsements({
      '@context': [{ endorsement: { '@id': 'https://example.org/terms/endorsement' } }],
      endorsement: { type: ['VerifiableCredential', 'EndorsementCredential'] },
      credentialSubject: [{ achievement: { creator: { endorsementJwt: ['a.b.c', 42] } } }],
      proof: [{ endorsement: [{}] }],
    });
    assert.deepEqual(
      found.map((e) => e.path),
      ['/endorsement', '/credentialSubject/0/achievement/creator/endorsementJwt/0'],
    );
  });

  test('nesting and count are limited', async () => {
    const nested = await endorse('urn:example:endorser-profile');
    const outer = await endorse('urn:example:badge', {
      issuer: { id: endorserDid, type: ['Profile'], name: '推薦者', endorsement: [nested] },
    });
    const badge = await host.sign(makeBadge(host.did, { endorsement: [outer] }));
    assert.equal((await verifier.verifyCredential(badge)).status, 'valid');

    const shallow = createVerifier({ now, maxEndorsementDepth: 1 });
    const report = await shallow.verifyCredential(badge);
    assert.equal(report.status, 'invalid');
    const [first] = endorsementsOf(report);
    const inner = (first?.checks.find((c) => c.name === 'endorsements')?.details?.endorsements ??
      []) as EndorsementResult[];
    assert.equal(inner[0]?.checks[0]?.code, 'ERR_ENDORSEMENT_LIMIT');

    const few = createVerifier({ now, maxEndorsements: 2 });
    const three = await few.verifyCredential(await endorsedBadge((s) => endorse(s)));
    assert.equal(three.status, 'invalid');
    assert.equal(
      endorsementsOf(three).filter((e) => e.checks[0]?.code === 'ERR_ENDORSEMENT_LIMIT').length,
      1,
    );
  });

  test('an endorsement that cannot be verified for want of the network is an error', async () => {
    const offline = createVerifier({ now });
    const report = await offline.verifyCredential(
      await addDataIntegrityProof(
        makeBadge(endorserDid, {
          endorsement: [await host.sign(makeEndorsement(host.did, 'urn:example:badge'))],
        }),
        { key: endorser },
      ),
    );
    assert.equal(check(report, 'endorsements')?.code, 'ERR_ENDORSEMENT_INDETERMINATE');
    assert.equal(report.status, 'indeterminate');
  });
});
