/**
 * Sends the platform's e-mail. With `SMTP_URL` set, through that SMTP server (nodemailer; an
 * `smtps://` URL is TLS from the start, an `smtp://` one upgrades with STARTTLS when offered).
 * Without it, every message is written to `AKASHI_DATA_DIR/outbox/<timestamp>-<id>.eml` and its
 * link is logged, so that a fresh instance works with no mail server at all.
 *
 * Account e-mails go out in the background (`queue`): the request answers at once whether or not
 * the address has an account, so neither the answer nor its timing gives that away. A failure is
 * logged; `drain` waits for every queued message (the app awaits it when it closes).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { createTransport } from 'nodemailer';
import type { Config } from '../config/load-config.js';
import { ServerError } from '../http/server-error.js';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The link the message carries, logged when the message goes to the outbox. */
  readonly link?: string;
}

export type MailTransport = 'smtp' | 'outbox';

export interface MailDelivery {
  readonly via: MailTransport;
  readonly messageId: string;
  /** The .eml file, for the outbox. */
  readonly file?: string;
}

export type MailLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export interface Mailer {
  readonly via: MailTransport;
  /** Sends now; a failure is ERR_MAIL_UNAVAILABLE (the cause logged, never sent to clients). */
  send(message: MailMessage, log: MailLog): Promise<MailDelivery>;
  /** Sends in the background; a failure is logged. */
  queue(message: MailMessage, log: MailLog): void;
  /** Resolves when every queued message has been sent or has failed. */
  drain(): Promise<void>;
}

export type MailerConfig = Pick<Config, 'dataDir' | 'publicUrl' | 'smtpUrl' | 'mailFrom'>;

/** Connection limits, so that an unreachable server fails in seconds rather than minutes. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** `MAIL_FROM`, or `Akashi <no-reply@host of PUBLIC_URL>`. */
export const readMailFrom = (config: Pick<Config, 'publicUrl' | 'mailFrom'>): string =>
  config.mailFrom ?? `Akashi <no-reply@${new URL(config.publicUrl).hostname}>`;

/** The SMTP URL for logs: scheme, host and port, never the user name or password. */
export const describeSmtpUrl = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
};

/** `2026-04-01T09:30:00.123Z` → `20260401T093000123Z` (sorts by time; no colons). */
const fileTimestamp = (date: Date): string => date.toISOString().replace(/[-:.]/g, '');

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export const createMailer = (
  config: MailerConfig,
  clock: () => Date = () => new Date(),
): Mailer => {
  const from = readMailFrom(config);
  const pending = new Set<Promise<unknown>>();
  const headers = { 'Auto-Submitted': 'auto-generated' };

  const sendBySmtp = async (message: MailMessage, smtpUrl: string): Promise<MailDelivery> => {
    const transport = createTransport({ ...SMTP_TIMEOUTS, url: smtpUrl });
    try {
      const info = await transport.sendMail({ from, headers, ...message });
      return { via: 'smtp', messageId: info.messageId };
    } finally {
      transport.close();
    }
  };

  const writeToOutbox = async (message: MailMessage, log: MailLog): Promise<MailDelivery> => {
    const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const info = await composer.sendMail({ from, headers, ...message });
    const directory = join(config.dataDir, 'outbox');
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const file = join(directory, `${fileTimestamp(clock())}-${randomUUID()}.eml`);
    await writeFile(file, info.message as Buffer, { mode: 0o600, flag: 'wx' });
    log.info(
      { to: message.to, subject: message.subject, file, link: message.link },
      'SMTP_URL is not set: the e-mail was written to the outbox',
    );
    return { via: 'outbox', messageId: info.messageId, file };
  };

  const deliver = (message: MailMessage, log: MailLog): Promise<MailDelivery> =>
    config.smtpUrl === undefined
      ? writeToOutbox(message, log)
      : sendBySmtp(message, config.smtpUrl);

  return {
    via: config.smtpUrl === undefined ? 'outbox' : 'smtp',
    send: async (message, log) => {
      try {
        return await deliver(message, log);
      } catch (error) {
        log.error(
          { err: error, to: message.to, subject: message.subject },
          `the e-mail could not be sent: ${reasonOf(error)}`,
        );
        throw new ServerError('ERR_MAIL_UNAVAILABLE', { cause: error });
      }
    },
    queue: (message, log) => {
      const sending = deliver(message, log).then(
        () => undefined,
        (error: unknown) => {
          log.error(
            { err: error, to: message.to, subject: message.subject },
            `the e-mail could not be sent: ${reasonOf(error)}`,
          );
        },
      );
      pending.add(sending);
      void sending.finally(() => pending.delete(sending));
    },
    drain: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
};

const MAILERS = new WeakMap<MailerConfig, Mailer>();

/** The one mailer of an app (by its configuration object), made on first use. */
export const mailerFor = (config: MailerConfig, clock?: () => Date): Mailer => {
  let mailer = MAILERS.get(config);
  if (mailer === undefined) {
    mailer = createMailer(config, clock);
    MAILERS.set(config, mailer);
  }
  return mailer;
};
