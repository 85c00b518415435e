/**
 * Who is making a request. Every route reads `request.actor` (set by `installAuthentication`)
 * and hands it to its domain's policy; nothing else decides who may do what.
 */
export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly isOperator: boolean;
      readonly sessionId: string;
      /** Whether this session has passed a second factor (TOTP, recovery code or passkey). */
      readonly secondFactor: boolean;
    }
  | {
      readonly kind: 'api-key';
      readonly apiKeyId: string;
      readonly organisationId: string;
      readonly scopes: readonly string[];
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}
