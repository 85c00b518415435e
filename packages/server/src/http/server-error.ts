/**
 * The one error family of the platform's request handling. A policy or command throws a
 * `ServerError` with a code from the registry; the error handler turns it into the envelope with
 * the registry's status and message, in the language the client asked for.
 *
 *   throw new ServerError('ERR_HTTP_FORBIDDEN');
 *   throw new ServerError('ERR_HTTP_BODY_TOO_LARGE', { params: { limit: 1024 } });
 */
import type { LocalizedMessage } from '@akashi/core';
import {
  fillTemplate,
  readErrorDefinition,
  type ServerErrorCode,
  type ServerErrorParamName,
  type ServerErrorParams,
} from './error-registry.js';

/** Where a bad field is: the request part and a JSON Pointer inside it. */
export type RequestPart = 'body' | 'querystring' | 'params' | 'headers';

export interface FieldError {
  readonly in: RequestPart;
  /** JSON Pointer to the field in that part; `''` is the part as a whole. */
  readonly path: string;
  readonly message: LocalizedMessage;
}

interface BaseOptions {
  /** Per-field problems, reported in the envelope's `fields`. */
  readonly fields?: readonly FieldError[];
  /** The underlying error, for the logs; never sent to the client. */
  readonly cause?: unknown;
  /**
   * Structured data the client acts on, sent as the envelope's `details` (e.g. the verdict and
   * the verification report of a refused wallet import). Never anything secret.
   */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type ServerErrorOptions<C extends ServerErrorCode> = BaseOptions &
  ([ServerErrorParamName<C>] extends [never]
    ? { readonly params?: undefined }
    : { readonly params: ServerErrorParams<C> });

type ServerErrorArgs<C extends ServerErrorCode> = [ServerErrorParamName<C>] extends [never]
  ? [options?: ServerErrorOptions<C>]
  : [options: ServerErrorOptions<C>];

export class ServerError<C extends ServerErrorCode = ServerErrorCode> extends Error {
  override readonly name = 'ServerError';
  readonly code: C;
  readonly status: number;
  /** The message in English (also `message`) and Japanese, placeholders filled. */
  readonly localized: LocalizedMessage;
  readonly fields: readonly FieldError[] | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: C, ...[options]: ServerErrorArgs<C>) {
    const definition = readErrorDefinition(code);
    const params: Readonly<Record<string, string | number>> = options?.params ?? {};
    const localized = {
      en: fillTemplate(definition.message.en, params),
      ja: fillTemplate(definition.message.ja, params),
    };
    super(localized.en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = definition.status;
    this.localized = localized;
    this.fields = options?.fields;
    this.details = options?.details;
  }
}

export const isServerError = (value: unknown): value is ServerError => value instanceof ServerError;
