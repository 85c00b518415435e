/**
 * What a route schema may say for the OpenAPI document, beside the request and response schemas
 * (the same keys as @fastify/swagger, so that moving to it later changes nothing in the routes):
 *
 *   schema: { summary: 'Create an account', tags: ['accounts'], body: …, response: { 201: … } }
 */
import type { FastifySchema } from 'fastify';

declare module 'fastify' {
  interface FastifySchema {
    /** One line: what the operation does. */
    summary?: string;
    /** Longer explanation (CommonMark). */
    description?: string;
    /** Groups operations in the document and on the docs page. */
    tags?: readonly string[];
    /** A stable name for client generators; defaults to none. */
    operationId?: string;
    deprecated?: boolean;
    /** Leave the route out of the OpenAPI document. */
    hide?: boolean;
  }
}

/** One route as the OpenAPI document sees it. */
export interface DocumentedRoute {
  readonly method: string;
  /** Fastify's path syntax: `/things/:id`. */
  readonly url: string;
  readonly schema: FastifySchema | undefined;
}
