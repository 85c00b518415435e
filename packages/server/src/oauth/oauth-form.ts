/**
 * The `application/x-www-form-urlencoded` bodies of the token and revocation endpoints (RFC 6749
 * §4.1.3, RFC 7009 §2.1). Parsed into a record of strings; a parameter sent twice is refused, as
 * RFC 6749 §3.2 requires ("parameters MUST NOT be included more than once").
 */
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app-context.js';
import { OAuthProtocolError } from './oauth-protocol-error.js';

export type FormParameters = Readonly<Record<string, string>>;

export const parseForm = (text: string): FormParameters => {
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(parameters, name)) {
      throw new OAuthProtocolError(
        'invalid_request',
        `The parameter ${name} is sent more than once.`,
      );
    }
    parameters[name] = value;
  }
  return parameters;
};

/** Adds the form parser to this (encapsulated) plugin only. */
export const installFormParser = (app: App): void => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      try {
        done(null, parseForm(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
};

/** The form of a request; any other body (JSON included) is `invalid_request`. */
export const readForm = (request: FastifyRequest): FormParameters => {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw new OAuthProtocolError(
      'invalid_request',
      'Send the parameters as application/x-www-form-urlencoded.',
    );
  }
  return request.body as FormParameters;
};
