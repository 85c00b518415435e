/**
 * Test support: a small Open Badges 3.0 host on a loopback port, written from the spec for the
 * consumer's tests — service description, dynamic registration (RFC 7591), authorization with
 * mandatory `state` and PKCE S256 (the consent is given through `approve`, as a signed-in
 * learner would on the host's screen), token endpoint with HTTP Basic (code and refresh grants,
 * single-use codes, rotated refresh tokens), RFC 8414 metadata and revocation (RFC 7009), and
 * the API: `getCredentials` paged by `limit` with `Link` (relative `next` links on odd pages,
 * absolute on even ones), `upsertCredential` (201 new, 200 same id) and `getProfile`. Knobs make
 * it expire access tokens, refuse refreshes or upserts and answer busy. Not for production code.
 */
import { createHash, randomBytes } from 'node:crypto';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- a test stand-in for another host
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export const SCOPE_BASE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/';

export interface FakeHost {
  readonly origin: string;
  /** `127.0.0.1:<port>`, for `AKASHI_FETCH_ALLOW_HOSTS`. */
  readonly host: string;
  /** What `getCredentials` lists: objects go to `credential`, strings to `compactJwsString`. */
  credentials: unknown[];
  /** What the upserts stored, by credential id (or the JWS itself). */
  readonly stored: Map<string, { readonly mediaType: string; readonly body: string }>;
  readonly registrations: Json[];
  readonly tokenRequests: { readonly form: URLSearchParams; readonly authorization: string }[];
  readonly revoked: string[];
  /** Every request: method and path. */
  readonly seen: string[];
  pageSize: number;
  /** Answer 429 with Retry-After to the page of this offset (undefined: never). */
  busyAtOffset: number | undefined;
  refuseRefresh: boolean;
  refuseRegistration: boolean;
  /** Refuse every upsert with 400 and this `imsx_description` (undefined: accept). */
  refuseUpsert: string | undefined;
  /** The learner's consent on the host: the redirect with `code` and `state`, or an error. */
  approve(authorizationUrl: string, approve?: boolean): string;
  /** Makes every access token issued so far invalid (the host answers 401). */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const random = () => randomBytes(24).toString('base64url');

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });

/** Sends a JSON answer; true, so that a handler can `return send(…)`. */
const send = (response: ServerResponse, status: number, body: unknown, headers = {}): true => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
  return true;
};

const imsx = (description: string, minor: string) => ({
  imsx_codeMajor: 'failure',
  imsx_severity: 'error',
  imsx_description: description,
  imsx_codeMinor: {
    imsx_codeMinorField: [
      { imsx_codeMinorFieldName: 'sourcedId', imsx_codeMinorFieldValue: minor },
    ],
  },
});

