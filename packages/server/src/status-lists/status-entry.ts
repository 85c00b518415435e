/**
 * A status entry as the rest of the platform sees it (which list, which index, which purpose),
 * the public URL of a list, and the `credentialStatus` object a credential carries for an entry.
 */
import { buildStatusListEntry, type BitstringStatusListEntry } from '@akashi/core';
import type { StatusPurpose } from './status-list-tables.js';

export type { StatusPurpose } from './status-list-tables.js';

export interface AllocatedStatusEntry {
  readonly listId: string;
  /** `${publicUrl}/status/${listId}`: where the signed list credential is served. */
  readonly listUrl: string;
  readonly index: number;
  readonly purpose: StatusPurpose;
}

/** The URL of a list's BitstringStatusListCredential (`GET /status/:listId`). */
export const statusListUrl = (publicUrl: string, listId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/status/${encodeURIComponent(listId)}`;

/**
 * The `BitstringStatusListEntry` for an entry: `{ id: "<list URL>#<index>", type, statusPurpose,
 * statusListIndex: "<index>", statusListCredential: <list URL> }` (core `buildStatusListEntry`).
 */
export const buildStatusEntryObject = (entry: AllocatedStatusEntry): BitstringStatusListEntry =>
  buildStatusListEntry({
    statusListCredential: entry.listUrl,
    statusListIndex: entry.index,
    statusPurpose: entry.purpose,
  });
