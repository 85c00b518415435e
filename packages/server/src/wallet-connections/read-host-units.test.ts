import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OB3_SCOPES } from '../oauth/scopes.js';
import { nextLinkOf, retryAfterSecondsOf } from './import-from-host.js';
import { normaliseBaseUrl, parseServiceDescription } from './read-service-description.js';

describe('reading hosts (units)', () => {
  it('normalises base URLs, reads service descriptions and Link headers', () => {
    const allow = ['127.0.0.1:8080'];
    assert.equal(normaliseBaseUrl('badges.example.org/', []), 'https://badges.example.org');
    assert.equal(
      normaliseBaseUrl('https://example.org/host/ims/ob/v3p0/discovery?x=1#y', []),
      'https://example.org/host',
    );
    assert.equal(
      normaliseBaseUrl('http://127.0.0.1:8080/ims/ob/v3p0', allow),
      'http://127.0.0.1:8080',
    );
    assert.throws(() => normaliseBaseUrl('http://127.0.0.1:8081', allow));
    assert.throws(() => normaliseBaseUrl('https://user:pw@example.org', []));

    const sdd = (flow: Record<string, unknown>) => ({
      openapi: '3.0.1',
      info: { title: 'Host' },
      components: {
        securitySchemes: {
          OAuth2ACG: {
            type: 'oauth2',
            'x-imssf-registrationUrl': 'https://host.example/register',
            flows: { authorizationCode: flow },
          },
        },
      },
    });
    const good = {
      authorizationUrl: 'https://host.example/authorize',
      tokenUrl: 'https://host.example/token',
      scopes: { [OB3_SCOPES.credentialReadonly]: 'read' },
    };
    assert.equal(parseServiceDescription(sdd(good), []).tokenUrl, 'https://host.example/token');
    for (const bad of [
      { ...good, tokenUrl: 'http://host.example/token' },
      { ...good, authorizationUrl: '/authorize' },
      { ...good, scopes: {} },
      { scopes: good.scopes },
    ]) {
      assert.throws(
        () => parseServiceDescription(sdd(bad), []),
        /DISCOVERY_INVALID|service description/,
      );
    }

    const base = 'https://host.example/ims/ob/v3p0/credentials?offset=0';
    assert.equal(
      nextLinkOf(
        '<https://host.example/a>; rel="first", </ims/ob/v3p0/credentials?offset=2>; rel="next"',
        base,
      ),
      'https://host.example/ims/ob/v3p0/credentials?offset=2',
    );
    assert.equal(
      nextLinkOf('<?offset=4>; rel="prev next"', base),
      'https://host.example/ims/ob/v3p0/credentials?offset=4',
    );
    assert.equal(nextLinkOf('<https://host.example/a>; rel=last', base), undefined);
    assert.equal(nextLinkOf(undefined, base), undefined);
    const now = new Date('2026-01-01T00:00:00Z');
    assert.equal(retryAfterSecondsOf('30', now), 30);
    assert.equal(retryAfterSecondsOf('Thu, 01 Jan 2026 00:01:00 GMT', now), 60);
    assert.equal(retryAfterSecondsOf('soon', now), undefined);
  });
});
