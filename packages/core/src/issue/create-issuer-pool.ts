/**
 * Bulk Data Integrity issuance on worker threads: each worker imports the key once and keeps
 * its own compiled shapes, and batches travel in chunks so that messaging stays cheap.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { SigningKey } from '../keys/index.js';
import type {
  PoolRequest,
  PoolResponse,
  PoolResult,
  PoolWorkerData,
} from './issuer-pool-protocol.js';

export interface CreateIssuerPoolOptions {
  readonly key: SigningKey;
  readonly verificationMethod?: string;
  /** Worker threads; default: the number of CPUs. */
  readonly workers?: number;
  /** Credentials per message to a worker (default 64). */
  readonly chunkSize?: number;
  /**
   * Heap limits of each worker (Node's `resourceLimits`), so that a long bulk run keeps its
   * memory bounded: a worker collects garbage at its limit instead of growing (default: Node's).
   */
  readonly resourceLimits?: ResourceLimits;
}

export interface IssueManyOptions {
  readonly created?: string | false;
}

export interface IssuerPool {
  /** Issues every credential; results come back in input order, failures as `{ ok: false }`. */
  issueMany(
    credentials: readonly Record<string, unknown>[],
    options?: IssueManyOptions,
  ): Promise<PoolResult[]>;
  close(): Promise<void>;
}

// Built code runs the built worker; the TypeScript sources (under tests) load it through tsx.
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './issue-worker.ts' : './issue-worker.js', import.meta.url);

const startWorker = (workerData: PoolWorkerData, resourceLimits?: ResourceLimits): Worker =>
  fromSource
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`,
        { eval: true, workerData, ...(resourceLimits === undefined ? {} : { resourceLimits }) },
      )
    : new Worker(workerUrl, {
        workerData,
        ...(resourceLimits === undefined ? {} : { resourceLimits }),
      });

export const createIssuerPool = (options: CreateIssuerPoolOptions): IssuerPool => {
  const count = Math.max(1, options.workers ?? availableParallelism());
  const chunkSize = options.chunkSize ?? 64;
  const data: PoolWorkerData = {
    pkcs8: new Uint8Array(options.key.privateKey.export({ format: 'der', type: 'pkcs8' })),
    keyType: options.key.type,
    kid: options.key.kid,
    ...(options.verificationMethod === undefined
      ? {}
      : { verificationMethod: options.verificationMethod }),
  };
  const pending = new Map<
    number,
    { resolve: (r: PoolResult[]) => void; reject: (e: unknown) => void }
  >();
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker(data, options.resourceLimits);
    worker.on('message', (response: PoolResponse) => {
      pending.get(response.id)?.resolve(response.results);
      pending.delete(response.id);
    });
    worker.on('error', (error) => {
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    });
    return worker;
  });
  let nextId = 0;
  let nextWorker = 0;

  const send = (credentials: Record<string, unknown>[], created: string | false | undefined) =>
    new Promise<PoolResult[]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: PoolRequest = {
        id,
        credentials,
        ...(created === undefined ? {} : { created }),
      };
      const worker = workers[nextWorker++ % workers.length] as Worker;
      worker.postMessage(request);
    });

  return {
    async issueMany(credentials, issueOptions = {}) {
      const chunks: Promise<PoolResult[]>[] = [];
      for (let start = 0; start < credentials.length; start += chunkSize) {
        chunks.push(send(credentials.slice(start, start + chunkSize), issueOptions.created));
      }
      return (await Promise.all(chunks)).flat();
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
};
