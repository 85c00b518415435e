import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../http/app-context.js';
import { buildTestApp } from '../http/build-test-app.js';
import { ROUTE_MODULES } from '../http/route-modules.js';
import { toOpenApiPath } from './build-openapi-document.js';

const Badge = Type.Object(
  { id: Type.String({ format: 'uuid' }), name: Type.String() },
  { title: 'Badge', additionalProperties: false },
);

const sampleRoutes: RoutePlugin = (app) => {
  app.put(
    '/badges/:badgeId',
    {
      schema: {
        summary: 'Replace a badge',
        tags: ['badges'],
        operationId: 'replaceBadge',
        params: Type.Object({ badgeId: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
        body: Type.Object({ name: Type.String() }),
        response: { 200: Badge },
      },
    },
    (request) => ({ id: request.params.badgeId, name: request.body.name }),
  );
  app.get('/secret', { schema: { hide: true } }, () => ({}));
};

interface Content {
  readonly content?: Readonly<
    Record<string, { readonly schema: { $ref?: string; title?: string } }>
  >;
}
interface Operation {
  readonly operationId?: string;
  readonly tags?: string[];
  readonly parameters?: unknown[];
  readonly requestBody?: {
    readonly content: Readonly<Record<string, { readonly schema: unknown }>>;
  };
  readonly responses: Readonly<Record<string, Content>>;
}
interface Document {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly servers: unknown;
  readonly tags: unknown;
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly 'x-error-codes': readonly { readonly code: string }[];
}

const jsonSchemaOf = (content: Content | undefined) =>
  content?.content?.['application/json']?.schema;

/** Every `$ref` in the document points to something in it. */
const collectRefs = (value: unknown, into: string[] = []): string[] => {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.push(child);
      else collectRefs(child, into);
    }
  }
  return into;
};

describe('the OpenAPI document and docs page', () => {
  const test = buildTestApp({
    routes: [...ROUTE_MODULES, { prefix: '/api', routes: sampleRoutes }],
  });
  after(test.close);

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json<Document>();
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'Akashi API');
    assert.match(doc.info.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(doc.servers, [{ url: 'https://badges.example.ac.jp' }]);
    // Every domain's routes are in the document (they change as domains are added).
    const paths = Object.keys(doc.paths);
    for (const path of ['/api/badges/{badgeId}', '/healthz', '/readyz']) {
      assert.ok(paths.includes(path), path);
    }
    assert.ok(!paths.some((path) => path.includes('openapi.json') || path.includes('/api/docs')));
    assert.deepEqual(Object.keys(doc.paths['/healthz']!), ['get']);
    assert.equal(
      jsonSchemaOf(doc.paths['/readyz']?.get?.responses['503'])?.$ref,
      '#/components/schemas/ErrorEnvelope',
    );

    const put = doc.paths['/api/badges/{badgeId}']?.put;
    assert.ok(put);
    assert.equal(put.operationId, 'replaceBadge');
    assert.deepEqual(put.tags, ['badges']);
    assert.deepEqual(put.parameters, [
      { name: 'badgeId', in: 'path', required: true, schema: { format: 'uuid', type: 'string' } },
      { name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean' } },
    ]);
    assert.deepEqual(put.requestBody?.content['application/json']?.schema, {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' } },
    });
    assert.equal(jsonSchemaOf(put.responses['200'])?.title, 'Badge');
    assert.equal(jsonSchemaOf(put.responses.default)?.$ref, '#/components/schemas/ErrorEnvelope');
    const tags = (doc.tags as { name: string }[]).map((tag) => tag.name);
    assert.ok(tags.includes('badges') && tags.includes('health'));
    assert.deepEqual(tags, [...tags].sort(), 'tags are listed in order');

    for (const ref of collectRefs(doc)) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      assert.ok(target !== undefined, `${ref} resolves`);
    }
    assert.ok(doc['x-error-codes'].some((entry) => entry.code === 'ERR_HTTP_VALIDATION'));
    assert.doesNotMatch(response.body, /\/secret|openapi\.json|\/api\/docs/);
  });

  it('serves a docs page that needs nothing from elsewhere and allows only its own script', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/docs' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.match(response.body, /^<!doctype html>/);
    assert.doesNotMatch(response.body, /(?:src|href)="(?:https?:)?\/\//);
    const csp = String(response.headers['content-security-policy']);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    const script = /<script>([\s\S]*)<\/script>/.exec(response.body)?.[1] ?? '';
    assert.match(script, /fetch\('openapi\.json'/);
    const digest = createHash('sha256').update(script).digest('base64');
    assert.ok(csp.includes(`script-src 'sha256-${digest}'`), csp);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
  });

  it('renders every operation and error code with its script (run against a minimal DOM)', async () => {
    const page = (await test.app.inject({ method: 'GET', url: '/api/docs' })).body;
    const document = (
      await test.app.inject({ method: 'GET', url: '/api/openapi.json' })
    ).json<Document>();
    const script = /<script>([\s\S]*)<\/script>/.exec(page)?.[1] ?? '';
    class FakeElement {
      readonly children: FakeElement[] = [];
      textContent = '';
      className = '';
      href = '';
      append(...children: FakeElement[]): void {
        this.children.push(...children);
      }
      text(): string {
        return [this.textContent, ...this.children.map((child) => child.text())].join(' ');
      }
    }
    const main = new FakeElement();
    const fakeDocument = {
      title: '',
      getElementById: () => main,
      createElement: () => new FakeElement(),
    };
    const context = {
      document: fakeDocument,
      fetch: (url: string) => {
        assert.equal(url, 'openapi.json');
        return Promise.resolve({ json: () => Promise.resolve(document) });
      },
    };
    await (runInNewContext(script, context) as Promise<void>);
    const text = main.text();
    assert.equal(fakeDocument.title, `Akashi API ${document.info.version}`);
    for (const fragment of [
      '/healthz',
      '/readyz',
      '/api/badges/{badgeId}',
      'Replace a badge',
      'badgeId',
    ]) {
      assert.ok(text.includes(fragment), fragment);
    }
    for (const { code } of document['x-error-codes']) assert.ok(text.includes(code), code);
  });

  it('turns Fastify path parameters into OpenAPI ones', () => {
    assert.equal(toOpenApiPath('/a/:id/b/:name'), '/a/{id}/b/{name}');
    assert.equal(toOpenApiPath('/a/:id(^\\d+)'), '/a/{id}');
    assert.equal(toOpenApiPath('/files/*'), '/files/{wildcard}');
  });
});
