/**
 * First run: when the database has no operator, the server prints one line with a one-time
 * set-up link, `PUBLIC_URL/setup?token=…` (valid 24 hours; only the token's hash is stored).
 * Whoever opens it creates the operator account. Each start without an operator prints a new
 * link; the first one used voids the others.
 */
import type { FastifyBaseLogger } from 'fastify';
import { accountPageLink } from '../accounts/account-mail.js';
import { issueEmailToken } from '../accounts/email-tokens.js';
import type { Config } from '../config/load-config.js';
import type { Database } from '../db/open-database.js';
import { hasOperator } from './create-operator.js';

export interface AnnounceOperatorSetupOptions {
  readonly db: Database;
  readonly config: Pick<Config, 'publicUrl'>;
  readonly log: Pick<FastifyBaseLogger, 'warn'>;
  readonly now?: Date;
}

/** Prints the set-up link and returns it, or returns undefined when an operator exists. */
export const announceOperatorSetup = async ({
  db,
  config,
  log,
  now = new Date(),
}: AnnounceOperatorSetupOptions): Promise<string | undefined> => {
  if (await hasOperator(db)) return undefined;
  const token = await issueEmailToken(db, {
    purpose: 'operator-setup',
    userId: null,
    email: '',
    now,
  });
  const setupUrl = accountPageLink(config.publicUrl, '/setup', token);
  log.warn(
    { setupUrl },
    `No operator yet: open ${setupUrl} within 24 hours to create the operator account (or run: akashi admin create-operator --email ADDRESS)`,
  );
  return setupUrl;
};
