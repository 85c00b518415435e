/**
 * The position after the last event of a page, handed to clients as an opaque string
 * (base64url of `[occurredAt, id]`). Events are listed newest first, by `occurred_at` then `id`,
 * both descending, so the next page holds exactly the events that sort after the cursor: no
 * event is skipped or repeated, even when many share one timestamp.
 */
import { ServerError } from '../http/server-error.js';

export interface AuditCursor {
  readonly occurredAt: string;
  readonly id: string;
}

/** `Date.prototype.toISOString()` output: what the recorder stores. */
const STORED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_ID_LENGTH = 200;

export const encodeAuditCursor = (cursor: AuditCursor): string =>
  Buffer.from(JSON.stringify([cursor.occurredAt, cursor.id]), 'utf8').toString('base64url');

/** Reads a cursor given out by `encodeAuditCursor`; anything else is ERR_AUDIT_CURSOR_INVALID. */
export const decodeAuditCursor = (text: string): AuditCursor => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new ServerError('ERR_AUDIT_CURSOR_INVALID', { cause });
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'string' ||
    typeof value[1] !== 'string' ||
    !STORED_TIMESTAMP.test(value[0]) ||
    value[1].length === 0 ||
    value[1].length > MAX_ID_LENGTH
  ) {
    throw new ServerError('ERR_AUDIT_CURSOR_INVALID');
  }
  return { occurredAt: value[0], id: value[1] };
};
