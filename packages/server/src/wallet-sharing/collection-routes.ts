/**
 * The learner's collections, under /api/v1 (signed-in session; API keys act for organisations,
 * never for a learner: 403):
 *
 * - `GET /wallet/collections`, `POST /wallet/collections`;
 * - `PATCH /wallet/collections/{id}` (name, description, visibility, position), `DELETE …`;
 * - `PUT /wallet/collections/{id}/items`: its badges, in the order given.
 */
import { Type } from '@sinclair/typebox';
import { requireWalletUser } from './require-wallet-user.js';
import type { RoutePlugin } from '../http/app-context.js';
import {
  createCollection,
  deleteCollection,
  listCollections,
  MAX_COLLECTIONS,
  setCollectionItems,
  updateCollection,
} from './manage-collections.js';
import {
  Collection,
  CollectionList,
  CollectionParams,
  CreateCollectionBody,
  SetCollectionItemsBody,
  UpdateCollectionBody,
} from './wallet-sharing-schemas.js';

const TAGS = ['wallet'];

export const registerCollectionRoutes: RoutePlugin = (app, { db, clock }) => {
  app.get(
    '/wallet/collections',
    {
      schema: {
        summary: "List the signed-in learner's collections, in order",
        description:
          'Each with its badges in order (`credentialIds`; removed badges are left out) and their `count`.',
        tags: TAGS,
        operationId: 'listWalletCollections',
        response: { 200: CollectionList },
      },
    },
    async (request) => {
      const user = requireWalletUser(request.actor);
      return { items: await listCollections(db, user.userId) };
    },
  );

  app.post(
    '/wallet/collections',
    {
      schema: {
        summary: 'Create a collection (private, placed last)',
        description: `At most ${String(MAX_COLLECTIONS)} collections per wallet (409 ERR_WALLET_COLLECTION_LIMIT).`,
        tags: TAGS,
        operationId: 'createWalletCollection',
        body: CreateCollectionBody,
        response: { 201: Collection },
      },
    },
    async (request, reply) => {
      const user = requireWalletUser(request.actor);
      const collection = await createCollection(db, user.userId, request.body, clock());
      return reply.code(201).send(collection);
    },
  );

  app.patch(
    '/wallet/collections/:collectionId',
    {
      schema: {
        summary: 'Rename, describe, publish or move a collection',
        description:
          '`visibility: public` shows the collection with all its badges on the public profile (when enabled): making a collection public publishes its badges. `position` moves it (0 is first) and the others shift. `description: null` clears it. Another account’s collection is 404.',
        tags: TAGS,
        operationId: 'updateWalletCollection',
        params: CollectionParams,
        body: UpdateCollectionBody,
        response: { 200: Collection },
      },
    },
    async (request) => {
      const user = requireWalletUser(request.actor);
      return updateCollection(db, user.userId, request.params.collectionId, request.body, clock());
    },
  );

  app.delete(
    '/wallet/collections/:collectionId',
    {
      schema: {
        summary: 'Delete a collection (its badges stay in the wallet)',
        tags: TAGS,
        operationId: 'deleteWalletCollection',
        params: CollectionParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const user = requireWalletUser(request.actor);
      await deleteCollection(db, user.userId, request.params.collectionId, clock());
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/wallet/collections/:collectionId/items',
    {
      schema: {
        summary: "Set a collection's badges, in this order",
        description:
          'Replaces the list. Each id must be a badge of this wallet that is not removed (422 ERR_WALLET_COLLECTION_ITEM_UNKNOWN, the bad entries in `fields`), listed once (400 ERR_WALLET_COLLECTION_ITEM_DUPLICATE); at most 500.',
        tags: TAGS,
        operationId: 'setWalletCollectionItems',
        params: CollectionParams,
        body: SetCollectionItemsBody,
        response: { 200: Collection },
      },
    },
    async (request) => {
      const user = requireWalletUser(request.actor);
      return setCollectionItems(
        db,
        user.userId,
        request.params.collectionId,
        request.body,
        clock(),
      );
    },
  );
};
