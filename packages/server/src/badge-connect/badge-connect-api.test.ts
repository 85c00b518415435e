/**
 * The Badge Connect resource endpoints with access tokens minted straight into `oauth_tokens`
 * (the OAuth flow itself is replayed in `badge-connect-moodle.test.ts`): the manifest, the
 * status envelope on every error (401 with WWW-Authenticate, 403, 400, 404, 405), pushes
 * (hosted and signed, merge, a tampered hosted copy stored as the issuer serves it, another
 * person's badge, a forged JWS, an unknown hosted URL, an OB 3.0 credential), paging, and the
 * profile. The hosted assertions are awards of this platform, served in process.
 */
import assert from 'node:assert/strict';
import { forEachDatabase } from '../db/for-each-database.js';
import { OB21_SCOPES, OFFLINE_ACCESS } from '../oauth/scopes.js';
import { buildBadgeConnectWorld } from './badge-connect-test-world.js';

const ALL = Object.values(OB21_SCOPES);
const ASSERTIONS = '/ims/ob/v2p1/assertions';
const PROFILE = '/ims/ob/v2p1/profile';

interface Envelope {
  status: { error: string | null; statusCode: number; statusText: string };
}

const statusOf = (body: string) => (JSON.parse(body) as Envelope).status;

forEachDatabase(
  'Badge Connect: the manifest, in one entry, at the root and under the API',
  async (db) => {
    const world = await buildBadgeConnectWorld(db);
    try {
      for (const url of [
        '/.well-known/badgeconnect.json',
        '/ims/ob/v2p1/.well-known/badgeconnect.json',
      ]) {
        const response = await world.call('GET', url);
        assert.equal(response.statusCode, 200);
        const manifest = response.json<{
          '@context': string;
          id: string;
          badgeConnectAPI: Record<string, unknown>[];
        }>();
        assert.equal(
          manifest['@context'],
          'https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld',
        );
        assert.equal(manifest.badgeConnectAPI.length, 1);
        const api = manifest.badgeConnectAPI[0] ?? {};
        assert.equal(api.apiBase, 'https://badges.example.ac.jp/ims/ob/v2p1');
        assert.equal(api.version, 'v2p1');
        assert.equal(api.tokenUrl, 'https://badges.example.ac.jp/oauth/token');
        assert.equal(api.registrationUrl, 'https://badges.example.ac.jp/oauth/register');
        assert.equal(api.authorizationUrl, 'https://badges.example.ac.jp/oauth/authorize');
        assert.equal(api.tokenRevocationUrl, 'https://badges.example.ac.jp/oauth/revoke');
        assert.equal(api.termsOfServiceUrl, 'https://badges.example.ac.jp/');
        assert.equal(api.privacyPolicyUrl, 'https://badges.example.ac.jp/');
        assert.deepEqual(api.scopesOffered, [...ALL, OFFLINE_ACCESS]);
        for (const [key, value] of Object.entries(api)) {
          if (key.endsWith('Url') || key === 'image')
            assert.match(String(value), /^https:\/\//, key);
        }
        const logo = await world.call('GET', new URL(String(api.image)).pathname);
        assert.equal(logo.statusCode, 200);
        assert.match(String(logo.headers['content-type']), /^image\/svg\+xml/);
      }
      const post = await world.call('POST', '/.well-known/badgeconnect.json', undefined, {});
      assert.equal(post.statusCode, 405);
      assert.equal(statusOf(post.body).statusText, 'METHOD_NOT_ALLOWED');
    } finally {
      await world.close();
    }
  },
);

forEachDatabase('Badge Connect: every error is the status envelope', async (db) => {
  const world = await buildBadgeConnectWorld(db);
  try {
    const none = await world.call('GET', ASSERTIONS);
    assert.equal(none.statusCode, 401);
    assert.match(String(none.headers['www-authenticate']), /^Bearer error="invalid_token"/);
    assert.deepEqual(
      { ...statusOf(none.body), error: typeof statusOf(none.body).error },
      { error: 'string', statusCode: 401, statusText: 'UNAUTHENTICATED' },
    );
    // The token is checked before the body: no token and a bad body is still a 401.
    const badBodyNoToken = await world.call('POST', ASSERTIONS, undefined, { nonsense: 1 });
    assert.equal(badBodyNoToken.statusCode, 401);

    const expired = await world.token(world.learner.userId, ALL, -1000);
    assert.equal((await world.call('GET', PROFILE, expired)).statusCode, 401);

    const readOnly = await world.token(world.learner.userId, [OB21_SCOPES.assertionReadonly]);
    const denied = await world.call('POST', ASSERTIONS, readOnly, { assertion: {} });
    assert.equal(denied.statusCode, 403);
    assert.equal(statusOf(denied.body).statusText, 'PERMISSION_DENIED');
    assert.match(String(denied.headers['www-authenticate']), /insufficient_scope/);

    const token = await world.token(world.learner.userId, ALL);
    const invalid = await world.call('POST', ASSERTIONS, token, { assertion: 'text' });
    assert.equal(invalid.statusCode, 400);
    assert.equal(statusOf(invalid.body).statusText, 'REQUEST_VALIDATION_ERROR');
    const empty = await world.call('POST', ASSERTIONS, token, {});
    assert.equal(statusOf(empty.body).statusText, 'REQUEST_VALIDATION_ERROR');
    const malformed = await world.test.app.inject({
      method: 'POST',
      url: ASSERTIONS,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"assertion":',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(statusOf(malformed.body).statusText, 'BAD_REQUEST');
    const badQuery = await world.call('GET', `${ASSERTIONS}?limit=0`, token);
    assert.equal(statusOf(badQuery.body).statusText, 'REQUEST_VALIDATION_ERROR');

    const missing = await world.call('GET', '/ims/ob/v2p1/collections', token);
    assert.equal(missing.statusCode, 404);
    assert.equal(statusOf(missing.body).statusText, 'NOT_FOUND');
    const wrongMethod = await world.call('DELETE', ASSERTIONS, token);
    assert.equal(wrongMethod.statusCode, 405);
    assert.equal(wrongMethod.headers.allow, 'GET, HEAD, POST');
    assert.equal(statusOf(wrongMethod.body).statusText, 'METHOD_NOT_ALLOWED');

    const japanese = await world.test.app.inject({
      method: 'GET',
      url: ASSERTIONS,
      headers: { 'accept-language': 'ja' },
    });
    assert.match(String(statusOf(japanese.body).error), /アクセストークン/);
  } finally {
    await world.close();
  }
});

forEachDatabase(
  'Badge Connect: pushes are verified again; the recipient must be the account',
  async (db) => {
    const world = await buildBadgeConnectWorld(db);
    try {
      const token = await world.token(world.learner.userId, ALL);
      const awardId = await world.issue(world.learner.email);
      const assertion = await world.moodleAssertion(awardId);

      // A tampered hosted copy: the issuer's copy (fetched from the id) is what is stored.
      const tampered = {
        ...assertion,
        badge: { ...(assertion.badge as object), name: 'Forged name' },
      };
      const pushed = await world.call('POST', ASSERTIONS, token, { assertion: tampered });
      assert.equal(pushed.statusCode, 200, pushed.body);
      assert.deepEqual(pushed.json(), {
        status: { error: null, statusCode: 200, statusText: 'OK' },
      });
      const rows = await db.kysely
        .selectFrom('wallet_credentials')
        .selectAll()
        .where('user_id', '=', world.learner.userId)
        .where('ob_version', '=', 2)
        .execute();
      assert.equal(rows.length, 1);
      const [row] = rows as [(typeof rows)[number]];
      assert.equal(row.format, 'ob2-json');
      assert.notEqual(row.achievement_name, 'Forged name');
      assert.equal((JSON.parse(row.credential) as { id: string }).id, assertion.id);

      const countOb2 = async () => {
        const row = await db.kysely
          .selectFrom('wallet_credentials')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('user_id', '=', world.learner.userId)
          .where('ob_version', '=', 2)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      };
      // The same badge again: merged, still one row.
      assert.equal((await world.call('POST', ASSERTIONS, token, { assertion })).statusCode, 200);
      assert.equal(await countOb2(), 1);

      // Both forms: the JWS wins (the signed assertion has its own id, urn:uuid:…), pushed twice.
      const jws = await world.signedAssertion(awardId);
      for (let i = 0; i < 2; i++) {
        const signed = await world.call('POST', ASSERTIONS, token, {
          assertion,
          signedAssertion: jws,
        });
        assert.equal(signed.statusCode, 200, signed.body);
      }
      assert.equal(await countOb2(), 2);
      const signedRow = await db.kysely
        .selectFrom('wallet_credentials')
        .select(['format', 'credential_jwt'])
        .where('user_id', '=', world.learner.userId)
        .where('format', '=', 'ob2-jws')
        .executeTakeFirstOrThrow();
      assert.equal(signedRow.credential_jwt, jws);

      // Another person's badge: refused, nothing stored.
      const othersId = await world.issue(world.other.email);
      const others = await world.call('POST', ASSERTIONS, token, {
        assertion: await world.moodleAssertion(othersId),
      });
      assert.equal(others.statusCode, 400);
      assert.equal(statusOf(others.body).statusText, 'RECIPIENT_PROFILE_MISMATCH');
      assert.equal(statusOf(others.body).statusCode, 400);

      // A forged signed assertion (payload changed, signature kept).
      const [head, payload, signature] = (await world.signedAssertion(othersId)).split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
        string,
        unknown
      >;
      const recipient = (JSON.parse(JSON.stringify(assertion)) as { recipient: unknown }).recipient;
      const forged = [
        head,
        Buffer.from(JSON.stringify({ ...claims, recipient })).toString('base64url'),
        signature,
      ].join('.');
      const refused = await world.call('POST', ASSERTIONS, token, { signedAssertion: forged });
      assert.equal(refused.statusCode, 400);
      assert.equal(statusOf(refused.body).statusText, 'INVALID_BADGE');

      // A hosted assertion the issuer does not serve.
      const unknown = await world.call('POST', ASSERTIONS, token, {
        assertion: { ...assertion, id: `${world.publicUrl}/badges/no-such-award/assertion` },
      });
      assert.equal(statusOf(unknown.body).statusText, 'INVALID_BADGE');

      // An OB 3.0 credential is not a Badge Connect 2.1 assertion.
      const credential = await world.call('GET', `/badges/${awardId}/credential.json`);
      const ob3 = await world.call('POST', ASSERTIONS, token, {
        assertion: credential.json<Record<string, unknown>>(),
      });
      assert.equal(statusOf(ob3.body).statusText, 'INVALID_BADGE');
      assert.equal(ob3.statusCode, 400);
    } finally {
      await world.close();
    }
  },
);

forEachDatabase('Badge Connect: GET /assertions pages the OB 2.0 badges', async (db) => {
  const world = await buildBadgeConnectWorld(db);
  try {
    const token = await world.token(world.learner.userId, ALL);
    const empty = await world.call('GET', ASSERTIONS, token);
    assert.equal(empty.statusCode, 200);
    assert.equal(empty.headers['x-total-count'], '0');
    assert.deepEqual(empty.json(), {
      status: { error: null, statusCode: 200, statusText: 'OK' },
      assertions: [],
      signedAssertions: [],
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await world.issue(world.learner.email));
    const before = new Date().toISOString();
    await world.call('POST', ASSERTIONS, token, {
      assertion: await world.moodleAssertion(ids[0] ?? ''),
    });
    await world.call('POST', ASSERTIONS, token, {
      assertion: await world.moodleAssertion(ids[1] ?? ''),
    });
    await world.call('POST', ASSERTIONS, token, {
      signedAssertion: await world.signedAssertion(ids[2] ?? ''),
    });

    const first = await world.call('GET', `${ASSERTIONS}?limit=2`, token);
    assert.equal(first.headers['x-total-count'], '3');
    const page = first.json<{ assertions: { id: string }[]; signedAssertions: string[] }>();
    assert.deepEqual(
      page.assertions.map((a) => a.id),
      [0, 1].map((i) => `${world.publicUrl}/badges/${ids[i] ?? ''}/assertion`),
    );
    assert.deepEqual(page.signedAssertions, []);
    const base = `${world.publicUrl}${ASSERTIONS}`;
    assert.equal(
      first.headers.link,
      `<${base}?limit=2&offset=0>; rel="first", <${base}?limit=2&offset=2>; rel="last", <${base}?limit=2&offset=2>; rel="next"`,
    );
    const second = await world.call('GET', `${ASSERTIONS}?limit=2&offset=2`, token);
    assert.equal(second.json<{ signedAssertions: string[] }>().signedAssertions.length, 1);
    assert.match(String(second.headers.link), /rel="prev"/);
    assert.doesNotMatch(String(second.headers.link), /rel="next"/);

    const since = await world.call(
      'GET',
      `${ASSERTIONS}?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      token,
    );
    assert.equal(since.headers['x-total-count'], '0');
    const all = await world.call('GET', `${ASSERTIONS}?since=${encodeURIComponent(before)}`, token);
    assert.equal(all.headers['x-total-count'], '3');
    assert.match(String(all.headers.link), /since=/);

    // Another account sees its own (empty) wallet.
    const othersToken = await world.token(world.other.userId, ALL);
    assert.equal((await world.call('GET', ASSERTIONS, othersToken)).headers['x-total-count'], '0');
  } finally {
    await world.close();
  }
});

forEachDatabase('Badge Connect: the profile, and adding an e-mail identifier', async (db) => {
  const world = await buildBadgeConnectWorld(db);
  try {
    const token = await world.token(world.learner.userId, ALL);
    const read = await world.call('GET', PROFILE, token);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json(), {
      status: { error: null, statusCode: 200, statusText: 'OK' },
      profile: {
        id: `urn:uuid:${world.learner.userId}`,
        type: 'Profile',
        name: '山田 花子',
        email: world.learner.email,
      },
    });
    const added = await world.call('POST', PROFILE, token, {
      id: `urn:uuid:${world.learner.userId}`,
      type: 'Profile',
      email: ['Hanako.Private@Example.org', world.learner.email],
    });
    assert.equal(added.statusCode, 200, added.body);
    // The new address waits for confirmation: it does not show in the profile yet.
    assert.equal(added.json<{ profile: { email: string } }>().profile.email, world.learner.email);
    const further = await db.kysely
      .selectFrom('user_emails')
      .selectAll()
      .where('user_id', '=', world.learner.userId)
      .execute();
    assert.deepEqual(
      further.map((row) => [row.email, row.verified_at]),
      [['hanako.private@example.org', null]],
    );
    // Sending it again adds nothing.
    await world.call('POST', PROFILE, token, {
      id: 'x',
      type: 'Profile',
      email: 'hanako.private@example.org',
    });
    const after = await db.kysely
      .selectFrom('user_emails')
      .select('id')
      .where('user_id', '=', world.learner.userId)
      .execute();
    assert.equal(after.length, 1);

    const bad = await world.call('POST', PROFILE, token, {
      type: 'Profile',
      email: 'not an address',
    });
    assert.equal(statusOf(bad.body).statusText, 'REQUEST_VALIDATION_ERROR');
    const readOnly = await world.token(world.learner.userId, [OB21_SCOPES.profileReadonly]);
    assert.equal(
      (await world.call('POST', PROFILE, readOnly, { type: 'Profile' })).statusCode,
      403,
    );
  } finally {
    await world.close();
  }
});
