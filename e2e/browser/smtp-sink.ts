/**
 * A real SMTP server on loopback (smtp-server) that keeps every message, so a browser test can
 * follow the links the platform mails (e-mail confirmation, award notices).
 */
import { SMTPServer } from 'smtp-server';

export interface SentMail {
  readonly to: readonly string[];
  readonly raw: string;
  /** The message with quoted-printable soft breaks and escapes undone (for finding links). */
  readonly text: string;
}

export interface SmtpSink {
  readonly url: string;
  readonly mails: readonly SentMail[];
  /** The first link under `path` in a mail to `to`, waiting for the mail up to 15 s. */
  readonly waitForLink: (to: string, path: string) => Promise<string>;
  readonly close: () => Promise<void>;
}

const decodeQuotedPrintable = (raw: string): string =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export const startSmtpSink = async (): Promise<SmtpSink> => {
  const mails: SentMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: decodeQuotedPrintable(raw),
        });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitForLink: async (to, path) => {
      const pattern = new RegExp(`https?://[^\\s"'<>]*${path.replace(/[?]/g, '\\?')}[^\\s"'<>]*`);
      for (let waited = 0; waited < 15_000; waited += 100) {
        for (const mail of mails) {
          if (!mail.to.includes(to)) continue;
          const link = pattern.exec(mail.text)?.[0];
          if (link !== undefined) return link.replace(/&amp;/g, '&');
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`No mail to ${to} with a ${path} link (${String(mails.length)} mails)`);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
};
