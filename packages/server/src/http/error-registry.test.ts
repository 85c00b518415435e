import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOpenApiDocument } from '../openapi/build-openapi-document.js';
import { ErrorEnvelope } from './error-envelope.js';
import { ERROR_REGISTRY, fillTemplate, SERVER_ERROR_CODES } from './error-registry.js';
import { ServerError } from './server-error.js';

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]!).sort();

describe('the error registry', () => {
  it('names every code ERR_<AREA>_<CONDITION>, with a 4xx or 5xx status', () => {
    assert.ok(SERVER_ERROR_CODES.length >= 10);
    for (const code of SERVER_ERROR_CODES) {
      assert.match(code, /^ERR_[A-Z0-9]+_[A-Z0-9_]+$/);
      const { status } = ERROR_REGISTRY[code];
      assert.ok(Number.isInteger(status) && status >= 400 && status <= 599, code);
    }
  });

  it('has a message in both languages for every code, with the same placeholders', () => {
    for (const code of SERVER_ERROR_CODES) {
      const { en, ja } = ERROR_REGISTRY[code].message;
      assert.ok(en.trim().length > 0 && ja.trim().length > 0, code);
      assert.deepEqual(placeholders(ja), placeholders(en), code);
      assert.doesNotMatch(ja, /^[\x20-\x7e]*$/, `${code}: the Japanese message is not Japanese`);
    }
  });

  it('is documented: the OpenAPI document lists every code, and the envelope schema allows it', () => {
    const document = buildOpenApiDocument({ routes: [], version: '0.0.0', publicUrl: 'http://x' });
    const listed = (document['x-error-codes'] as { code: string; status: number }[]).map(
      (entry) => entry.code,
    );
    assert.deepEqual(listed, [...SERVER_ERROR_CODES]);
    const codeSchema = ErrorEnvelope.properties.error.properties.code;
    assert.deepEqual(
      codeSchema.anyOf.map((literal) => literal.const),
      [...SERVER_ERROR_CODES],
    );
  });
});

describe('ServerError', () => {
  it('takes its status and messages from the registry, placeholders filled', () => {
    const error = new ServerError('ERR_HTTP_BODY_TOO_LARGE', { params: { limit: 2048 } });
    assert.equal(error.status, 413);
    assert.equal(error.code, 'ERR_HTTP_BODY_TOO_LARGE');
    assert.equal(error.message, 'The request body is larger than the limit of 2048 bytes.');
    assert.equal(error.localized.ja, 'リクエストの本文が上限の 2048 バイトを超えています。');
    assert.ok(error instanceof Error);
  });

  it('carries fields and a cause without putting the cause in the message', () => {
    const cause = new Error('connection string postgres://u:secret@h/db');
    const error = new ServerError('ERR_HTTP_VALIDATION', {
      fields: [{ in: 'body', path: '/name', message: { en: 'is required', ja: '必須です' } }],
      cause,
    });
    assert.equal(error.cause, cause);
    assert.equal(error.fields?.length, 1);
    assert.doesNotMatch(error.message, /secret/);
  });

  it('leaves an unknown placeholder as written', () => {
    assert.equal(fillTemplate('{a} and {b}', { a: 1 }), '1 and {b}');
  });
});
