/**
 * A Moodle site connecting to Akashi as its Open Badges 2.1 backpack, replaying exactly what
 * Moodle sends (PROTOCOLS.md §2.2; the request shapes are the JSON fixtures in
 * `moodle-fixtures/`): GET the manifest → dynamic registration with Moodle's body (numeric
 * `software_version`, `client_secret_basic`, both grants, every offered scope with
 * offline_access, http redirect URI since `PUBLIC_URL` is http here) → authorization through the
 * consent API as the signed-in learner, with a 58-character verifier → token with HTTP Basic
 * (exactly 200, `scope` present: Moodle reads it unconditionally) → push of an OB 2.0 assertion
 * → refresh with client_id / client_secret in the form body (not Basic) → GET assertions →
 * another person's badge (RECIPIENT_PROFILE_MISMATCH) → a forged one (INVALID_BADGE).
 *
 * The "Moodle-hosted" assertion is this platform's own: an award made to the learner's confirmed
 * address, whose hosted OB 2.0 assertion (`/badges/{id}/assertion`, salted-hash recipient) is
 * pushed with its BadgeClass embedded as Moodle embeds it; the backpack fetches it again from its
 * id (in process, as any of our own documents).
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildBadgeConnectWorld, type BadgeConnectWorld } from './badge-connect-test-world.js';

type Json = Record<string, unknown>;

const PUBLIC_URL = 'http://localhost:8080';

const fixture = async <T>(name: string): Promise<T> =>
  JSON.parse(await readFile(new URL(`./moodle-fixtures/${name}`, import.meta.url), 'utf8')) as T;

interface ManifestEntry {
  readonly apiBase: string;
  readonly registrationUrl: string;
  readonly scopesOffered: string[];
}

interface OAuthFixtures {
  authorize: Record<string, string>;
  token: { form: Record<string, string> };
  refresh: { form: Record<string, string> };
}

/** The fixture's values with `<name>` placeholders filled from `values`. */
const fill = (template: Record<string, string>, values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(template).map(([key, value]) => {
      const placeholder = /^<(\w+)>$/.exec(value);
      const filled = placeholder === null ? value : values[placeholder[1] ?? ''];
      if (filled === undefined) throw new Error(`no value for ${value}`);
      return [key, filled];
    }),
  );

const form = (world: BadgeConnectWorld, fields: Record<string, string>, basic?: string) =>
  world.test.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic === undefined ? {} : { authorization: `Basic ${basic}` }),
    },
    payload: new URLSearchParams(fields).toString(),
  });

