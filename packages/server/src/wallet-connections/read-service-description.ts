/**
 * Finding out how to talk to another Open Badges 3.0 host (PROTOCOLS.md §1.3): the base URL the
 * learner typed, normalised (https, no query or fragment, no trailing slash, no trailing
 * `/ims/ob/v3p0[/discovery]`), then its service description (`GET {base}/ims/ob/v3p0/discovery`,
 * cached by the guarded fetcher as its headers allow) read for the OAuth 2.0 authorization-code
 * security scheme: the registration URL (`x-imssf-registrationUrl`), the authorization and token
 * URLs, the refresh URL and the scopes, every URL absolute and https (unless the host is one of
 * `AKASHI_FETCH_ALLOW_HOSTS`). A revocation URL is read when the scheme carries one
 * (`x-imssf-revocationUrl`); RFC 8414 metadata is asked for it when the learner disconnects.
 */
import { ServerError } from '../http/server-error.js';
import { hostGet, HostTransportError, isAllowedTarget, type HostHttp } from './host-http.js';

export const OB3_API_PATH = '/ims/ob/v3p0';

export interface ServiceDescription {
  /** The host's name (`x-imssf-name` of the scheme, else `info.title`). */
  readonly name: string | null;
  readonly registrationUrl: string;
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly refreshUrl: string | null;
  readonly revocationUrl: string | null;
  readonly scopes: readonly string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalidBase = (cause?: unknown) =>
  new ServerError('ERR_WALLET_CONNECTION_BASE_URL_INVALID', cause === undefined ? {} : { cause });

/** The host's base URL as stored in `remote_hosts.base_url`. */
export const normaliseBaseUrl = (input: string, allowHosts: readonly string[]): string => {
  let text = input.trim();
  if (text === '' || /\s/.test(text)) throw invalidBase();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  if (!URL.canParse(text)) throw invalidBase();
  const url = new URL(text);
  if (!isAllowedTarget(url, allowHosts) || url.hostname === '') throw invalidBase();
  let path = url.pathname.replace(/\/+$/, '');
  for (const suffix of [`${OB3_API_PATH}/discovery`, OB3_API_PATH]) {
    if (path.toLowerCase().endsWith(suffix)) {
      path = path.slice(0, -suffix.length).replace(/\/+$/, '');
      break;
    }
  }
  return `${url.origin}${path}`;
};

/** The description is unusable: `field` is missing or not what the spec requires. */
const problem = (field: string) =>
  new ServerError('ERR_WALLET_CONNECTION_DISCOVERY_INVALID', { params: { field } });

const readUrl = (
  scheme: Json,
  holder: Json,
  name: string,
  allowHosts: readonly string[],
  required: boolean,
): string | null => {
  const value = holder[name] ?? (holder === scheme ? undefined : scheme[name]);
  if (value === undefined || value === null || value === '') {
    if (required) throw problem(name);
    return null;
  }
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw problem(name);
  }
  if (!isAllowedTarget(new URL(value), allowHosts)) {
    throw problem(name);
  }
  return value;
};

/** The OAuth 2.0 scheme with an authorization-code flow (`OAuth2ACG` by the spec's name). */
const findScheme = (document: Json): { scheme: Json; flow: Json } => {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const ordered = [
    schemes.OAuth2ACG,
    ...Object.entries(schemes)
      .filter(([name]) => name !== 'OAuth2ACG')
      .map(([, scheme]) => scheme),
  ];
  for (const scheme of ordered) {
    if (!isObject(scheme) || scheme.type !== 'oauth2' || !isObject(scheme.flows)) continue;
    const flow = scheme.flows.authorizationCode;
    if (isObject(flow)) return { scheme, flow };
  }
  throw problem('components.securitySchemes.OAuth2ACG.flows.authorizationCode');
};

/** Reads a service description (already parsed JSON). */
export const parseServiceDescription = (
  document: unknown,
  allowHosts: readonly string[],
): ServiceDescription => {
  if (!isObject(document)) throw problem('(document)');
  const { scheme, flow } = findScheme(document);
  const scopes = isObject(flow.scopes) ? Object.keys(flow.scopes) : [];
  if (scopes.length === 0) throw problem('flows.authorizationCode.scopes');
  const info = isObject(document.info) ? document.info : {};
  const name =
    typeof scheme['x-imssf-name'] === 'string'
      ? scheme['x-imssf-name']
      : typeof info.title === 'string'
        ? info.title
        : null;
  const registrationUrl = readUrl(scheme, scheme, 'x-imssf-registrationUrl', allowHosts, true);
  const authorizationUrl = readUrl(scheme, flow, 'authorizationUrl', allowHosts, true);
  const tokenUrl = readUrl(scheme, flow, 'tokenUrl', allowHosts, true);
  if (registrationUrl === null || authorizationUrl === null || tokenUrl === null) {
    throw problem('tokenUrl');
  }
  return {
    name: name === null ? null : name.slice(0, 200),
    registrationUrl,
    authorizationUrl,
    tokenUrl,
    refreshUrl: readUrl(scheme, flow, 'refreshUrl', allowHosts, false),
    revocationUrl: readUrl(scheme, flow, 'x-imssf-revocationUrl', allowHosts, false),
    scopes,
  };
};

/** GETs and reads the service description of the host at `baseUrl` (normalised). */
export const readServiceDescription = async (
  http: HostHttp,
  baseUrl: string,
): Promise<{ readonly description: ServiceDescription; readonly document: unknown }> => {
  let answer;
  try {
    answer = await hostGet(http, `${baseUrl}${OB3_API_PATH}/discovery`);
  } catch (error) {
    if (error instanceof HostTransportError) {
      throw new ServerError('ERR_WALLET_CONNECTION_HOST_UNREACHABLE', {
        params: { reason: error.reason },
        cause: error,
      });
    }
    throw error;
  }
  const looksLikeOpenApi =
    isObject(answer.json) &&
    (typeof answer.json.openapi === 'string' || 'components' in answer.json);
  if (answer.status !== 200 || !looksLikeOpenApi) {
    throw new ServerError('ERR_WALLET_CONNECTION_NOT_OB_HOST', {
      params: { status: answer.status },
    });
  }
  return {
    description: parseServiceDescription(answer.json, http.allowHosts),
    document: answer.json,
  };
};
