/**
 * Test support: a Cloud Signature Consortium API v2 stand-in on loopback holding one key (from
 * a test PKCS#12). It answers `credentials/info`, `credentials/authorize` and
 * `signatures/signHash`, checks the bearer token, the OIDs and that each hash is exactly 32
 * bytes, and records every request body. `mode` injects failures.
 */
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- test-only loopback server
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readPkcs12 } from '../../src/signers/read-pkcs12.js';
import { createKeySigner } from '../../src/signers/create-pkcs12-signer.js';
import { decodeEcdsaSignature } from '../../src/signers/ecdsa-p256.js';

export type CscMode = 'ok' | 'server-error' | 'malformed-json' | 'raw-ecdsa' | 'wrong-signature';

export interface MockCsc {
  readonly baseUrl: string;
  /** Every request: path and parsed JSON body. */
  readonly seen: { path: string; body: Record<string, unknown>; bytes: number }[];
  mode: CscMode;
  readonly close: () => Promise<void>;
}

export const startMockCsc = async (options: {
  readonly p12: Uint8Array;
  readonly password: string;
  readonly token: string;
  readonly credentialID: string;
  readonly authMode?: 'implicit' | 'explicit';
  readonly pin?: string;
}): Promise<MockCsc> => {
  const { privateKey, certificates } = readPkcs12(options.p12, options.password);
  const signer = createKeySigner(privateKey, certificates);
  const seen: MockCsc['seen'] = [];
  const state = { mode: 'ok' as CscMode };
  const json = (response: ServerResponse, status: number, body: unknown): void => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const handle = async (path: string, body: Record<string, unknown>, response: ServerResponse) => {
    if (state.mode === 'server-error') {
      json(response, 503, { error: 'temporarily_unavailable', error_description: 'HSM busy' });
      return;
    }
    if (state.mode === 'malformed-json') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"signatures": [');
      return;
    }
    if (body.credentialID !== options.credentialID) {
      json(response, 400, { error: 'invalid_request', error_description: 'unknown credentialID' });
      return;
    }
    if (path === '/csc/v2/credentials/info') {
      json(response, 200, {
        key: {
          status: 'enabled',
          algo: [
            signer.algorithm === 'rsa-pkcs1-sha256' ? '1.2.840.113549.1.1.1' : '1.2.840.10045.2.1',
          ],
        },
        cert: {
          status: 'valid',
          certificates: (await signer.certificates()).map((der) =>
            Buffer.from(der).toString('base64'),
          ),
        },
        auth: { mode: options.authMode ?? 'implicit' },
        SCAL: '1',
        multisign: 1,
      });
      return;
    }
    if (path === '/csc/v2/credentials/authorize') {
      const pin = (body.authData as { id: string; value: string }[] | undefined)?.[0]?.value;
      if (pin !== options.pin)
        json(response, 400, { error: 'invalid_request', error_description: 'bad PIN' });
      else json(response, 200, { SAD: 'sad-token', expiresIn: 60 });
      return;
    }
    if (path === '/csc/v2/signatures/signHash') {
      const hashes = body.hashes as unknown[];
      const expectedAlgo =
        signer.algorithm === 'rsa-pkcs1-sha256' ? '1.2.840.113549.1.1.1' : '1.2.840.10045.4.3.2';
      if (
        (options.authMode === 'explicit' && body.SAD !== 'sad-token') ||
        body.hashAlgorithmOID !== '2.16.840.1.101.3.4.2.1' ||
        body.signAlgo !== expectedAlgo ||
        !Array.isArray(hashes) ||
        hashes.some((hash) => typeof hash !== 'string' || Buffer.from(hash, 'base64').length !== 32)
      ) {
        json(response, 400, {
          error: 'invalid_request',
          error_description: 'bad signHash request',
        });
        return;
      }
      const signatures = await Promise.all(
        hashes.map(async (hash) => {
          const digest = Buffer.from(hash as string, 'base64');
          if (state.mode === 'wrong-signature') digest[0] = (digest[0] ?? 0) ^ 1;
          let signature = await signer.signDigest(digest);
          if (state.mode === 'raw-ecdsa') {
            // r‖s, 32 bytes each, as some services return.
            const parsed = decodeEcdsaSignature(signature);
            const hex = (n: bigint) => n.toString(16).padStart(64, '0');
            signature = Buffer.from(hex(parsed?.r ?? 0n) + hex(parsed?.s ?? 0n), 'hex');
          }
          return Buffer.from(signature).toString('base64');
        }),
      );
      json(response, 200, { signatures });
      return;
    }
    json(response, 404, { error: 'invalid_request', error_description: 'no such method' });
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        json(response, 400, { error: 'invalid_request' });
        return;
      }
      const path = request.url ?? '';
      seen.push({ path, body, bytes: raw.length });
      if (request.headers.authorization !== `Bearer ${options.token}`) {
        json(response, 401, {
          error: 'invalid_token',
          error_description: 'The access token is not valid',
        });
        return;
      }
      void handle(path, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    get mode() {
      return state.mode;
    },
    set mode(value: CscMode) {
      state.mode = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
