/**
 * Security headers on every response (a small onSend hook in place of @fastify/helmet). A route
 * that needs something else sets the header itself (the docs page sets its own
 * Content-Security-Policy; a public badge image will relax Cross-Origin-Resource-Policy): a header
 * already on the reply is left alone.
 */
import type { FastifyInstance } from 'fastify';

/** For JSON: nothing may load, nothing may frame it. */
export const DEFAULT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

export interface SecurityHeadersOptions {
  /** Send Strict-Transport-Security (when the public URL is https). */
  readonly hsts: boolean;
}

export const buildSecurityHeaders = ({
  hsts,
}: SecurityHeadersOptions): Readonly<Record<string, string>> => ({
  'content-security-policy': DEFAULT_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
  ...(hsts ? { 'strict-transport-security': HSTS_VALUE } : {}),
});

export const installSecurityHeaders = (app: FastifyInstance, options: SecurityHeadersOptions) => {
  const headers = Object.entries(buildSecurityHeaders(options));
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    for (const [name, value] of headers) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
    return Promise.resolve(payload);
  });
};
