/**
 * The Open Badges 3.0 API's answers to what a client may get wrong, and the discovery document:
 * every error an `Imsx_StatusInfo` (bad query parameters, bodies that are not credentials or
 * profiles, unknown paths and methods, unsupported media types), the SDD's absolute URLs,
 * caching headers and 304.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import {
  obtainTokensForTest,
  registerTestClient,
  sampleRegistration,
} from '../oauth/oauth-test-world.js';
import { OB3_SCOPES } from '../oauth/scopes.js';
import { AKASHI_IMAGE } from './service-description.js';
import { createForeignSigner, startOb3ApiWorld, type Ob3ApiWorld } from './ob3-api-test-world.js';

type Json = Record<string, unknown>;

const tokenFor = async (world: Ob3ApiWorld): Promise<string> => {
  const client = await registerTestClient(world.app, sampleRegistration('http://127.0.0.1:9'));
  const tokens = await obtainTokensForTest(
    world.app,
    world.learner,
    client,
    Object.values(OB3_SCOPES).join(' '),
  );
  return tokens.access_token;
};

const expectImsx = async (response: Response, status: number, minor: string, label = '') => {
  assert.equal(response.status, status, label);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await response.json()) as Json;
  assert.equal(body.imsx_codeMajor, 'failure');
  assert.equal(body.imsx_severity, 'error');
  assert.equal(typeof body.imsx_description, 'string');
  assert.deepEqual(body.imsx_codeMinor, {
    imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'Akashi', imsx_codeMinorFieldValue: minor }],
  });
  return body;
};

describe('the Open Badges 3.0 API', () => {
  forEachDatabase('serves the service description with caching headers and 304', async (db) => {
    const world = await startOb3ApiWorld(db);
    try {
      const response = await world.call('/discovery', undefined);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
      const etag = response.headers.get('etag') ?? '';
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
      const sdd = (await response.json()) as Json;
      const info = sdd.info as Json;
      assert.equal(info.termsOfService, `${world.baseUrl}/`);
      assert.equal(info['x-imssf-privacyPolicyUrl'], `${world.baseUrl}/`);
      assert.equal(info['x-imssf-image'], AKASHI_IMAGE);
      assert.deepEqual(Object.keys(sdd.paths as Json).sort(), [
        '/credentials',
        '/discovery',
        '/profile',
      ]);
      const scheme = ((sdd.components as Json).securitySchemes as Json).OAuth2ACG as Json;
      assert.equal(scheme.type, 'oauth2');
      assert.equal(scheme['x-imssf-registrationUrl'], `${world.baseUrl}/oauth/register`);
      assert.equal(scheme['x-imssf-privacyPolicyUrl'], `${world.baseUrl}/`);
      assert.equal(scheme['x-imssf-termsOfServiceUrl'], `${world.baseUrl}/`);
      assert.equal(scheme['x-imssf-name'], 'Akashi');
      const flow = (scheme.flows as Json).authorizationCode as Json;
      assert.equal(flow.authorizationUrl, `${world.baseUrl}/oauth/authorize`);
      assert.equal(flow.tokenUrl, `${world.baseUrl}/oauth/token`);
      assert.equal(flow.refreshUrl, `${world.baseUrl}/oauth/token`);

      const cached = await world.call('/discovery', undefined, {
        headers: { 'if-none-match': `W/${etag}, "other"` },
      });
      assert.equal(cached.status, 304);
      assert.equal(cached.headers.get('etag'), etag);
      assert.equal(await cached.text(), '');
      // A bearer token of any kind is ignored: discovery needs none.
      assert.equal((await world.call('/discovery', 'whatever')).status, 200);
    } finally {
      await world.close();
    }
  });

  forEachDatabase('refuses bad query parameters with invalid_query_parameter', async (db) => {
    const world = await startOb3ApiWorld(db);
    try {
      const token = await tokenFor(world);
      for (const query of [
        'limit=0',
        'limit=101',
        'limit=abc',
        'offset=-1',
        'since=yesterday',
        'since=2025-13-45T00:00:00Z',
      ]) {
        const body = await expectImsx(
          await world.call(`/credentials?${query}`, token),
          400,
          'invalid_query_parameter',
          query,
        );
        assert.match(body.imsx_description as string, /limit|offset|since/, query);
      }
      // Without a token, the token is refused first.
      await expectImsx(
        await world.call('/credentials?limit=0', undefined),
        401,
        'unauthorizedrequest',
      );
    } finally {
      await world.close();
    }
  });

  forEachDatabase('refuses bodies that are not credentials or profiles', async (db) => {
    const world = await startOb3ApiWorld(db);
    try {
      const token = await tokenFor(world);
      const post = (body: string, contentType = 'application/json') =>
        world.call('/credentials', token, { method: 'POST', body, contentType });
      await expectImsx(await post('{not json'), 400, 'invalid_data');
      await expectImsx(await post('[1, 2]'), 400, 'invalid_data');
      const ob2 = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'x' };
      const refused = await expectImsx(await post(JSON.stringify(ob2)), 400, 'invalid_data');
      assert.match(refused.imsx_description as string, /OpenBadgeCredential/);
      await expectImsx(await post('not a jws', 'text/plain'), 400, 'invalid_data');
      await expectImsx(await post('<xml/>', 'application/xml'), 415, 'invalid_data');
      // A genuine credential sent twice as JSON text inside JSON is read as such.
      const signer = createForeignSigner();
      const jws = await signer.signJwt(signer.credential());
      assert.equal((await post(JSON.stringify(jws))).status, 201);

      const put = (body: string) =>
        world.call('/profile', token, { method: 'PUT', body, contentType: 'application/json' });
      await expectImsx(await put('{'), 400, 'invalid_data');
      await expectImsx(await put(JSON.stringify({ type: ['Profile'] })), 400, 'invalid_data');
      await expectImsx(
        await put(JSON.stringify({ id: 'no iri', type: 'Profile' })),
        400,
        'invalid_data',
      );
      const notProfile = await expectImsx(
        await put(JSON.stringify({ id: 'urn:x:1', type: ['Person'] })),
        400,
        'invalid_data',
      );
      assert.match(notProfile.imsx_description as string, /Profile/);
      const ok = await put(JSON.stringify({ id: 'did:example:1234', type: 'Profile' }));
      assert.equal(ok.status, 200);
      assert.deepEqual(await ok.json(), { id: 'did:example:1234', type: 'Profile' });
    } finally {
      await world.close();
    }
  });

  forEachDatabase('answers unknown paths and methods as Imsx_StatusInfo', async (db) => {
    const world = await startOb3ApiWorld(db);
    try {
      const token = await tokenFor(world);
      await expectImsx(await world.call('/nothing', token), 404, 'not_found');
      const deleted = await world.call('/credentials', token, { method: 'DELETE' });
      assert.equal(deleted.headers.get('allow'), 'GET, HEAD, POST');
      await expectImsx(deleted, 405, 'not_allowed');
      const posted = await world.call('/profile', token, { method: 'POST', body: '{}' });
      assert.equal(posted.headers.get('allow'), 'GET, HEAD, PUT');
      await expectImsx(posted, 405, 'not_allowed');
      await expectImsx(
        await world.call('/discovery', undefined, { method: 'PUT', body: '{}' }),
        405,
        'not_allowed',
      );
      const japanese = await world.call('/nothing', token, {
        headers: { 'accept-language': 'ja' },
      });
      const body = await expectImsx(japanese, 404, 'not_found');
      assert.match(body.imsx_description as string, /エンドポイント/);
    } finally {
      await world.close();
    }
  });
});
