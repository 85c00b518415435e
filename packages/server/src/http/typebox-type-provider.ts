/**
 * Lets Fastify infer request and reply types from TypeBox route schemas: inside a handler,
 * `request.body` is `Static<typeof schema.body>`. (The same few lines as
 * @fastify/type-provider-typebox, without the dependency.)
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyTypeProvider } from 'fastify';

export interface TypeBoxTypeProvider extends FastifyTypeProvider {
  readonly validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  readonly serializer: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
}
