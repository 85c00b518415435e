/**
 * The error codes of handing awards to external wallets (LCW request links, VC-API exchanges), spread into the registry (`http/error-registry.ts`). Codes are stable:
 * never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_DELIVERY_ERRORS = {} as const satisfies ErrorTable;
