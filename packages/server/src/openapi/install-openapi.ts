/**
 * Collects every route as it is declared and serves the OpenAPI document built from them at
 * `GET /api/openapi.json`, and the reference page at `GET /api/docs`. Must be installed before
 * any route it should describe.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument, type OpenApiDocument } from './build-openapi-document.js';
import { DOCS_PAGE_CONTENT_SECURITY_POLICY, DOCS_PAGE_HTML } from './docs-page.js';
import type { DocumentedRoute } from './route-documentation.js';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** The server package's version (src/ and dist/ are both two levels below package.json). */
const readVersion = (): string => {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
};

export interface InstallOpenApiOptions {
  readonly publicUrl: string;
}

export const installOpenApi = (app: FastifyInstance, { publicUrl }: InstallOpenApiOptions) => {
  const routes: DocumentedRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, schema: route.schema });
    }
  });
  let document: OpenApiDocument | undefined;
  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => {
    // Routes are all declared once the app is ready, so the document is built once.
    document ??= buildOpenApiDocument({ routes, version: readVersion(), publicUrl });
    return document;
  });
  app.get(DOCS_PATH, { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DOCS_PAGE_CONTENT_SECURITY_POLICY)
      .send(DOCS_PAGE_HTML),
  );
};
