/**
 * Sending one of the wallet's badges to a connected host (`upsertCredential`,
 * `POST {base}/ims/ob/v3p0/credentials`): a Data Integrity credential as `application/json`, a
 * VC-JWT as `text/plain` (the compact JWS). Only Open Badges 3.0 credentials can be sent. The
 * host answers 201 (new) or 200 (replaced or kept); a refusal is reported with the
 * `imsx_description` of its `Imsx_StatusInfo`.
 */
import { ServerError } from '../http/server-error.js';
import { OB3_SCOPES } from '../oauth/scopes.js';
import type { Database } from '../db/open-database.js';
import { readOwnWalletRow } from '../wallet/present-wallet-credential.js';
import {
  createAuthorisedCaller,
  requireConnected,
  type OpenConnection,
} from './connection-tokens.js';
import { hostPost, type HostAnswer } from './host-http.js';
import { OB3_API_PATH } from './read-service-description.js';
import type { ConnectionDeps } from './register-remote-host.js';

export interface PushOutcome {
  readonly status: 200 | 201;
  /** The credential's id, as sent. */
  readonly credentialId: string | null;
  readonly mediaType: 'application/json' | 'text/plain';
}

/** The body to send: the signed JSON when the credential has a proof, else its VC-JWT. */
const bodyOf = (credentialText: string, jwt: string | null, obVersion: number) => {
  if (obVersion !== 3) throw new ServerError('ERR_WALLET_CONNECTION_PUSH_UNSUPPORTED');
  const credential = JSON.parse(credentialText) as Record<string, unknown>;
  const id = typeof credential.id === 'string' ? credential.id : null;
  if (credential.proof !== undefined) {
    return { mediaType: 'application/json' as const, body: credentialText, id };
  }
  if (jwt !== null) return { mediaType: 'text/plain' as const, body: jwt, id };
  throw new ServerError('ERR_WALLET_CONNECTION_PUSH_UNSUPPORTED');
};

/** The `imsx_description` of a refusal, else a short reading of the answer. */
const descriptionOf = (answer: HostAnswer): string => {
  const json = answer.json as Record<string, unknown> | undefined;
  const text =
    typeof json?.imsx_description === 'string'
      ? json.imsx_description
      : typeof json?.error_description === 'string'
        ? json.error_description
        : answer.text.trim() === '' || json === undefined
          ? `HTTP ${String(answer.status)}`
          : JSON.stringify(json);
  return text.slice(0, 500);
};

export const pushToHost = async (
  deps: ConnectionDeps,
  db: Database,
  userId: string,
  connection: OpenConnection,
  credentialId: string,
): Promise<PushOutcome> => {
  requireConnected(connection);
  const row = await readOwnWalletRow(db, userId, credentialId);
  const { mediaType, body, id } = bodyOf(row.credential, row.credential_jwt, row.ob_version);
  if (!(connection.row.scope ?? '').split(' ').includes(OB3_SCOPES.credentialUpsert)) {
    throw new ServerError('ERR_WALLET_CONNECTION_SCOPE_MISSING', {
      params: { scope: OB3_SCOPES.credentialUpsert },
    });
  }
  const url = `${connection.host.base_url}${OB3_API_PATH}/credentials`;
  const call = createAuthorisedCaller(deps, connection);
  const answer = await call((token) =>
    hostPost(deps.http, url, { authorization: `Bearer ${token}`, 'content-type': mediaType }, body),
  );
  if (answer.status === 200 || answer.status === 201) {
    return { status: answer.status, credentialId: id, mediaType };
  }
  throw new ServerError('ERR_WALLET_CONNECTION_PUSH_REFUSED', {
    params: { status: answer.status, description: descriptionOf(answer) },
  });
};
