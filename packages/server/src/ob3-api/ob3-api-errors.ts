/**
 * The error codes of the Open Badges 3.0 API (this platform as the host), spread into the registry (`http/error-registry.ts`). Codes are stable:
 * never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const OB3_API_ERRORS = {} as const satisfies ErrorTable;
