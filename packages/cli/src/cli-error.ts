/**
 * The CLI's own failures (bad usage, unreadable files) and the one table that turns any error
 * into an exit status. The CLI never exits 0 on failure.
 */
import type { AkashiErrorCode, LocalizedMessage } from '@akashi/core';

/** 0: success. 1: the operation ran and failed (or a credential is not valid). 2: bad usage or unreadable input. */
export type ExitStatus = 0 | 1 | 2;

export const EXIT_OK: ExitStatus = 0;
export const EXIT_FAILURE: ExitStatus = 1;
export const EXIT_USAGE: ExitStatus = 2;

export type CliErrorCode =
  | 'ERR_CLI_UNKNOWN_COMMAND'
  | 'ERR_CLI_UNKNOWN_OPTION'
  | 'ERR_CLI_MISSING_OPTION'
  | 'ERR_CLI_MISSING_VALUE'
  | 'ERR_CLI_INVALID_VALUE'
  | 'ERR_CLI_MISSING_ARGUMENT'
  | 'ERR_CLI_UNEXPECTED_ARGUMENT'
  | 'ERR_CLI_FILE_UNREADABLE'
  | 'ERR_CLI_FILE_EXISTS'
  | 'ERR_CLI_FILE_UNWRITABLE'
  | 'ERR_CLI_NOT_JSON'
  | 'ERR_CLI_NOT_OBJECT'
  | 'ERR_CLI_NOT_CREDENTIAL'
  | 'ERR_CLI_ISSUER_REQUIRED'
  | 'ERR_CLI_CONFIG_INVALID'
  | 'ERR_CLI_MIGRATION_FAILED';

export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;
  readonly ja: string;
  readonly exitStatus: ExitStatus;

  constructor(code: CliErrorCode, message: LocalizedMessage, exitStatus: ExitStatus = EXIT_USAGE) {
    super(message.en);
    this.code = code;
    this.ja = message.ja;
    this.exitStatus = exitStatus;
  }
}

/**
 * Core codes that mean "the input given to the CLI cannot be used" (a malformed key file,
 * achievement, credential or image): exit 2, like bad usage. Every other core code is a failure
 * of the operation itself (exit 1).
 */
const INPUT_CODES: ReadonlySet<AkashiErrorCode> = new Set<AkashiErrorCode>([
  'ERR_JSON_PARSE',
  'ERR_INPUT_TOO_LARGE',
  'ERR_KEY_UNSUPPORTED',
  'ERR_KEY_INVALID',
  'ERR_KEY_NOT_PRIVATE',
  'ERR_DID_INVALID',
  'ERR_DID_UNSUPPORTED',
  'ERR_CREDENTIAL_INVALID',
  'ERR_JSONLD_SAFE_MODE',
  'ERR_CONTEXT_NOT_BUNDLED',
  'ERR_BAKE_NOT_IMAGE',
  'ERR_BAKE_MALFORMED_PNG',
  'ERR_BAKE_MALFORMED_SVG',
  'ERR_BAKE_XML_ENTITY_DECLARED',
]);

/** The exit status of a core error: 2 for an input problem, 1 for any other failure. */
export const readCoreExitStatus = (code: AkashiErrorCode): ExitStatus =>
  INPUT_CODES.has(code) ? EXIT_USAGE : EXIT_FAILURE;
