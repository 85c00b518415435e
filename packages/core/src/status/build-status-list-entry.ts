import { assertUrl } from './assert-url.js';
import {
  isStatusPurpose,
  type BitstringStatusListEntry,
  type StatusPurpose,
} from './bitstring-status-list-entry.js';

export interface BuildStatusListEntryOptions {
  /** The URL of the BitstringStatusListCredential (no fragment). */
  readonly statusListCredential: string;
  /** The index allocated with `allocateStatusIndex`. */
  readonly statusListIndex: number;
  readonly statusPurpose: StatusPurpose;
}

/**
 * The `credentialStatus` entry for a credential (§2.1), with `statusListIndex` as a decimal
 * string and an `id` of `<list URL>#<index>` (the spec forbids the list URL itself as the id).
 */
export const buildStatusListEntry = (
  options: BuildStatusListEntryOptions,
): BitstringStatusListEntry => {
  const { statusListCredential, statusListIndex, statusPurpose } = options;
  assertUrl(statusListCredential, 'options.statusListCredential');
  if (statusListCredential.includes('#')) {
    throw new TypeError('"options.statusListCredential" must not have a fragment.');
  }
  if (!Number.isSafeInteger(statusListIndex) || statusListIndex < 0) {
    throw new TypeError(
      `"options.statusListIndex" must be a non-negative integer; got ${String(statusListIndex)}.`,
    );
  }
  if (!isStatusPurpose(statusPurpose)) {
    throw new TypeError(
      `"options.statusPurpose" must be "revocation", "suspension" or "refresh"; got ${String(statusPurpose)}.`,
    );
  }
  return {
    id: `${statusListCredential}#${statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose,
    statusListIndex: String(statusListIndex),
    statusListCredential,
  };
};
