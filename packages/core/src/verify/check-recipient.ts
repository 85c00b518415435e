/** The `recipient` check: is this credential about the person the verifier has in mind? */
import { matchIdentityObject } from '../recipient/index.js';
import { makeCheck, type VerificationCheck } from './verification-report.js';

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

export const checkRecipient = (
  credential: Record<string, unknown>,
  recipient: string | undefined,
): VerificationCheck => {
  if (recipient === undefined) return makeCheck('recipient', 'skipped', 'RECIPIENT_NOT_CHECKED');
  const subjects = asList(credential.credentialSubject).filter(
    (s): s is Record<string, unknown> => typeof s === 'object' && s !== null,
  );
  const matches = subjects.some(
    (subject) =>
      subject.id === recipient ||
      asList(subject.identifier).some(
        (identity) =>
          typeof identity === 'object' &&
          identity !== null &&
          matchIdentityObject(identity, recipient),
      ),
  );
  return matches
    ? makeCheck('recipient', 'passed', 'RECIPIENT_OK', { recipient })
    : makeCheck('recipient', 'failed', 'ERR_RECIPIENT_MISMATCH', { recipient });
};
