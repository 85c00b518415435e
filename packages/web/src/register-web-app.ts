/**
 * The web app as one Fastify plugin, mounted by the server at the root: server-rendered pages
 * that call the platform's JSON API in process (kit/api.ts). In its own scope: form bodies
 * (urlencoded and multipart) are parsed, errors render as an HTML page in the page's language
 * (never a blank page or a JSON envelope), and pages get a Content-Security-Policy that allows
 * only the app's own style sheet and scripts.
 */
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance } from 'fastify';
import { registerAssets } from './kit/assets.js';
import { PAGE_CONTENT_SECURITY_POLICY_VALUE } from './kit/content-security-policy.js';
import { renderErrorPage } from './kit/error-page.js';
import { openPage, sendHtml, type WebContext } from './kit/page.js';
import { WEB_MODULES } from './web-modules.js';

export const PAGE_CONTENT_SECURITY_POLICY = PAGE_CONTENT_SECURITY_POLICY_VALUE;

/** Uploads through forms (images, CSV files, badges to verify): at most this many bytes. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface WebAppOptions {
  /** `PUBLIC_URL`, no trailing slash. */
  readonly publicUrl: string;
  /** The root app, whose `inject` reaches the API. */
  readonly root: FastifyInstance;
}

export const registerWebApp = async (
  app: FastifyInstance,
  options: WebAppOptions,
): Promise<void> => {
  const web: WebContext = { app: options.root, publicUrl: options.publicUrl };
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 * 1024 },
    (_request, body, done) => {
      const fields: Record<string, string | string[]> = {};
      for (const [name, value] of new URLSearchParams(body as string)) {
        const seen = fields[name];
        if (seen === undefined) fields[name] = value;
        else fields[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
      }
      done(null, fields);
    },
  );
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_UPLOAD_BYTES, fieldSize: 6 * 1024 * 1024, files: 1, fields: 200 },
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY);
      reply.header('cache-control', 'no-store');
    }
    return Promise.resolve(payload);
  });
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // Fastify's errors carry `statusCode`, the server's own (thrown in its hooks) `status`.
    const given = error.statusCode ?? (error as { status?: unknown }).status;
    const status = typeof given === 'number' && given >= 400 && given < 600 ? given : 500;
    if (status >= 500) request.log.error({ err: error }, 'page failed');
    const page = await openPage(web, request, reply).catch(() => undefined);
    if (page === undefined) return reply.code(status).type('text/plain').send('Error');
    return sendHtml(page, renderErrorPage(page, status, error), status);
  });
  // A page handler that has already sent its answer (a redirect to sign in, a 404 page) may
  // resolve to nothing; Fastify wants the reply back then, or it would try to answer twice.
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = async function (this: FastifyInstance, request, reply) {
      const result: unknown = await handler.call(this, request, reply);
      return result === undefined ? reply : result;
    };
  });
  registerAssets(app);
  for (const register of WEB_MODULES) register(app, web);
};
