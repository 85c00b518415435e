import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { changeAwardState } from '../awards/change-award-state.js';
import { migrateDatabase } from '../db/migrate-database.js';
import { openDatabase } from '../db/open-database.js';
import { buildBadgePageWorld, type BadgePageWorld } from '../badge-pages/badge-page-test-world.js';
import { MAX_VERIFY_BYTES } from './verification-schemas.js';

interface Check {
  readonly name: string;
  readonly outcome: string;
  readonly code: string;
}
interface VerifyAnswer {
  readonly verdict: string;
  readonly explanation: { readonly en: string; readonly ja: string };
  readonly report: {
    readonly status: string;
    readonly generation?: string;
    readonly format?: string;
    readonly checks: readonly Check[];
    readonly credential?: Record<string, unknown>;
  };
}
interface ErrorAnswer {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: unknown[] };
}

let world: BadgePageWorld;
let address = 0;

before(async () => {
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
  await migrateDatabase(db);
  world = await buildBadgePageWorld(db);
});

after(async () => {
  await world.close();
});

/** Each request from its own address, so that the rate limit only counts where a test wants. */
const post = (
  payload: unknown,
  options: { contentType?: string; remoteAddress?: string; language?: string } = {},
) => {
  address += 1;
  return world.test.app.inject({
    method: 'POST',
    url: '/api/v1/verify',
    remoteAddress: options.remoteAddress ?? `192.0.2.${String(address % 250)}`,
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'accept-language': options.language ?? 'en',
    },
    payload:
      typeof payload === 'string' || payload instanceof Buffer ? payload : JSON.stringify(payload),
  });
};

const verdictOf = async (payload: unknown, contentType?: string) => {
  const response = await post(payload, contentType === undefined ? {} : { contentType });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<VerifyAnswer>();
};

const checkOf = (answer: VerifyAnswer, name: string) =>
  answer.report.checks.find((check) => check.name === name);

