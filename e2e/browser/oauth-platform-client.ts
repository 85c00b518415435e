/**
 * What the consent page's browser test does over plain HTTP against the running platform, as
 * any other client would: a learner signs up through the JSON API and confirms the address from
 * the e-mail; an application registers itself (`POST /oauth/register`, RFC 7591); the
 * application exchanges a code for tokens (`POST /oauth/token` with HTTP Basic and PKCE).
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { PlatformProcess } from './platform-process.js';
import type { SmtpSink } from './smtp-sink.js';

export interface Learner {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

const postJson = (url: string, body: unknown): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });

/** Signs the learner up and confirms the address with the token the e-mail carries. */
export const signUpLearner = async (
  platform: PlatformProcess,
  smtp: SmtpSink,
  learner: Learner,
): Promise<void> => {
  const signUp = await postJson(`${platform.url}/api/v1/accounts`, {
    email: learner.email,
    password: learner.password,
    displayName: learner.name,
    locale: 'ja',
  });
  assert.equal(signUp.status, 202, await signUp.text());
  const link = new URL(await smtp.waitForLink(learner.email, '/verify-email?token='));
  const verified = await postJson(`${platform.url}/api/v1/accounts/verify-email`, {
    token: link.searchParams.get('token'),
  });
  assert.equal(verified.status, 204, await verified.text());
};

export interface RegisteredApplication {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Registers an application whose every address is on the receiver's host. */
export const registerApplication = async (
  platform: PlatformProcess,
  options: { readonly name: string; readonly origin: string; readonly redirectUri: string },
): Promise<RegisteredApplication> => {
  const response = await postJson(`${platform.url}/oauth/register`, {
    client_name: options.name,
    client_uri: `${options.origin}/`,
    logo_uri: `${options.origin}/logo.png`,
    tos_uri: `${options.origin}/terms`,
    policy_uri: `${options.origin}/privacy`,
    software_id: 'e2e-portfolio',
    software_version: '2.1.0',
    redirect_uris: [options.redirectUri],
    scope: [
      'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
      'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly',
      'offline_access',
    ].join(' '),
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  });
  const body = (await response.json()) as { client_id: string; client_secret: string };
  assert.equal(response.status, 201, JSON.stringify(body));
  return { clientId: body.client_id, clientSecret: body.client_secret };
};

export interface AuthorizationRequest {
  readonly url: string;
  readonly state: string;
  readonly verifier: string;
}

/** An authorization URL (PKCE S256, a fresh state) for the application. */
export const authorizationRequest = (
  platform: PlatformProcess,
  application: RegisteredApplication,
  redirectUri: string,
  scope: string,
): AuthorizationRequest => {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: application.clientId,
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  return { url: `${platform.url}/oauth/authorize?${query.toString()}`, state, verifier };
};

/** The token endpoint's answer for a code (HTTP Basic client authentication). */
export const exchangeCode = async (
  platform: PlatformProcess,
  application: RegisteredApplication,
  options: { readonly code: string; readonly redirectUri: string; readonly verifier: string },
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const basic = Buffer.from(
    `${encodeURIComponent(application.clientId)}:${encodeURIComponent(application.clientSecret)}`,
  ).toString('base64');
  const response = await fetch(`${platform.url}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${basic}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: options.code,
      redirect_uri: options.redirectUri,
      code_verifier: options.verifier,
    }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
