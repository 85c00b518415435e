/**
 * Test support: a loopback HTTP server standing in for a remote issuer (a did:web DID document,
 * status and revocation lists, JSON Schemas, refreshed credentials), reached through Akashi's
 * guarded fetcher. Credentials name `https://127.0.0.1:<port>/…` (did:web is always https); the
 * test `FetchDocument` rewrites those URLs to plain http and lets the guarded fetcher reach only
 * the loopback hosts it is told about, so no test touches the network.
 */
import { randomUUID } from 'node:crypto';
import { createGuardedFetcher } from '../fetch/create-guarded-fetcher.js';
import type { FetchDocument } from '../fetch/fetch-document.js';
import { startLoopbackServer } from '../fetch/start-loopback-server.js';
import { addDataIntegrityProof } from '../issue/index.js';
import { buildDidWebDocument, generateSigningKey, type SigningKey } from '../keys/index.js';

type Json = Record<string, unknown>;

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_EXTENSIONS = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';

interface Served {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

export interface LoopbackHost {
  /** `https://127.0.0.1:<port>`, as URLs are written in credentials. */
  readonly origin: string;
  /** The did:web of the issuer this host plays, whose key is `key` (`#key-1`). */
  readonly did: string;
  readonly key: SigningKey;
  /** Paths requested so far, in order. */
  readonly requests: string[];
  /** Reaches this host and `CLOSED_ORIGIN`, nothing else. */
  readonly fetchDocument: FetchDocument;
  serveJson(path: string, body: unknown): void;
  serveText(path: string, body: string, type?: string): void;
  serveStatus(path: string, status: number): void;
  /** Signs `document` with the host's key (eddsa-rdfc-2022). */
  sign(document: Json): Promise<Json>;
  close(): Promise<void>;
}

/** A loopback origin where nothing listens: fetching it fails at the transport level. */
export const CLOSED_ORIGIN = 'https://127.0.0.1:1';

export const startLoopbackHost = async (): Promise<LoopbackHost> => {
  const served = new Map<string, Served>();
  const server = await startLoopbackServer((request, response) => {
    const document = served.get(request.url ?? '') ?? {
      status: 404,
      type: 'text/plain',
      body: 'not found',
    };
    response.writeHead(document.status, { 'content-type': document.type });
    response.end(document.body);
  });
  const guarded = createGuardedFetcher({
    allowHosts: [server.host, '127.0.0.1:1'],
    cacheTtlMs: 0,
    timeoutMs: 5_000,
  });
  const did = `did:web:${server.host.replace(':', '%3A')}`;
  const key = generateSigningKey('ed25519', { kid: 'key-1' });
  const serveJson = (path: string, body: unknown) =>
    served.set(path, { status: 200, type: 'application/json', body: JSON.stringify(body) });
  serveJson('/.well-known/did.json', buildDidWebDocument({ did, keys: [key] }));
  return {
    origin: `https://${server.host}`,
    did,
    key,
    get requests() {
      return server.seen.map((request) => request.url ?? '');
    },
    fetchDocument: (url, options) =>
      guarded.fetchDocument(url.replace(/^https:\/\/127\.0\.0\.1:/, 'http://127.0.0.1:'), options),
    serveJson,
    serveText: (path, body, type = 'text/plain') => served.set(path, { status: 200, type, body }),
    serveStatus: (path, status) =>
      served.set(path, { status, type: 'text/plain', body: `HTTP ${String(status)}` }),
    sign: (document) =>
      addDataIntegrityProof(document, { key, verificationMethod: `${did}#key-1` }),
    close: server.close,
  };
};

/** An unsigned OpenBadgeCredential from `issuer`, with `extra` members merged in. */
export const makeBadge = (issuer: string, extra: Json = {}): Json => ({
  '@context': [VC_V2, OB_CONTEXT],
  id: `urn:uuid:${randomUUID()}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: '情報リテラシー修了証',
  issuer: { id: issuer, type: ['Profile'], name: '証大学' },
  validFrom: '2026-04-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:learner',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://akashi.example.ac.jp/achievements/1',
      type: ['Achievement'],
      name: '情報リテラシー',
      description: '情報の扱い方の基礎',
      criteria: { narrative: '課題を提出すること' },
    },
  },
  ...extra,
});

/** The same, with the extensions context its 1EdTech types need (P1). */
export const makeExtendedBadge = (issuer: string, extra: Json = {}): Json =>
  makeBadge(issuer, { '@context': [VC_V2, OB_CONTEXT, OB_EXTENSIONS], ...extra });

/** An unsigned EndorsementCredential from `endorser` about `subject`. */
export const makeEndorsement = (endorser: string, subject: string, extra: Json = {}): Json => ({
  '@context': [VC_V2, OB_CONTEXT],
  id: `urn:uuid:${randomUUID()}`,
  type: ['VerifiableCredential', 'EndorsementCredential'],
  name: '推薦',
  issuer: { id: endorser, type: ['Profile'], name: '推薦者' },
  validFrom: '2026-04-01T00:00:00Z',
  credentialSubject: {
    id: subject,
    type: ['EndorsementSubject'],
    endorsementComment: '優れた取り組みです。',
  },
  ...extra,
});
