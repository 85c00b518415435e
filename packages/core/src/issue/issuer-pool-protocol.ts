/** Messages between the issuer pool and its worker threads. */
import type { KeyType } from '../keys/index.js';

export interface PoolWorkerData {
  readonly pkcs8: Uint8Array;
  readonly keyType: KeyType;
  readonly kid: string;
  readonly verificationMethod?: string;
}

export interface PoolRequest {
  readonly id: number;
  readonly credentials: Record<string, unknown>[];
  readonly created?: string | false;
}

export type PoolResult =
  | { readonly ok: true; readonly credential: Record<string, unknown> }
  | { readonly ok: false; readonly code: string; readonly message: string };

export interface PoolResponse {
  readonly id: number;
  readonly results: PoolResult[];
}
