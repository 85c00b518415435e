/**
 * The platform's 404 for browsers: the server's not-found handler calls this when the request
 * wants HTML (JSON clients keep the error envelope).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderErrorPage } from './error-page.js';
import { openPage, sendHtml } from './page.js';
import { PAGE_CONTENT_SECURITY_POLICY_VALUE } from './content-security-policy.js';

export const sendNotFoundPage = async (
  root: FastifyInstance,
  publicUrl: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> => {
  const page = await openPage({ app: root, publicUrl }, request, reply);
  reply.header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY_VALUE);
  return sendHtml(page, renderErrorPage(page, 404, undefined), 404);
};
