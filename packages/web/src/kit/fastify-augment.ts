/**
 * What the server adds to Fastify's route options, as pages use it: `schema.hide` keeps a page
 * out of the OpenAPI document; the session options let a page serve any session state.
 */
declare module 'fastify' {
  interface FastifySchema {
    hide?: boolean;
  }
  interface FastifyContextConfig {
    readonly allowPendingSecondFactor?: boolean;
    readonly ignoreStaleSession?: boolean;
    readonly csrfCheckedByApi?: boolean;
  }
}

export {};
