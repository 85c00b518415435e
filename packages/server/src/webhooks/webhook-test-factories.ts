/**
 * Test support for webhooks: a receiver on 127.0.0.1 (node:http) that records every request with
 * its body and answers with the statuses it is given, and endpoints registered directly through
 * the command. Not for production code.
 */
// A loopback server for tests, not an HTTP client: nothing here sends a request.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- test receiver only
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../db/open-database.js';
import { testActor } from '../keys/key-test-factories.js';
import type { MasterKey } from '../keys/master-key.js';
import { createWebhookEndpoint, type WebhookEndpointWithSecret } from './manage-webhooks.js';
import type { WebhookEventType } from './webhook-events.js';

export interface ReceivedRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface TestReceiver {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly received: ReceivedRequest[];
  /** Statuses answered in turn; 200 once they run out. */
  readonly statuses: number[];
  readonly close: () => Promise<void>;
}

export const startTestReceiver = async (statuses: number[] = []): Promise<TestReceiver> => {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = statuses.shift() ?? 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    received,
    statuses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};

/** An active endpoint of the organisation (private targets allowed), made by the command. */
export const insertTestWebhookEndpoint = (
  db: Database,
  masterKey: MasterKey,
  organisationId: string,
  url: string,
  events: readonly WebhookEventType[] = ['award.issued'],
  now: Date = new Date(),
): Promise<WebhookEndpointWithSecret> =>
  createWebhookEndpoint(
    db,
    masterKey,
    { allowPrivateTargets: true },
    organisationId,
    { url, events },
    { actor: testActor(), now },
  );
