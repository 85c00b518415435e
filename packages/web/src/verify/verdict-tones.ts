/**
 * How verdicts and check outcomes look (the tone of their pill: ok, warn, bad) and the checks the
 * verifier names, shared by every page that shows a verification: `/verify`, the wallet, the
 * public share and profile pages.
 */
import type { CheckOutcome, Verdict } from './verify-types.js';

export const VERDICT_TONE: Readonly<Record<Verdict, 'ok' | 'bad' | 'warn'>> = {
  valid: 'ok',
  revoked: 'bad',
  suspended: 'warn',
  expired: 'warn',
  'not-yet-valid': 'warn',
  tampered: 'bad',
  'issuer-unreachable': 'warn',
  unreadable: 'bad',
  invalid: 'bad',
};

export const OUTCOME_TONE: Readonly<Record<CheckOutcome, string>> = {
  passed: 'ok',
  failed: 'bad',
  skipped: '',
  error: 'warn',
};

const KNOWN_CHECKS = [
  'parse',
  'context',
  'jsonld',
  'schema',
  'proof',
  'issuer',
  'refresh',
  'validity',
  'status',
  'recipient',
  'endorsements',
] as const;

/** A check the verify texts explain (`check-{name}`, `check-{name}-help`). */
export type KnownCheck = (typeof KNOWN_CHECKS)[number];

export const isKnownCheck = (name: string): name is KnownCheck =>
  (KNOWN_CHECKS as readonly string[]).includes(name);