export const startFakeHost = async (): Promise<FakeHost> => {
  const clients = new Map<string, { secret: string; redirectUris: string[] }>();
  const codes = new Map<
    string,
    { clientId: string; redirectUri: string; challenge: string; scope: string; used: boolean }
  >();
  const accessTokens = new Map<string, string>(); // token → scope
  const refreshTokens = new Map<string, string>();
  let origin = '';

  const authenticate = (request: IncomingMessage): string | undefined => {
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return undefined;
    const [id = '', secret = ''] = Buffer.from(header.slice(6), 'base64')
      .toString('utf8')
      .split(':')
      .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    return clients.get(id)?.secret === secret ? id : undefined;
  };

  const bearer = (request: IncomingMessage, response: ServerResponse): string | undefined => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const scope = token === undefined ? undefined : accessTokens.get(token);
    if (scope === undefined) {
      send(response, 401, imsx('The access token is not valid.', 'unauthorizedrequest'), {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
    }
    return scope;
  };

  const issueTokens = (scope: string) => {
    const access = random();
    const refresh = random();
    accessTokens.set(access, scope);
    refreshTokens.set(refresh, scope);
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: 3600,
      scope,
      refresh_token: refresh,
    };
  };

  const token = (form: URLSearchParams, clientId: string) => {
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      if (
        code === undefined ||
        code.used ||
        code.clientId !== clientId ||
        code.redirectUri !== form.get('redirect_uri') ||
        code.challenge !== sha256(form.get('code_verifier') ?? '')
      ) {
        return { status: 400, body: { error: 'invalid_grant' } };
      }
      code.used = true;
      return { status: 200, body: issueTokens(code.scope) };
    }
    if (grant === 'refresh_token') {
      const scope = refreshTokens.get(form.get('refresh_token') ?? '');
      if (scope === undefined || host.refuseRefresh) {
        return {
          status: 400,
          body: { error: 'invalid_grant', error_description: 'refresh token revoked' },
        };
      }
      refreshTokens.delete(form.get('refresh_token') ?? '');
      return { status: 200, body: issueTokens(scope) };
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  };

  const discovery = () => ({
    openapi: '3.0.1',
    info: {
      title: 'Fake OB Host',
      version: '1.0',
      termsOfService: `${origin}/tos`,
      'x-imssf-privacyPolicyUrl': `${origin}/privacy`,
    },
    components: {
      securitySchemes: {
        OAuth2ACG: {
          type: 'oauth2',
          'x-imssf-name': 'Fake OB Host',
          'x-imssf-registrationUrl': `${origin}/oauth/register`,
          flows: {
            authorizationCode: {
              authorizationUrl: `${origin}/oauth/authorize`,
              tokenUrl: `${origin}/oauth/token`,
              refreshUrl: `${origin}/oauth/token`,
              scopes: Object.fromEntries(
                [
                  'credential.readonly',
                  'credential.upsert',
                  'profile.readonly',
                  'profile.update',
                ].map((name) => [`${SCOPE_BASE}${name}`, name]),
              ),
            },
          },
        },
      },
    },
  });

  const credentialsPage = (url: URL, response: ServerResponse) => {
    const limit = host.pageSize;
    const offset = Number(url.searchParams.get('offset') ?? '0');
    if (host.busyAtOffset === offset) {
      send(response, 429, imsx('Too many requests.', 'server_busy'), { 'retry-after': '120' });
      return;
    }
    const page = host.credentials.slice(offset, offset + limit);
    const links = [
      `<${origin}/ims/ob/v3p0/credentials?limit=${String(limit)}&offset=0>; rel="first"`,
    ];
    if (offset + limit < host.credentials.length) {
      const next = `/ims/ob/v3p0/credentials?limit=${String(limit)}&offset=${String(offset + limit)}`;
      // Relative on odd pages, absolute on even ones: both must be followed.
      links.push(`<${(offset / limit) % 2 === 0 ? next : `${origin}${next}`}>; rel="next"`);
    }
    send(
      response,
      200,
      {
        credential: page.filter((item) => typeof item !== 'string'),
        compactJwsString: page.filter((item) => typeof item === 'string'),
      },
      { link: links.join(', '), 'x-total-count': String(host.credentials.length) },
    );
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<unknown> => {
    const url = new URL(request.url ?? '/', origin);
    const route = `${request.method ?? ''} ${url.pathname}`;
    host.seen.push(route);
    const body = request.method === 'POST' ? await readBody(request) : '';
    switch (route) {
      case 'GET /ims/ob/v3p0/discovery':
        return send(response, 200, discovery(), { 'cache-control': 'public, max-age=300' });
      case 'GET /.well-known/oauth-authorization-server':
        return send(response, 200, {
          issuer: origin,
          token_endpoint: `${origin}/oauth/token`,
          revocation_endpoint: `${origin}/oauth/revoke`,
        });
      case 'POST /oauth/register': {
        const metadata = JSON.parse(body) as Json;
        host.registrations.push(metadata);
        if (host.refuseRegistration) {
          return send(response, 400, {
            error: 'invalid_client_metadata',
            error_description: 'logo_uri is not reachable',
          });
        }
        const id = random();
        const secret = random();
        clients.set(id, { secret, redirectUris: metadata.redirect_uris as string[] });
        return send(response, 201, {
          ...metadata,
          client_id: id,
          client_secret: secret,
          client_id_issued_at: 0,
          client_secret_expires_at: 0,
        });
      }
      case 'POST /oauth/token': {
        const form = new URLSearchParams(body);
        host.tokenRequests.push({ form, authorization: request.headers.authorization ?? '' });
        const clientId = authenticate(request);
        if (clientId === undefined) return send(response, 401, { error: 'invalid_client' });
        const answer = token(form, clientId);
        return send(response, answer.status, answer.body, { 'cache-control': 'no-store' });
      }
      case 'POST /oauth/revoke': {
        if (authenticate(request) === undefined)
          return send(response, 401, { error: 'invalid_client' });
        const revoked = new URLSearchParams(body).get('token') ?? '';
        host.revoked.push(revoked);
        accessTokens.delete(revoked);
        refreshTokens.delete(revoked);
        return send(response, 200, undefined);
      }
      case 'GET /ims/ob/v3p0/credentials':
        if (bearer(request, response) !== undefined) credentialsPage(url, response);
        return undefined;
      case 'POST /ims/ob/v3p0/credentials': {
        const scope = bearer(request, response);
        if (scope === undefined) return undefined;
        if (!scope.includes(`${SCOPE_BASE}credential.upsert`)) {
          return send(response, 403, imsx('Insufficient scope.', 'forbidden'));
        }
        if (host.refuseUpsert !== undefined) {
          return send(response, 400, imsx(host.refuseUpsert, 'invalid_data'));
        }
        const type = request.headers['content-type'] ?? '';
        let key: string;
        if (type.startsWith('text/plain')) key = body.trim();
        else {
          const credential = JSON.parse(body) as Json;
          if (credential.proof === undefined) {
            return send(response, 400, imsx('The credential carries no proof.', 'invalid_data'));
          }
          key = String(credential.id);
        }
        const known = host.stored.has(key);
        host.stored.set(key, { mediaType: type, body });
        response.writeHead(known ? 200 : 201, { 'content-type': type });
        return response.end(body);
      }
      case 'GET /ims/ob/v3p0/profile':
        if (bearer(request, response) !== undefined) {
          send(response, 200, {
            id: 'https://1edtech.org/issuers/cert',
            type: ['Profile'],
            name: '山田 花子',
          });
        }
        return undefined;
      default:
        return send(response, 404, imsx('Not found.', 'not_found'));
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      send(response, 500, imsx('Internal error.', 'internal_server_error'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${String(port)}`;

  const host: FakeHost = {
    origin,
    host: `127.0.0.1:${String(port)}`,
    credentials: [],
    stored: new Map(),
    registrations: [],
    tokenRequests: [],
    revoked: [],
    seen: [],
    pageSize: 2,
    busyAtOffset: undefined,
    refuseRefresh: false,
    refuseRegistration: false,
    refuseUpsert: undefined,
    approve: (authorizationUrl, approve = true) => {
      const url = new URL(authorizationUrl);
      const p = (name: string) => url.searchParams.get(name) ?? '';
      const client = clients.get(p('client_id'));
      if (client === undefined || !client.redirectUris.includes(p('redirect_uri'))) {
        throw new Error('unknown client or redirect URI: the host shows an error, never redirects');
      }
      const back = new URL(p('redirect_uri'));
      back.searchParams.set('state', p('state'));
      if (
        p('state') === '' ||
        p('code_challenge_method') !== 'S256' ||
        p('response_type') !== 'code'
      ) {
        back.searchParams.set('error', 'invalid_request');
      } else if (!approve) back.searchParams.set('error', 'access_denied');
      else {
        const code = random();
        codes.set(code, {
          clientId: p('client_id'),
          redirectUri: p('redirect_uri'),
          challenge: p('code_challenge'),
          scope: p('scope'),
          used: false,
        });
        back.searchParams.set('code', code);
      }
      return back.href;
    },
    expireAccessTokens: () => {
      accessTokens.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
  return host;
};