describe('POST /api/v1/verify', () => {
  it('finds a credential of ours valid, as JSON, JSON text and from its URL', async () => {
    const award = await world.award({});
    const asObject = await verdictOf({ credential: award.credential });
    assert.equal(asObject.verdict, 'valid');
    assert.equal(asObject.report.generation, 'ob3');
    assert.equal(checkOf(asObject, 'proof')?.outcome, 'passed');
    assert.equal(asObject.report.credential?.id, award.credential.id);
    assert.match(asObject.explanation.en, /passed/);

    const asText = await verdictOf({ credential: JSON.stringify(award.credential, null, 2) });
    assert.equal(asText.verdict, 'valid');

    const fromUrl = await verdictOf({
      url: `https://badges.example.ac.jp/badges/${award.id}/credential.json`,
    });
    assert.equal(fromUrl.verdict, 'valid');
    // Our own documents are answered in process: nothing went to the network.
    assert.deepEqual(world.remoteCalls, []);
  });

  it('reads the baked PNG (or SVG) image of an award, sent as raw bytes', async () => {
    const award = await world.award({});
    const image = await world.test.app.inject({ url: `/badges/${award.id}/image` });
    assert.equal(image.statusCode, 200);
    const type = String(image.headers['content-type']);
    const answer = await verdictOf(image.rawPayload, type);
    assert.equal(answer.verdict, 'valid', JSON.stringify(answer.report.checks));
    assert.match(answer.report.format ?? '', /^(png|svg)$/);
  });

  it('reads the OB 2.0 baked image of an award', async () => {
    const award = await world.award({});
    const image = await world.test.app.inject({ url: `/badges/${award.id}/ob2-image` });
    const answer = await verdictOf(image.rawPayload, String(image.headers['content-type']));
    assert.equal(answer.report.generation, 'ob2');
    assert.equal(answer.verdict, 'valid', JSON.stringify(answer.report.checks));
  });

  it('says a credential whose name was changed has been tampered with', async () => {
    const award = await world.award({});
    const credential: Record<string, unknown> = structuredClone(award.credential);
    const subject = credential.credentialSubject as { achievement: { name: string } };
    subject.achievement.name = '偽の資格';
    const answer = await verdictOf({ credential });
    assert.equal(answer.verdict, 'tampered');
    assert.equal(checkOf(answer, 'proof')?.code, 'ERR_PROOF_SIGNATURE');
    assert.match(answer.explanation.en, /altered/);
  });

  it('says a revoked award is revoked, and a suspended one suspended', async () => {
    const award = await world.award({});
    await changeAwardState(
      world.context,
      {
        organisationId: world.organisationId,
        awardId: award.id,
        change: 'revoke',
        reason: '誤発行',
      },
      world.origin(),
    );
    const answer = await verdictOf({ credential: award.credential });
    assert.equal(answer.verdict, 'revoked');
    assert.equal(checkOf(answer, 'status')?.code, 'STATUS_REVOKED');

    const suspendable = await world.award({ suspendable: true });
    await changeAwardState(
      world.context,
      {
        organisationId: world.organisationId,
        awardId: suspendable.id,
        change: 'suspend',
        reason: '確認中',
      },
      world.origin(),
    );
    assert.equal((await verdictOf({ credential: suspendable.credential })).verdict, 'suspended');
  });

  it('tells expired and not-yet-valid credentials apart', async () => {
    const expired = await world.award({
      awardedDate: '2020-04-01T00:00:00Z',
      validUntil: '2021-03-31T00:00:00Z',
    });
    assert.equal((await verdictOf({ credential: expired.credential })).verdict, 'expired');
    const future = await world.award({ validFrom: '2999-04-01T00:00:00Z' });
    assert.equal((await verdictOf({ credential: future.credential })).verdict, 'not-yet-valid');
  });

  it('verifies the VC-JWT of an award (a recipient with a DID), and a JWT altered in transit', async () => {
    const award = await world.award({
      recipient: { email: 'ken@example.ac.jp', did: 'did:example:ken' },
    });
    assert.ok(award.credentialJwt !== null);
    const answer = await verdictOf({ credential: award.credentialJwt });
    assert.equal(answer.verdict, 'valid', JSON.stringify(answer.report.checks));
    assert.equal(answer.report.format, 'jwt');

    const [header, payload, signature] = award.credentialJwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    claims.name = '改ざん';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    assert.equal((await verdictOf({ credential: forged })).verdict, 'tampered');
  });

  it('cannot reach a badge on a private address: issuer-unreachable, with the reason', async () => {
    const answer = await verdictOf({ url: 'https://127.0.0.1/badges/1/credential.json' });
    assert.equal(answer.verdict, 'issuer-unreachable');
    assert.equal(checkOf(answer, 'parse')?.outcome, 'error');
    assert.match(answer.explanation.en, /could not be retrieved/);
  });

  it('answers input that is no credential with 200 and the verdict unreadable, in the language asked', async () => {
    const garbage = await verdictOf({ credential: 'これはバッジではありません' });
    assert.equal(garbage.verdict, 'unreadable');
    assert.match(garbage.explanation.ja, /JSON・JWT・PNG\/SVG/);
    const notPng = await verdictOf(Buffer.from('not a png at all'), 'image/png');
    assert.equal(notPng.verdict, 'unreadable');
    const brokenJson = await verdictOf({ credential: '{"@context": [' });
    assert.equal(brokenJson.verdict, 'unreadable');
    assert.equal(checkOf(brokenJson, 'parse')?.code, 'ERR_PARSE_JSON');
  });

  it('refuses a request with no input, both inputs, or a URL that is not HTTP(S)', async () => {
    const none = await post({});
    assert.equal(none.statusCode, 400);
    assert.equal(none.json<ErrorAnswer>().error.code, 'ERR_VERIFY_INPUT_MISSING');
    const blank = await post({ credential: '   ' }, { language: 'ja' });
    assert.equal(blank.statusCode, 400);
    assert.match(blank.json<ErrorAnswer>().error.message, /検証するバッジを指定してください/);
    const both = await post({ url: 'https://example.org/b', credential: {} });
    assert.equal(both.json<ErrorAnswer>().error.code, 'ERR_VERIFY_INPUT_AMBIGUOUS');
    const ftp = await post({ url: 'ftp://example.org/badge' });
    assert.equal(ftp.statusCode, 400);
    assert.equal(ftp.json<ErrorAnswer>().error.code, 'ERR_HTTP_VALIDATION');
  });

  it('refuses a badge over 5 MiB with 413 ERR_VERIFY_INPUT_TOO_LARGE', async () => {
    const image = Buffer.alloc(MAX_VERIFY_BYTES + 1, 0x20);
    const big = await post(image, { contentType: 'image/png' });
    assert.equal(big.statusCode, 413);
    const error = big.json<ErrorAnswer>().error;
    assert.equal(error.code, 'ERR_VERIFY_INPUT_TOO_LARGE');
    assert.match(error.message, /5242880 bytes/);
    const json = await post({ credential: 'x'.repeat(MAX_VERIFY_BYTES) });
    assert.equal(json.statusCode, 413);
  });

  it('limits verifications per client address, with Retry-After', async () => {
    for (let i = 0; i < 30; i += 1) {
      await post({ credential: 'x' }, { remoteAddress: '198.51.100.9' });
    }
    const last = await post({ credential: 'x' }, { remoteAddress: '198.51.100.9' });
    assert.equal(last.statusCode, 429);
    assert.equal(last.json<ErrorAnswer>().error.code, 'ERR_VERIFY_RATE_LIMITED');
    assert.ok(Number(last.headers['retry-after']) >= 1);
    const other = await post({ credential: 'x' }, { remoteAddress: '198.51.100.10' });
    assert.equal(other.statusCode, 200);
  });

  it('is documented in the OpenAPI document', async () => {
    const response = await world.test.app.inject({ url: '/api/openapi.json' });
    const doc = response.json<{
      paths: Record<string, Record<string, { operationId?: string; requestBody?: unknown }>>;
    }>();
    const operation = doc.paths['/api/v1/verify']?.post;
    assert.ok(operation);
    assert.equal(operation.operationId, 'verifyBadge');
    assert.match(JSON.stringify(operation.requestBody), /"format":"binary"/);
    assert.doesNotMatch(JSON.stringify(operation), /VerifyImageBytes"?:/);
  });
});
