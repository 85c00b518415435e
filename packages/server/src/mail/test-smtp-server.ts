/**
 * Test support: a real SMTP server on loopback (the `smtp-server` package, no TLS, no
 * authentication) that keeps every message it receives, raw, so that tests check what actually
 * went over the wire. Not for production code.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { readTestMail, type TestMail } from './read-test-mail.js';

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  readonly url: string;
  /** Every message so far, parsed. */
  readonly messages: () => TestMail[];
  /** Waits (up to `timeoutMs`) for a message that `match` accepts, and returns it. */
  readonly waitFor: (match: (mail: TestMail) => boolean, timeoutMs?: number) => Promise<TestMail>;
  readonly close: () => Promise<void>;
}

export const startTestSmtpServer = async (): Promise<TestSmtpServer> => {
  const received: TestMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const rcptTo = session.envelope.rcptTo.map((address) => address.address);
        received.push(readTestMail(Buffer.concat(chunks).toString('utf8'), rcptTo));
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages: () => [...received],
    waitFor: (match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = received.find(match);
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no matching e-mail within ${timeoutMs} ms (${received.length} received)`),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
};
