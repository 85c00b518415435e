/**
 * Webhook signing secrets and signatures, following the Standard Webhooks specification
 * (https://www.standardwebhooks.com, "Webhook Signatures"):
 *
 * - A secret is `whsec_` followed by the base64 of 32 random bytes; the HMAC key is those bytes
 *   (the base64 part decoded), not the text.
 * - Every request carries three headers: `webhook-id` (the event id: the same for every attempt,
 *   so receivers can drop duplicates), `webhook-timestamp` (integer Unix seconds of this attempt;
 *   receivers should refuse ones far from their clock, against replays) and `webhook-signature`:
 *   `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)) over the exact body bytes.
 *   During a secret rotation the header holds one such signature per valid secret, separated by
 *   spaces; a receiver accepts the request when any of them matches (compared in constant time).
 *
 * Secrets are kept at rest encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from the
 * master key's encryption key, bound by the authenticated data to their endpoint row, so a
 * ciphertext copied into another row does not decrypt.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { ServerError } from '../http/server-error.js';
import type { MasterKey } from '../keys/master-key.js';
import { createTextSealer } from '../keys/sealed-text.js';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

const sealer = createTextSealer({
  salt: 'akashi webhook secrets',
  info: 'akashi/webhook-secrets/aes-256-gcm/v1',
  aad: 'akashi/webhook-secret/v1',
});

/** A new secret, shown to the organisation once: `whsec_` + base64 of 32 random bytes. */
export const generateWebhookSecret = (): string =>
  `${WEBHOOK_SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;

/** Encrypts `secret` for the endpoint row `endpointId`: base64(IV ‖ ciphertext ‖ tag). */
export const encryptWebhookSecret = (
  masterKey: MasterKey,
  endpointId: string,
  secret: string,
): string => sealer.seal(masterKey, [endpointId], secret);

/**
 * Decrypts a stored secret; `ERR_WEBHOOK_SECRET_UNREADABLE` when it was made under another
 * master key, altered, or copied from another row.
 */
export const decryptWebhookSecret = (
  masterKey: MasterKey,
  endpointId: string,
  encrypted: string,
  masterKeyId: string,
): string => {
  if (masterKeyId !== masterKey.id) throw new ServerError('ERR_WEBHOOK_SECRET_UNREADABLE');
  try {
    return sealer.open(masterKey, [endpointId], encrypted);
  } catch (cause) {
    throw new ServerError('ERR_WEBHOOK_SECRET_UNREADABLE', { cause });
  }
};

/** The HMAC key of a `whsec_…` secret: its base64 part, decoded. */
const secretKeyBytes = (secret: string): Buffer =>
  Buffer.from(
    secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret,
    'base64',
  );

/** One Standard Webhooks `v1` signature of `body` sent as message `id` at `timestamp` (s). */
export const signWebhookPayload = (
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): string =>
  `v1,${createHmac('sha256', secretKeyBytes(secret))
    .update(`${id}.${String(timestamp)}.${body}`, 'utf8')
    .digest('base64')}`;

/** The three Standard Webhooks headers of one attempt, signed with every valid secret. */
export const buildWebhookHeaders = (
  secrets: readonly string[],
  id: string,
  sentAt: Date,
  body: string,
): Record<string, string> => {
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets
      .map((secret) => signWebhookPayload(secret, id, timestamp, body))
      .join(' '),
  };
};
