/**
 * Brings into a learner's wallet every award made to one of the account's verified e-mail
 * addresses (ADR 0010). Implemented by the wallet-claims part.
 */
import type { AppContext } from '../http/app-context.js';

/** Adds the account's not-yet-held awards to its wallet; the number added. */
export const syncAwardsIntoWallet = async (
  _context: AppContext,
  _userId: string,
): Promise<number> => Promise.resolve(0);
