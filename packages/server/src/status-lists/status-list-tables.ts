/**
 * The tables of this domain as Kysely sees them (conventions in `db/tables.ts`), created by
 * migration `0008-status-lists`: one row per W3C Bitstring Status List, holding its bits, its
 * allocation counter and the cached signed list credential.
 */
import type { ColumnType } from 'kysely';

/** The purposes Akashi publishes lists for; one list serves one purpose, never both. */
export type StatusPurpose = 'revocation' | 'suspension';

export interface StatusListsTable {
  id: string;
  issuer_profile_id: string;
  purpose: StatusPurpose;
  /** 1 for the issuer's first list of this purpose, one more each time a list fills up. */
  sequence: number;
  /** Bits in the list (a multiple of 8; 131,072 = core `MIN_STATUS_LIST_LENGTH` when published). */
  length: number;
  /** How many entries have been handed out; counter `c` maps to index `permute(c)`. */
  allocated: ColumnType<number, number | undefined, number>;
  /** The list's secret permutation key (hex, 32 bytes): indexes look random but never collide. */
  permutation_key: string;
  /** The bitstring, `length / 8` bytes, index 0 the most significant bit of byte 0. */
  bits: Buffer;
  /** One more on every change of a bit; the cached credential is good while it matches. */
  version: ColumnType<number, number | undefined, number>;
  /** The signed BitstringStatusListCredential (JSON text) last published; null before. */
  signed_credential: string | null;
  /** The `version` the cached credential was signed at. */
  signed_version: number | null;
  /** When the cached credential was signed (ISO 8601); it is re-signed after a day. */
  signed_at: string | null;
  /** The strong ETag of the cached credential's bytes (with its quotes). */
  etag: string | null;
  created_at: string;
  updated_at: string;
}

export interface StatusListTables {
  status_lists: StatusListsTable;
}
