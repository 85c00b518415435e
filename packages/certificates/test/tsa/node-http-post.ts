/**
 * Test support: the injected `HttpPost` built on node:http, for loopback servers (the platform
 * wires core's guarded poster instead).
 */
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- test-only loopback client
import { request } from 'node:http';
import type { HttpPost } from '../../src/tsa/http-post.js';

export const nodeHttpPost =
  (timeoutMs = 10_000): HttpPost =>
  (url, body, contentType, headers) =>
    new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Type': contentType, 'Content-Length': body.length },
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            resolve({
              status: response.statusCode ?? 0,
              contentType: response.headers['content-type'],
              body: new Uint8Array(Buffer.concat(chunks)),
            });
          });
          response.on('error', reject);
        },
      );
      outgoing.on('timeout', () => {
        outgoing.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
