/**
 * Webhook endpoints of an organisation, under /api/v1/organisations/:organisationId/webhooks:
 * org admins (and API keys with `webhooks:manage`) register, change, disable and delete
 * endpoints, rotate their signing secret, send a test ping, read the delivery log and redeliver.
 * Every change is audited; the secret is shown once, at creation and at rotation.
 *
 * The plugin also runs the dispatcher (`webhook-dispatcher.ts`) in this process: started when the
 * app is ready, stopped (waiting for the attempts in flight, at most the 10 s deadline) when it
 * closes. Tests mount `createWebhookRoutes({ fetcher, … })` to post to a loopback server.
 */
import { Type } from '@sinclair/typebox';
import type { AppContext, RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import type { MasterKey } from '../keys/master-key.js';
import { OrganisationIdParams } from '../organisations/organisation-schemas.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import { listWebhookDeliveries, readWebhookDelivery } from './list-webhook-deliveries.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  readWebhookEndpoint,
  redeliverWebhookDelivery,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhookEndpoint,
} from './manage-webhooks.js';
import { createWebhookDispatcher, type WebhookDispatcherOptions } from './webhook-dispatcher.js';
import { createWebhookFetcher, type WebhookFetcher } from './webhook-fetcher.js';
import {
  CreateWebhookBody,
  UpdateWebhookBody,
  WebhookDeliveryPage,
  WebhookDeliveryParams,
  WebhookDeliveryQuery,
  WebhookDeliverySchema,
  WebhookEndpointList,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookParams,
} from './webhook-schemas.js';

export interface WebhookRouteOptions {
  /** Default: the guarded `createWebhookFetcher` with the private-target setting below. */
  readonly fetcher?: WebhookFetcher;
  /** Default: `context.masterKey` once the app context carries it. */
  readonly masterKey?: MasterKey;
  /** Accept and send to loopback / private targets (default: `config.webhookAllowPrivateTargets`). */
  readonly allowPrivateTargets?: boolean;
  /** false: do not run the dispatcher in this app (tests drive one themselves). Default true. */
  readonly dispatch?: boolean;
  /** Passed on to the dispatcher. */
  readonly dispatcher?: Pick<
    WebhookDispatcherOptions,
    'pollIntervalMs' | 'batchSize' | 'retrySchedule' | 'random'
  >;
}

/** The master key and the private-target switch (`AKASHI_WEBHOOK_ALLOW_PRIVATE`). */
const readContextSettings = (
  context: AppContext,
): { masterKey: MasterKey | undefined; allowPrivateTargets: boolean } => ({
  masterKey: context.masterKey,
  allowPrivateTargets: context.config.webhookAllowPrivateTargets,
});

const TAGS = ['webhooks'];
const PATH = '/organisations/:organisationId/webhooks';
const ONE = `${PATH}/:webhookId`;

