/**
 * The error codes of claim links, further e-mail addresses and account deletion, spread into the registry (`http/error-registry.ts`). Codes are
 * stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_CLAIM_ERRORS = {} as const satisfies ErrorTable;
