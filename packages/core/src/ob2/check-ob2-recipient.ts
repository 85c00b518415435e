/** The `recipient` check of an OB 2.0 assertion (`recipient`: `identity`, `type`, `hashed`, `salt`). */
import { matchIdentityObject } from '../recipient/match-identity-object.js';
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';

export const checkOb2Recipient = (
  assertion: Record<string, unknown>,
  recipient: string | undefined,
): VerificationCheck => {
  if (recipient === undefined) return makeCheck('recipient', 'skipped', 'RECIPIENT_NOT_CHECKED');
  const identity = assertion.recipient;
  const matches =
    typeof identity === 'object' && identity !== null && matchIdentityObject(identity, recipient);
  return matches
    ? makeCheck('recipient', 'passed', 'RECIPIENT_OK', { recipient })
    : makeCheck('recipient', 'failed', 'ERR_RECIPIENT_MISMATCH', { recipient });
};
