/**
 * The error codes of collections, share links, the public profile, spread into the registry (`http/error-registry.ts`). Codes are
 * stable: never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const WALLET_SHARING_ERRORS = {} as const satisfies ErrorTable;