export const createWebhookRoutes =
  (options: WebhookRouteOptions = {}): RoutePlugin =>
  (app, context) => {
    const { db, clock } = context;
    const settings = readContextSettings(context);
    const masterKey = options.masterKey ?? settings.masterKey;
    const policy = {
      allowPrivateTargets: options.allowPrivateTargets ?? settings.allowPrivateTargets,
    };
    const requireMasterKey = (): MasterKey => {
      if (masterKey === undefined) throw new ServerError('ERR_WEBHOOK_UNAVAILABLE');
      return masterKey;
    };

    if (options.dispatch !== false && masterKey !== undefined) {
      const dispatcher = createWebhookDispatcher({
        db,
        masterKey,
        clock,
        log: app.log,
        fetcher:
          options.fetcher ??
          createWebhookFetcher({ allowPrivateTargets: policy.allowPrivateTargets }),
        ...options.dispatcher,
      });
      app.addHook('onReady', async () => {
        dispatcher.start();
        return Promise.resolve();
      });
      app.addHook('onClose', async () => {
        await dispatcher.stop();
      });
    }

    app.get(
      PATH,
      {
        schema: {
          summary: "List an organisation's webhook endpoints (org admins, webhooks:manage)",
          tags: TAGS,
          operationId: 'listWebhooks',
          params: OrganisationIdParams,
          response: { 200: WebhookEndpointList },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        await authorizeRequest(db, request.actor, 'webhook.manage', { organisationId });
        return { webhooks: await listWebhookEndpoints(db, organisationId) };
      },
    );

    app.post(
      PATH,
      {
        schema: {
          summary: 'Register a webhook endpoint; the signing secret is shown once (audited)',
          tags: TAGS,
          operationId: 'createWebhook',
          params: OrganisationIdParams,
          body: CreateWebhookBody,
          response: { 201: WebhookEndpointWithSecretSchema },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params;
        await authorizeRequest(db, request.actor, 'webhook.manage', { organisationId });
        const { endpoint, secret } = await createWebhookEndpoint(
          db,
          requireMasterKey(),
          policy,
          organisationId,
          {
            url: request.body.url,
            events: request.body.events,
            ...(request.body.description === undefined
              ? {}
              : { description: request.body.description }),
          },
          originOf(request, clock),
        );
        return reply.code(201).send({ webhook: endpoint, secret });
      },
    );

    app.get(
      ONE,
      {
        schema: {
          summary: 'Read a webhook endpoint',
          tags: TAGS,
          operationId: 'getWebhook',
          params: WebhookParams,
          response: { 200: WebhookEndpointSchema },
        },
      },
      async (request) => {
        const { organisationId, webhookId } = request.params;
        await authorizeRequest(db, request.actor, 'webhook.manage', { organisationId });
        return readWebhookEndpoint(db, organisationId, webhookId);
      },
    );

    app.patch(
      ONE,
      {
        schema: {
          summary: 'Change, disable or enable a webhook endpoint (audited)',
          tags: TAGS,
          operationId: 'updateWebhook',
          params: WebhookParams,
          body: UpdateWebhookBody,
          response: { 200: WebhookEndpointSchema },
        },
      },
      async (request) => {
        const { organisationId, webhookId } = request.params;
        await authorizeRequest(db, request.actor, 'webhook.manage', { organisationId });
        const { url, description, events, active } = request.body;
        return updateWebhookEndpoint(
          db,
          policy,
          organisationId,
          webhookId,
          {
            ...(url === undefined ? {} : { url }),
            ...(description === undefined ? {} : { description }),
            ...(events === undefined ? {} : { events }),
            ...(active === undefined ? {} : { active }),
          },
          originOf(request, clock),
        );
      },
    );

    app.delete(
      ONE,
      {
        schema: {
          summary: 'Delete a webhook endpoint: nothing more is sent; its delivery log stays',
          tags: TAGS,
          operationId: 'deleteWebhook',
          params: WebhookParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        const { organisationId, webhookId } = request.params;
        await authorizeRequest(db, request.actor, 'webhook.manage', { organisationId });
        await deleteWebhookEndpoint(db, organisationId, webhookId, originOf(request, clock));
        return reply.code(204).send(null);
      },
    );

    app.post(
      `${ONE}/rotate-secret`,
      {
        schema: {
          summary:
            'Replace the signing secret; the old one also signs for 24 hours (shown once; audited)',
          tags: TAGS,
          operationId: 'rotateWebhookSecret',
          params: WebhookParams,
          response: { 200: WebhookEndpointWithSecretSchema },
        },
      },
      async (request) => {
        const { organisationId, webhookId } = request.params;
        await authorizeRequest(db, request.actor, 'webhook.manage', { organisationId });
        const { endpoint, secret } = await rotateWebhookSecret(
          db,
          requireMasterKey(),
          organisationId,
          webhookId,
          originOf(request, clock),
        );
        return { webhook: endpoint, secret };
      },
    );

    app.post(
      `${ONE}/test`,
      {
        schema: {
          summary: 'Queue a webhook.test ping to this endpoint (audited)',
          tags: TAGS,
          operationId: 'testWebhook',
          params: WebhookParams,
          response: { 202: WebhookDeliverySchema },
        },
      },
      async (request, reply) => {
        const { organisationId, webhookId } = request.params;
        await authorizeRequest(db, request.actor, 'webhook.manage', { organisationId });
        const id = await sendWebhookTest(db, organisationId, webhookId, originOf(request, clock));
        return reply.code(202).send(await readWebhookDelivery(db, webhookId, id));
      },
    );

    app.get(
      `${ONE}/deliveries`,
      {
        schema: {
          summary: "A webhook endpoint's delivery log, newest first",
          tags: TAGS,
          operationId: 'listWebhookDeliveries',
          params: WebhookParams,
          querystring: WebhookDeliveryQuery,
          response: { 200: WebhookDeliveryPage },
        },
      },
      async (request) => {
        const { organisationId, webhookId } = request.params;
        await authorizeRequest(db, request.actor, 'webhook.manage', { organisationId });
        await readWebhookEndpoint(db, organisationId, webhookId);
        const { state, limit, cursor } = request.query;
        return listWebhookDeliveries(db, webhookId, {
          ...(state === undefined ? {} : { state }),
          ...(limit === undefined ? {} : { limit }),
          ...(cursor === undefined ? {} : { cursor }),
        });
      },
    );

    app.post(
      `${ONE}/deliveries/:deliveryId/redeliver`,
      {
        schema: {
          summary: 'Send a logged delivery again, as a new delivery of the same event (audited)',
          tags: TAGS,
          operationId: 'redeliverWebhookDelivery',
          params: WebhookDeliveryParams,
          response: { 202: WebhookDeliverySchema },
        },
      },
      async (request, reply) => {
        const { organisationId, webhookId, deliveryId } = request.params;
        await authorizeRequest(db, request.actor, 'webhook.manage', { organisationId });
        const id = await redeliverWebhookDelivery(
          db,
          organisationId,
          webhookId,
          deliveryId,
          originOf(request, clock),
        );
        return reply.code(202).send(await readWebhookDelivery(db, webhookId, id));
      },
    );
  };

/** The routes as mounted in `route-modules.ts`: settings from the app context. */
export const registerWebhookRoutes: RoutePlugin = createWebhookRoutes();
