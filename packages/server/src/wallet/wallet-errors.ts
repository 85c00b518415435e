/**
 * The error codes of the wallet's own badges (imports, list, detail, re-check, downloads, export), spread into the registry (`http/error-registry.ts`). Codes are
 * stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_ERRORS = {} as const satisfies ErrorTable;
