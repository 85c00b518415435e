/**
 * A wallet badge's card status from the verifier's verdict (`verification/decide-verdict.ts`):
 * the four a learner acts on by name, and `unverified` for everything else (tampered, issuer
 * unreachable, invalid, not yet valid, unreadable) — the verdict itself says which, and the
 * report why.
 */
import type { Verdict } from '../verification/decide-verdict.js';
import type { WalletStatus } from './wallet-tables.js';

export const WALLET_STATUSES: readonly WalletStatus[] = [
  'valid',
  'expired',
  'revoked',
  'suspended',
  'unverified',
];

export const walletStatusOf = (verdict: Verdict): WalletStatus => {
  switch (verdict) {
    case 'valid':
    case 'expired':
    case 'revoked':
    case 'suspended':
      return verdict;
    default:
      return 'unverified';
  }
};
