/**
 * Counts a verification of one of this platform's credentials, for the issuer's analytics.
 * Never throws: counting must not break a verification. (Stub: being written.)
 */
import type { AppContext } from '../http/app-context.js';

export type VerificationSource = 'badge-page' | 'verify-page' | 'vc-api';

export const recordVerification = async (
  _context: AppContext,
  _input: { readonly credentialId: string; readonly source: VerificationSource },
): Promise<void> => Promise.resolve();
