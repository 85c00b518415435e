/**
 * The platform's logs: one JSON object per line (pino, through Fastify) with an ISO time, the
 * level as a word and, for request logs, the `requestId`. Request lines carry the method and the
 * path without its query string (which may hold tokens), never headers or bodies.
 */
import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config/load-config.js';

export interface LogDestination {
  write(line: string): void;
}

/** Fastify's logger options: its own and pino's. */
export type LoggerOptions = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;

const stripQuery = (url: string): string => {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
};

export const buildLoggerOptions = (
  level: LogLevel,
  destination?: LogDestination,
): LoggerOptions => ({
  level,
  ...(destination === undefined ? {} : { stream: destination }),
  timestamp: () => `,"time":"${new Date().toISOString()}"`,
  formatters: { level: (label: string) => ({ level: label }) },
  serializers: {
    req: (request: FastifyRequest) => ({
      method: request.method,
      url: stripQuery(request.url),
      remoteAddress: request.ip,
    }),
    res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
  },
});
