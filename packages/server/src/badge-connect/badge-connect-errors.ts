/**
 * The error codes of Open Badges 2.1 Badge Connect (a backpack for Moodle), spread into the registry (`http/error-registry.ts`). Codes are stable:
 * never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const BADGE_CONNECT_ERRORS = {} as const satisfies ErrorTable;
