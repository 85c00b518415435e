/**
 * W3C Bitstring Status List v1.0: build status lists and their entries, allocate random indexes,
 * and read a credential's status from a list credential. Signing and fetching live elsewhere.
 */
export {
  StatusList,
  createStatusList,
  getStatus,
  setStatus,
  getStatusValue,
  setStatusValue,
  MIN_STATUS_LIST_LENGTH,
  DEFAULT_STATUS_LIST_MAX_BYTES,
  MAX_STATUS_SIZE,
  type CreateStatusListOptions,
} from './status-list.js';
export { encodeStatusList } from './encode-status-list.js';
export { decodeStatusList, type DecodeStatusListOptions } from './decode-status-list.js';
export {
  allocateStatusIndex,
  type AllocateStatusIndexOptions,
  type StatusIndexTaken,
} from './allocate-status-index.js';
export {
  BitstringStatusListEntrySchema,
  StatusMessageSchema,
  STATUS_PURPOSES,
  isStatusPurpose,
  type BitstringStatusListEntry,
  type StatusMessage,
  type StatusPurpose,
} from './bitstring-status-list-entry.js';
export {
  BitstringStatusListCredentialSchema,
  BitstringStatusListSchema,
  type BitstringStatusList,
  type BitstringStatusListCredential,
} from './bitstring-status-list-credential.js';
export {
  buildStatusListCredential,
  type BuildStatusListCredentialOptions,
} from './build-status-list-credential.js';
export {
  buildStatusListEntry,
  type BuildStatusListEntryOptions,
} from './build-status-list-entry.js';
export {
  checkStatusEntry,
  type CheckStatusEntryOptions,
  type CheckStatusEntryResult,
  type CheckStatusEntrySuccess,
  type CheckStatusEntryFailure,
  type CheckStatusEntryErrorCode,
  type CheckStatusEntryWarning,
  type CheckStatusEntryWarningCode,
  type StatusSpecError,
} from './check-status-entry.js';
