/**
 * Secrets the wallet keeps for its connections to other hosts — our client secret at a host
 * (`remote_hosts.client_secret`), a learner's access and refresh tokens and the PKCE verifier
 * while pending (`wallet_connections`) — encrypted at rest with AES-256-GCM under a key derived
 * (HKDF-SHA256) from the master key's encryption key (`keys/sealed-text.ts`, as webhook secrets
 * are), with their own derivation labels. The authenticated data binds
 * each ciphertext to its row and column, so a value copied elsewhere does not decrypt. The text
 * stored is `<master key id>:<base64(IV ‖ ciphertext ‖ tag)>`: a wrong master key is told apart
 * from damage.
 */
import { ServerError } from '../http/server-error.js';
import type { MasterKey } from '../keys/master-key.js';
import { createTextSealer } from '../keys/sealed-text.js';

const sealer = createTextSealer({
  salt: 'akashi wallet connection secrets',
  info: 'akashi/wallet-connection-secrets/aes-256-gcm/v1',
  aad: 'akashi/wallet-connection-secret/v1',
});

/** Which secret a ciphertext holds: part of the authenticated data. */
export type SecretSlot = 'client_secret' | 'code_verifier' | 'access_token' | 'refresh_token';

/** Encrypts `secret` for the column `slot` of row `rowId`. */
export const sealSecret = (
  masterKey: MasterKey,
  rowId: string,
  slot: SecretSlot,
  secret: string,
): string => `${masterKey.id}:${sealer.seal(masterKey, [rowId, slot], secret)}`;

/**
 * Decrypts what `sealSecret` made; `ERR_WALLET_CONNECTION_SECRET_UNREADABLE` when it was made
 * under another master key, altered, or copied from another row or column.
 */
export const openSecret = (
  masterKey: MasterKey,
  rowId: string,
  slot: SecretSlot,
  stored: string,
): string => {
  const split = stored.lastIndexOf(':');
  if (split < 0 || stored.slice(0, split) !== masterKey.id) {
    throw new ServerError('ERR_WALLET_CONNECTION_SECRET_UNREADABLE');
  }
  try {
    return sealer.open(masterKey, [rowId, slot], stored.slice(split + 1));
  } catch (cause) {
    throw new ServerError('ERR_WALLET_CONNECTION_SECRET_UNREADABLE', { cause });
  }
};
