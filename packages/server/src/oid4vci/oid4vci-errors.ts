/**
 * The error codes of OpenID for Verifiable Credential Issuance, spread into the registry (`http/error-registry.ts`). Codes are stable:
 * never rename or reuse one.
 */
import type { ErrorTable } from '../http/error-registry.js';

export const OID4VCI_ERRORS = {} as const satisfies ErrorTable;
