/**
 * The Open Badges 3.0 API's pieces on their own: paging links, `since`, the equality rule's
 * normalisation, which array a stored credential goes in, the Imsx code minor values, the body
 * reader, the profile's stable UUID and the ETag comparison.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fastify } from 'fastify';
import { RateLimitedError } from '../auth/rate-limited-error.js';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { ServerError } from '../http/server-error.js';
import { profileUuidOf, readProfileBody } from './api-profile.js';
import { buildPagingLink, isCompactJws, readSince } from './get-credentials.js';
import {
  buildImsxFailure,
  codeMinorOf,
  sendImsxError,
  type ImsxStatusInfo,
} from './imsx-status.js';
import { buildServiceDescription, matchesEtag } from './service-description.js';
import { normaliseId } from '../wallet/read-wallet-card.js';
import { readUpsertBody } from './upsert-credential.js';

const BASE = 'https://badges.example.ac.jp';
const URL_OF = (query: string) => `${BASE}/ims/ob/v3p0/credentials?${query}`;

const rels = (link: string): Record<string, string> =>
  Object.fromEntries(
    link.split(', ').map((part) => {
      const match = /^<([^>]+)>; rel="(\w+)"$/.exec(part)!;
      return [match[2]!, match[1]!];
    }),
  );

describe('paging links', () => {
  it('has first and last only when the page holds everything', () => {
    assert.deepEqual(
      rels(buildPagingLink(BASE, { limit: 50, offset: 0, sinceText: undefined }, 3)),
      {
        last: URL_OF('limit=50&offset=0'),
        first: URL_OF('limit=50&offset=0'),
      },
    );
  });

  it('points last at offset 0 when there is nothing', () => {
    const links = rels(buildPagingLink(BASE, { limit: 10, offset: 0, sinceText: undefined }, 0));
    assert.equal(links.last, URL_OF('limit=10&offset=0'));
    assert.equal(links.next, undefined);
  });

  it('computes last as floor((total - 1) / limit) * limit, with next and prev', () => {
    const links = rels(buildPagingLink(BASE, { limit: 10, offset: 10, sinceText: undefined }, 30));
    assert.deepEqual(links, {
      next: URL_OF('limit=10&offset=20'),
      last: URL_OF('limit=10&offset=20'),
      first: URL_OF('limit=10&offset=0'),
      prev: URL_OF('limit=10&offset=0'),
    });
    assert.equal(
      rels(buildPagingLink(BASE, { limit: 10, offset: 0, sinceText: undefined }, 31)).last,
      URL_OF('limit=10&offset=30'),
    );
  });

  it('keeps since, and a prev past the end points at the last page', () => {
    const links = rels(
      buildPagingLink(BASE, { limit: 5, offset: 50, sinceText: '2025-01-01T00:00:00Z' }, 7),
    );
    assert.equal(links.prev, URL_OF('limit=5&offset=5&since=2025-01-01T00%3A00%3A00Z'));
    assert.equal(links.next, undefined);
  });
});

describe('since', () => {
  it('reads a date-time without a zone as UTC and keeps an offset', () => {
    assert.equal(readSince('2025-01-15T09:00:00'), '2025-01-15T09:00:00.000Z');
    assert.equal(readSince('2025-01-15T09:00:00+09:00'), '2025-01-15T00:00:00.000Z');
    assert.equal(readSince(undefined), undefined);
  });

  it('refuses a date that does not exist', () => {
    assert.throws(
      () => readSince('2025-13-45T00:00:00'),
      (error: unknown) => error instanceof ServerError && error.code === 'ERR_OB3_QUERY_INVALID',
    );
  });
});

describe('the equality rule', () => {
  it('percent-decodes and trims ids', () => {
    assert.equal(normaliseId(' https://example.net/c/%E8%A8%BC '), 'https://example.net/c/証');
    assert.equal(normaliseId('urn:uuid%3A1234'), 'urn:uuid:1234');
    assert.equal(normaliseId('https://example.net/100%'), 'https://example.net/100%');
  });
});

describe('the upsert body', () => {
  const credential = {
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: 'did:example:issuer',
  };

  it('reads JSON, a JWS in text, and a JWS as a JSON string', () => {
    assert.equal(
      readUpsertBody({ mediaType: 'json', text: JSON.stringify(credential) }).source.kind,
      'object',
    );
    const payload = Buffer.from(JSON.stringify({ vc: credential })).toString('base64url');
    const jws = `eyJhbGciOiJFZERTQSJ9.${payload}.c2ln`;
    const read = readUpsertBody({ mediaType: 'jws', text: `${jws}\n` });
    assert.deepEqual(read.credential, credential);
    assert.deepEqual(read.source, { kind: 'text', input: jws });
    assert.equal(
      readUpsertBody({ mediaType: 'json', text: JSON.stringify(jws) }).source.kind,
      'text',
    );
  });

  it('refuses what is not an OB 3.0 credential', () => {
    for (const text of ['{"type":"VerifiableCredential"}', '"abc"', 'null', '{']) {
      assert.throws(
        () => readUpsertBody({ mediaType: 'json', text }),
        (error: unknown) =>
          error instanceof ServerError && error.code === 'ERR_OB3_CREDENTIAL_INVALID',
        text,
      );
    }
  });
});

describe('which array a credential goes in', () => {
  it('answers a VC-JWT as its compact JWS and a signed JSON credential as JSON', () => {
    const jwt = 'a.b.c';
    assert.equal(
      isCompactJws({ format: 'ob3-jwt', credential: '{}', credential_jwt: jwt }, {}),
      true,
    );
    assert.equal(
      isCompactJws({ format: 'award', credential: '{}', credential_jwt: jwt }, { proof: {} }),
      false,
    );
    assert.equal(
      isCompactJws({ format: 'award', credential: '{}', credential_jwt: jwt }, {}),
      true,
    );
    assert.equal(
      isCompactJws({ format: 'ob3-json', credential: '{}', credential_jwt: null }, {}),
      false,
    );
  });
});

describe('Imsx_StatusInfo', () => {
  it('maps statuses and codes to code minor values', () => {
    assert.equal(codeMinorOf(new ServerError('ERR_HTTP_NOT_FOUND')), 'not_found');
    assert.equal(codeMinorOf(new ServerError('ERR_SERVER_INTERNAL')), 'internal_server_error');
    assert.equal(codeMinorOf(new ServerError('ERR_DB_UNAVAILABLE')), 'server_busy');
    assert.equal(codeMinorOf(new ServerError('ERR_HTTP_MALFORMED_BODY')), 'invalid_data');
    assert.equal(
      codeMinorOf(
        new ServerError('ERR_HTTP_VALIDATION', {
          fields: [{ in: 'querystring', path: '/limit', message: { en: 'x', ja: 'x' } }],
        }),
      ),
      'invalid_query_parameter',
    );
    assert.deepEqual(buildImsxFailure('forbidden', 'no'), {
      imsx_codeMajor: 'failure',
      imsx_severity: 'error',
      imsx_description: 'no',
      imsx_codeMinor: {
        imsx_codeMinorField: [
          { imsx_codeMinorFieldName: 'Akashi', imsx_codeMinorFieldValue: 'forbidden' },
        ],
      },
    });
  });
});

describe('the profile', () => {
  it('derives a stable version-8 UUID per account', () => {
    const uuid = profileUuidOf('0b9f2c1e-0000-4000-8000-000000000001');
    assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(profileUuidOf('0b9f2c1e-0000-4000-8000-000000000001'), uuid);
    assert.notEqual(profileUuidOf('another'), uuid);
  });

  it('keeps every property of a Profile as sent', () => {
    const profile = { id: 'https://1edtech.org/issuers/cert', type: ['Profile'], extra: { a: 1 } };
    assert.deepEqual(readProfileBody(JSON.stringify(profile)), profile);
  });
});

describe('the service description', () => {
  it('has only absolute URLs for the OAuth flow and the policies', () => {
    const sdd = buildServiceDescription({
      publicUrl: BASE,
      termsUrl: 'https://www.example.ac.jp/terms',
      privacyUrl: 'https://www.example.ac.jp/privacy',
    });
    const text = JSON.stringify(sdd);
    for (const match of text.matchAll(
      /"(?:[A-Za-z]*Url|termsOfService|x-imssf-[A-Za-z]*Url)":"([^"]*)"/g,
    )) {
      assert.match(match[1]!, /^https:\/\//, match[0]);
    }
    assert.match(text, /"\$request\.query\.limit"/);
    assert.doesNotMatch(text, /\$request\.path/);
  });

  it('compares entity tags weakly, lists and * included', () => {
    assert.equal(matchesEtag('"abc"', '"abc"'), true);
    assert.equal(matchesEtag('W/"abc"', '"abc"'), true);
    assert.equal(matchesEtag('"x", "abc"', '"abc"'), true);
    assert.equal(matchesEtag('*', '"abc"'), true);
    assert.equal(matchesEtag('"x"', '"abc"'), false);
    assert.equal(matchesEtag(undefined, '"abc"'), false);
  });
});

describe('the error answer', () => {
  it('adds Retry-After on 503 and 429 and the challenge on 401', async () => {
    const app = fastify({ logger: false });
    app.setErrorHandler((error, request, reply) => sendImsxError(error, request, reply));
    app.get('/busy', () => {
      throw new ServerError('ERR_DB_UNAVAILABLE');
    });
    app.get('/limited', () => {
      throw new RateLimitedError(12);
    });
    app.get('/token', () => {
      throw new ServerError('ERR_OB3_TOKEN_INVALID');
    });
    const busy = await app.inject({ url: '/busy' });
    assert.equal(busy.statusCode, 503);
    assert.equal(busy.headers['retry-after'], '30');
    assert.equal(
      busy.json<ImsxStatusInfo>().imsx_codeMinor?.imsx_codeMinorField[0]?.imsx_codeMinorFieldValue,
      'server_busy',
    );
    const limited = await app.inject({ url: '/limited' });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['retry-after'], '12');
    const token = await app.inject({ url: '/token', headers: { 'accept-language': 'ja' } });
    assert.equal(token.statusCode, 401);
    assert.equal(token.headers['www-authenticate'], 'Bearer error="invalid_token"');
    assert.match(token.json<{ imsx_description: string }>().imsx_description, /アクセストークン/);
    await app.close();
  });
});

describe('the policy URLs (AKASHI_TERMS_URL, AKASHI_PRIVACY_URL)', () => {
  it('are read as absolute http(s) URLs, and refused otherwise', () => {
    const config = loadConfig({
      AKASHI_TERMS_URL: 'https://www.example.ac.jp/terms',
      AKASHI_PRIVACY_URL: 'https://www.example.ac.jp/privacy',
    });
    assert.equal(config.termsUrl, 'https://www.example.ac.jp/terms');
    assert.equal(config.privacyUrl, 'https://www.example.ac.jp/privacy');
    assert.equal(loadConfig({}).termsUrl, undefined);
    assert.throws(() => loadConfig({ AKASHI_TERMS_URL: '/terms' }), ConfigError);
    assert.throws(() => loadConfig({ AKASHI_PRIVACY_URL: 'ftp://x/privacy' }), ConfigError);
  });
});
