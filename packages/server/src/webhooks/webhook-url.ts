/**
 * Checks an endpoint URL when it is registered or changed, so that a mistake is reported at once
 * rather than as failed deliveries: an absolute `https` URL without credentials or fragment. When
 * the server allows private webhook targets (on-premises receivers, tests), `http` is accepted
 * for `localhost` and loopback or private IP literals only; otherwise loopback / private IP
 * literals and `localhost` are refused here. Host names are not resolved here (no DNS in a
 * request): the dispatcher's fetcher checks the addresses they resolve to at every attempt.
 */
import { isIP } from 'node:net';
import { isPublicAddress } from '@akashi/core';
import { ServerError, type FieldError } from '../http/server-error.js';

export interface WebhookUrlPolicy {
  readonly allowPrivateTargets: boolean;
}

const isLocalName = (hostname: string): boolean =>
  hostname === 'localhost' || hostname.endsWith('.localhost');

/** The URL as stored (`URL.href`), or the `ServerError` saying what is wrong with it. */
export const checkWebhookUrl = (
  text: string,
  policy: WebhookUrlPolicy,
  pointer = '/url',
): string => {
  const fields = (en: string, ja: string): readonly FieldError[] => [
    { in: 'body', path: pointer, message: { en, ja } },
  ];
  if (!URL.canParse(text)) {
    throw new ServerError('ERR_WEBHOOK_URL_INVALID', {
      fields: fields('is not an absolute URL', '絶対URLではありません'),
    });
  }
  const url = new URL(text);
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.hash !== '' ||
    text.includes('#')
  ) {
    throw new ServerError('ERR_WEBHOOK_URL_INVALID', {
      fields: fields(
        'must be https, without user name, password or fragment',
        'https で、ユーザー名・パスワード・フラグメントを含まないURLにしてください',
      ),
    });
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const privateHost = isLocalName(hostname) || (isIP(hostname) !== 0 && !isPublicAddress(hostname));
  if (privateHost && !policy.allowPrivateTargets) {
    throw new ServerError('ERR_WEBHOOK_URL_PRIVATE', {
      params: { host: hostname },
      fields: fields('points to a private address', 'プライベートアドレスを指しています'),
    });
  }
  if (url.protocol === 'http:' && !(privateHost && policy.allowPrivateTargets)) {
    throw new ServerError('ERR_WEBHOOK_URL_INSECURE', {
      fields: fields('must use https', 'https にしてください'),
    });
  }
  return url.href;
};
