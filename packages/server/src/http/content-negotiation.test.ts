import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickJsonMediaType, prefersHtml } from './content-negotiation.js';

describe('prefersHtml', () => {
  it('is true for what browsers send', () => {
    assert.equal(
      prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8'),
      true,
    );
    assert.equal(prefersHtml('text/html'), true);
  });
  it('is false without an Accept header, for */* and for the JSON types', () => {
    assert.equal(prefersHtml(undefined), false);
    assert.equal(prefersHtml(''), false);
    assert.equal(prefersHtml('*/*'), false);
    assert.equal(prefersHtml('application/json'), false);
    assert.equal(prefersHtml('application/ld+json'), false);
    assert.equal(prefersHtml('application/vc+ld+json, */*;q=0.1'), false);
  });
  it('weighs q-values and order', () => {
    assert.equal(prefersHtml('application/json, text/html'), false);
    assert.equal(prefersHtml('text/html, application/json'), true);
    assert.equal(prefersHtml('application/json;q=0.5, text/html'), true);
    assert.equal(prefersHtml('text/html;q=0.4, application/ld+json'), false);
    assert.equal(prefersHtml('text/html;q=0'), false);
  });
});

describe('pickJsonMediaType', () => {
  it('answers in the type the client named, else the fallback', () => {
    assert.equal(pickJsonMediaType('application/json'), 'application/json');
    assert.equal(pickJsonMediaType('application/vc+ld+json'), 'application/vc+ld+json');
    assert.equal(
      pickJsonMediaType('application/json;q=0.5, application/ld+json'),
      'application/ld+json',
    );
    assert.equal(pickJsonMediaType(undefined), 'application/ld+json');
    assert.equal(pickJsonMediaType('*/*', 'application/json'), 'application/json');
  });
});
