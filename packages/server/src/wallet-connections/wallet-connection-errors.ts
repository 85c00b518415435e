/**
 * The error codes of the wallet's connections to other Open Badges hosts, spread into the registry (`http/error-registry.ts`). Codes are stable:
 * never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_CONNECTION_ERRORS = {} as const satisfies ErrorTable;
