/** Worker thread of the issuer pool: imports the key once, then signs batches on request. */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { createCanonizer } from '../canon/index.js';
import type { SigningKey } from '../keys/index.js';
import { issueCredential } from './issue-credential.js';
import type { PoolRequest, PoolResponse, PoolWorkerData } from './issuer-pool-protocol.js';

const data = workerData as PoolWorkerData;
const privateKey = createPrivateKey({ key: Buffer.from(data.pkcs8), format: 'der', type: 'pkcs8' });
const key = {
  type: data.keyType,
  kid: data.kid,
  privateKey,
  publicKey: createPublicKey(privateKey),
} as unknown as SigningKey;
const canonizer = createCanonizer();

parentPort?.on('message', (request: PoolRequest) => {
  void (async () => {
    const results: PoolResponse['results'] = [];
    for (const credential of request.credentials) {
      try {
        const issued = await issueCredential(credential, {
          key,
          canonizer,
          ...(data.verificationMethod === undefined
            ? {}
            : { verificationMethod: data.verificationMethod }),
          ...(request.created === undefined ? {} : { created: request.created }),
        });
        results.push({ ok: true, credential: issued.credential });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        results.push({
          ok: false,
          code: typeof code === 'string' ? code : 'ERR_ISSUE_FAILED',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    const response: PoolResponse = { id: request.id, results };
    parentPort?.postMessage(response);
  })();
});
