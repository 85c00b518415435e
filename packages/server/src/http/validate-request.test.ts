import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from './app-context.js';
import { buildTestApp } from './build-test-app.js';
import type { ErrorEnvelope } from './error-envelope.js';
import { MAX_REPORTED_FIELDS } from './validate-request.js';

const Params = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Query = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  active: Type.Optional(Type.Boolean()),
});
const Headers = Type.Object({ 'x-tenant': Type.String({ minLength: 2 }) });
const Body = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 10 }),
    email: Type.String({ format: 'email' }),
    role: Type.Union([Type.Literal('issuer'), Type.Literal('viewer')]),
    age: Type.Optional(Type.Integer()),
    tags: Type.Optional(Type.Array(Type.String(), { maxItems: 500 })),
    address: Type.Optional(Type.Object({ city: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

const routes: RoutePlugin = (app) => {
  app.post(
    '/things/:id',
    { schema: { params: Params, querystring: Query, headers: Headers, body: Body } },
    (request) => ({ id: request.params.id, query: request.query, body: request.body }),
  );
};

const VALID_BODY = { name: 'Hanako', email: 'hanako@example.ac.jp', role: 'issuer' };

type Fields = NonNullable<ErrorEnvelope['error']['fields']>;

describe('request validation', () => {
  const test = buildTestApp({ routes: [{ prefix: '', routes }] });
  after(test.close);
  const post = (
    url: string,
    body: unknown,
    headers: Record<string, string> = { 'x-tenant': 'u-tokyo' },
  ) => test.app.inject({ method: 'POST', url, payload: body as object, headers });

  it('accepts a valid request, converting URL values and filling defaults', async () => {
    const response = await post('/things/7?active=true', VALID_BODY);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      id: 7,
      query: { limit: 20, active: true },
      body: VALID_BODY,
    });
  });

  it('lists every bad field of every part of the request in one answer', async () => {
    const response = await post(
      '/things/zero?limit=1000',
      { email: 'not-an-address', role: 'admin', extra: 1, age: '20', address: { town: 'x' } },
      { 'x-tenant': 'u' },
    );
    assert.equal(response.statusCode, 400);
    const { error } = response.json<ErrorEnvelope>();
    assert.equal(error.code, 'ERR_HTTP_VALIDATION');
    assert.deepEqual(
      new Set(error.fields),
      new Set<Fields[number]>([
        { in: 'params', path: '/id', message: 'must be an integer' },
        { in: 'querystring', path: '/limit', message: 'must be 100 or less' },
        { in: 'headers', path: '/x-tenant', message: 'must be at least 2 characters long' },
        { in: 'body', path: '/name', message: 'is required' },
        { in: 'body', path: '/extra', message: 'is not allowed here' },
        { in: 'body', path: '/email', message: 'must be a valid email' },
        { in: 'body', path: '/role', message: 'must be one of "issuer", "viewer"' },
        { in: 'body', path: '/age', message: 'must be an integer' },
        { in: 'body', path: '/address/city', message: 'is required' },
        { in: 'body', path: '/address/town', message: 'is not allowed here' },
      ]),
    );
  });

  it('does not coerce JSON body values: "20" is not an integer', async () => {
    const response = await post('/things/1', { ...VALID_BODY, age: '20' });
    assert.deepEqual(response.json<ErrorEnvelope>().error.fields, [
      { in: 'body', path: '/age', message: 'must be an integer' },
    ]);
  });

  it('reports a missing or non-object body as the body itself', async () => {
    const requests = [
      ...['[1,2]', '"text"', 'null'].map((payload) => ({
        payload,
        headers: { 'content-type': 'application/json', 'x-tenant': 'u-tokyo' },
      })),
      { headers: { 'x-tenant': 'u-tokyo' } },
    ];
    for (const request of requests) {
      const response = await test.app.inject({ method: 'POST', url: '/things/1', ...request });
      assert.deepEqual(response.json<ErrorEnvelope>().error.fields, [
        { in: 'body', path: '', message: 'must be an object' },
      ]);
    }
  });

  it('gives the field messages in Japanese too', async () => {
    const response = await post(
      '/things/1',
      { ...VALID_BODY, name: '' },
      { 'x-tenant': 'u-tokyo', 'accept-language': 'ja' },
    );
    const { error } = response.json<ErrorEnvelope>();
    assert.equal(
      error.message,
      'リクエストの内容が正しくありません。一覧の項目を修正してください。',
    );
    assert.deepEqual(error.fields, [
      { in: 'body', path: '/name', message: '1 文字以上で指定してください' },
    ]);
  });

  it(`reports at most ${MAX_REPORTED_FIELDS} fields, however many are bad`, async () => {
    const response = await post('/things/1', { ...VALID_BODY, tags: new Array(400).fill(0) });
    const { fields } = response.json<ErrorEnvelope>().error;
    assert.equal(fields?.length, MAX_REPORTED_FIELDS);
    assert.deepEqual(fields[0], { in: 'body', path: '/tags/0', message: 'must be a string' });
  });
});

describe('request validation at start-up', () => {
  it('refuses a route whose schema is not TypeBox', async () => {
    const plain: RoutePlugin = (app) => {
      app.post('/plain', { schema: { body: { type: 'object' } } }, () => ({}));
    };
    const test = buildTestApp({ routes: [{ prefix: '', routes: plain }] });
    await assert.rejects(
      async () => test.app.ready(),
      /POST \/plain: schema\.body must be a TypeBox schema/,
    );
    await test.db.close();
  });
});
