/**
 * The one shape of every error response:
 *
 *   { "error": { "code": "ERR_HTTP_VALIDATION", "message": "…", "requestId": "…",
 *                "fields": [{ "in": "body", "path": "/email", "message": "…" }] } }
 *
 * `message` and each field's `message` are in the language negotiated from Accept-Language
 * (the response's Content-Language). `fields` is present only when fields are at fault;
 * `details` only for the codes that carry structured data (documented with the route).
 */
import { Type, type Static } from '@sinclair/typebox';
import { SERVER_ERROR_CODES } from './error-registry.js';
import type { Language } from './pick-language.js';
import type { ServerError } from './server-error.js';

export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.Union(
          SERVER_ERROR_CODES.map((code) => Type.Literal(code)),
          { description: 'A stable code from the error registry; switch on it, not on message.' },
        ),
        message: Type.String({ description: 'For people, in the negotiated language.' }),
        requestId: Type.String({ description: 'Also in the x-request-id response header.' }),
        fields: Type.Optional(
          Type.Array(
            Type.Object(
              {
                in: Type.Union([
                  Type.Literal('body'),
                  Type.Literal('querystring'),
                  Type.Literal('params'),
                  Type.Literal('headers'),
                ]),
                path: Type.String({ description: 'JSON Pointer inside that part of the request.' }),
                message: Type.String(),
              },
              { additionalProperties: false },
            ),
          ),
        ),
        details: Type.Optional(
          Type.Record(Type.String(), Type.Unknown(), {
            description: 'Structured data about the failure, for the codes that document it.',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'ErrorEnvelope' },
);

export type ErrorEnvelope = Static<typeof ErrorEnvelope>;

export const buildErrorEnvelope = (
  error: ServerError,
  requestId: string,
  language: Language,
): ErrorEnvelope => ({
  error: {
    code: error.code,
    message: error.localized[language],
    requestId,
    ...(error.fields === undefined
      ? {}
      : {
          fields: error.fields.map((field) => ({
            in: field.in,
            path: field.path,
            message: field.message[language],
          })),
        }),
    ...(error.details === undefined ? {} : { details: error.details }),
  },
});
