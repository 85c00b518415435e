/**
 * The outbound POST of a webhook delivery: the core's guarded POST (`createGuardedPoster`, the
 * same SSRF policy as every other outbound request of the platform) under the webhook names the
 * dispatcher uses.
 */
import {
  createGuardedPoster,
  GUARDED_POST_TIMEOUT_MS,
  GuardedPostError,
  type GuardedPost,
  type GuardedPostFailure,
  type GuardedPosterOptions,
  type GuardedPostRequest,
  type GuardedPostResponse,
} from '@akashi/core';

export const WEBHOOK_TIMEOUT_MS = GUARDED_POST_TIMEOUT_MS;
export type WebhookRequest = GuardedPostRequest;
export type WebhookResponse = GuardedPostResponse;
/** POSTs one delivery; resolves with any HTTP status, rejects with `WebhookTransportError`. */
export type WebhookFetcher = GuardedPost;
export type WebhookTransportFailure = GuardedPostFailure;
export const WebhookTransportError = GuardedPostError;
export type WebhookTransportError = GuardedPostError;
export type WebhookFetcherOptions = GuardedPosterOptions;
export const createWebhookFetcher: (options?: WebhookFetcherOptions) => WebhookFetcher =
  createGuardedPoster;
