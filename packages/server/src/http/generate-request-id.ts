/**
 * The id of each request: in every log line of the request (`requestId`), in the `x-request-id`
 * response header and in error envelopes. Behind a trusted proxy (AKASHI_TRUST_PROXY set), an
 * incoming `x-request-id` of up to 128 safe characters is kept so that one id follows the request
 * across the load balancer and the app; otherwise a fresh UUID is made.
 */
import { randomUUID } from 'node:crypto';
import type { RawRequestDefaultExpression } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const createRequestIdGenerator =
  (acceptIncoming: boolean) =>
  (request: RawRequestDefaultExpression): string => {
    const incoming = request.headers[REQUEST_ID_HEADER];
    if (acceptIncoming && typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming)) {
      return incoming;
    }
    return randomUUID();
  };
