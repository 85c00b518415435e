/**
 * The error codes of the OAuth 2.0 authorization server, spread into the registry (`http/error-registry.ts`). Codes are stable:
 * never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const OAUTH_ERRORS = {} as const satisfies ErrorTable;