forEachDatabase(
  'Badge Connect: a Moodle site connects, pushes a badge and refreshes',
  async (db) => {
    const world = await buildBadgeConnectWorld(db, PUBLIC_URL);
    try {
      const { app } = world.test;
      // 1. The manifest, at the backpack URL the administrator typed.
      const manifestResponse = await app.inject({
        method: 'GET',
        url: '/.well-known/badgeconnect.json',
      });
      assert.equal(manifestResponse.statusCode, 200);
      const manifest = manifestResponse.json<{ badgeConnectAPI: ManifestEntry[] }>();
      // Moodle's core takes the last entry, its newer plugin the first: there must be one.
      assert.equal(manifest.badgeConnectAPI.length, 1);
      const [api] = manifest.badgeConnectAPI as [ManifestEntry];
      const path = (url: string) => url.slice(PUBLIC_URL.length);

      // 2. Dynamic registration with Moodle's body.
      const registration = await fixture<{ body: Json }>('registration.json');
      assert.equal(registration.body.scope, api.scopesOffered.join(' '));
      const registered = await app.inject({
        method: 'POST',
        url: path(api.registrationUrl),
        payload: registration.body,
      });
      assert.equal(registered.statusCode, 201, registered.body);
      const client = registered.json<{ client_id: string; client_secret: string }>();
      assert.ok(client.client_id !== '' && client.client_secret !== '');

      // 3. Authorization: the learner signs in and approves on the consent page.
      const oauth = await fixture<OAuthFixtures>('oauth-requests.json');
      const verifier = randomBytes(43).toString('base64url');
      assert.equal(verifier.length, 58);
      const values: Record<string, string> = {
        client_id: client.client_id,
        client_secret: client.client_secret,
        state: randomBytes(5).toString('hex'),
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_verifier: verifier,
      };
      const authorize = fill(oauth.authorize, values);
      const check = await app.inject({
        method: 'POST',
        url: '/api/v1/oauth/authorization-requests',
        headers: world.learner.headers,
        payload: authorize,
      });
      assert.equal(check.statusCode, 200, check.body);
      const consent = check.json<{ kind: string; client: { name: string } }>();
      assert.equal(consent.kind, 'consent');
      assert.equal(consent.client.name, 'Moodle 学習サイト');
      const decision = await app.inject({
        method: 'POST',
        url: '/api/v1/oauth/authorization-requests/decision',
        headers: world.learner.headers,
        payload: { ...authorize, approve: true },
      });
      assert.equal(decision.statusCode, 200, decision.body);
      const callback = new URL(decision.json<{ redirectTo: string }>().redirectTo);
      assert.equal(`${callback.origin}${callback.pathname}`, authorize.redirect_uri);
      assert.equal(callback.searchParams.get('state'), values.state);
      values.code = callback.searchParams.get('code') ?? '';

      // 4. Token with HTTP Basic: exactly 200, `scope` present (Moodle reads it unconditionally).
      const basic = Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64');
      const tokenResponse = await form(world, fill(oauth.token.form, values), basic);
      assert.equal(tokenResponse.statusCode, 200, tokenResponse.body);
      const tokens = tokenResponse.json<{
        access_token: string;
        refresh_token: string;
        scope: string;
      }>();
      assert.equal(typeof tokens.scope, 'string');
      assert.deepEqual(tokens.scope.split(' ').sort(), [...api.scopesOffered].sort());
      assert.ok(tokens.access_token !== '' && tokens.refresh_token !== '');

      // 5. "Add to backpack": the learner's badge, pushed as Moodle pushes it.
      const push = await fixture<{ headers: Record<string, string>; path: string; success: Json }>(
        'push.json',
      );
      const awardId = await world.issue(world.learner.email);
      const assertion = await world.moodleAssertion(awardId);
      const pushUrl = `${path(api.apiBase)}${push.path}`;
      const send = (accessToken: string, body: Json) =>
        app.inject({
          method: 'POST',
          url: pushUrl,
          headers: { ...push.headers, authorization: `Bearer ${accessToken}` },
          payload: body,
        });
      const pushed = await send(tokens.access_token, { assertion });
      assert.equal(pushed.statusCode, 200, pushed.body);
      assert.deepEqual(pushed.json(), push.success);
      const wallet = await app.inject({
        method: 'GET',
        url: '/api/v1/wallet/credentials',
        headers: world.learner.headers,
      });
      const items = wallet.json<{
        items: { origin: string; format: string; obVersion: number }[];
      }>().items;
      assert.ok(
        items.some(
          (item) => item.origin === 'import' && item.format === 'ob2-json' && item.obVersion === 2,
        ),
      );

      // 6. Refresh with the client's credentials in the form body, not Basic.
      values.refresh_token = tokens.refresh_token;
      const refreshed = await form(world, fill(oauth.refresh.form, values));
      assert.equal(refreshed.statusCode, 200, refreshed.body);
      const renewed = refreshed.json<{ access_token: string; scope: string }>();
      assert.equal(typeof renewed.scope, 'string');

      // 7. The backpack lists the badge.
      const listed = await app.inject({
        method: 'GET',
        url: `${path(api.apiBase)}/assertions`,
        headers: { authorization: `Bearer ${renewed.access_token}` },
      });
      assert.equal(listed.statusCode, 200, listed.body);
      assert.equal(listed.headers['x-total-count'], '1');
      const ids = listed.json<{ assertions: { id: string }[] }>().assertions.map((item) => item.id);
      assert.deepEqual(ids, [assertion.id]);

      // 8. Another person's badge: refused, nothing stored.
      const others = await send(renewed.access_token, {
        assertion: await world.moodleAssertion(await world.issue(world.other.email)),
      });
      assert.equal(others.statusCode, 400);
      const mismatch = others.json<{
        status: { statusCode: number; statusText: string; error: string };
      }>();
      assert.equal(mismatch.status.statusText, 'RECIPIENT_PROFILE_MISMATCH');
      assert.equal(mismatch.status.statusCode, 400);
      assert.equal(typeof mismatch.status.error, 'string');

      // 9. A forged badge: an assertion the issuer does not host.
      const forged = await send(renewed.access_token, {
        assertion: {
          ...assertion,
          id: `${PUBLIC_URL}/badges/00000000-0000-4000-8000-000000000000/assertion`,
        },
      });
      assert.equal(forged.statusCode, 400);
      assert.equal(
        forged.json<{ status: { statusText: string } }>().status.statusText,
        'INVALID_BADGE',
      );
    } finally {
      await world.close();
    }
  },
);
