/**
 * The shape of a `BitstringStatusListEntry` (Bitstring Status List v1.0 §2.1): one schema, and
 * the TypeScript type inferred from it.
 */
import { Type, type Static } from '@sinclair/typebox';

/**
 * The single-bit status purposes Akashi issues. The spec also defines `message`, which needs
 * `statusSize` > 1 and per-list message terms that the VC 2.0 context does not define for
 * `BitstringStatusList`; such entries are read by `checkStatusEntry` but never built.
 */
export const STATUS_PURPOSES = ['revocation', 'suspension', 'refresh'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

export const isStatusPurpose = (value: unknown): value is StatusPurpose =>
  (STATUS_PURPOSES as readonly unknown[]).includes(value);

/** One element of `statusMessage`: `status` is the value in hexadecimal with `0x`. */
export const StatusMessageSchema = Type.Object({
  status: Type.String({ pattern: '^0x[0-9a-fA-F]+$' }),
  message: Type.String(),
});

export const BitstringStatusListEntrySchema = Type.Object({
  /** Optional; MUST NOT be the status list URL. */
  id: Type.Optional(Type.String({ minLength: 1 })),
  type: Type.Literal('BitstringStatusListEntry'),
  statusPurpose: Type.String({ minLength: 1 }),
  /** An integer ≥ 0 written in base 10, as a string. */
  statusListIndex: Type.String({ pattern: '^[0-9]+$' }),
  /** The URL of the BitstringStatusListCredential. */
  statusListCredential: Type.String({ minLength: 1 }),
  /** Bits per status; 1 when absent. */
  statusSize: Type.Optional(Type.Integer({ minimum: 1 })),
  /** Required when statusSize > 1: exactly 2^statusSize elements. */
  statusMessage: Type.Optional(Type.Array(StatusMessageSchema)),
  statusReference: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
});

export type StatusMessage = Static<typeof StatusMessageSchema>;
export type BitstringStatusListEntry = Static<typeof BitstringStatusListEntrySchema>;
