import {
  ZWebhookDeliveryIdSchema,
  ZWebhookDeliveryListSchema,
  ZWebhookEndpointCreateSchema,
  ZWebhookEndpointIdSchema,
  ZWebhookEndpointUpdateSchema,
} from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import {
  createWebhookEndpoint,
  removeWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhookEndpoint,
} from "./webhooks.commands";
import {
  getWebhookDelivery,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from "./webhooks.queries";

const manage = orgProcedure("webhook.manage");

export const webhooksRouter = router({
  /** The organization's endpoints with their deliveries counted by state and the latest one; never a secret. */
  list: manage.query(({ ctx }) => listWebhookEndpoints(ctx)),
  /** One endpoint, without its secret. */
  get: manage.input(ZWebhookEndpointIdSchema).query(({ ctx, input }) => getWebhookEndpoint(ctx, input)),
  /** A new endpoint; its signing secret is in this answer only. A private or loopback URL is refused. */
  create: manage.input(ZWebhookEndpointCreateSchema).mutation(({ ctx, input }) => createWebhookEndpoint(ctx, input)),
  /** Changes the URL, description, events or target, or turns the endpoint on or off (with the version read). */
  update: manage.input(ZWebhookEndpointUpdateSchema).mutation(({ ctx, input }) => updateWebhookEndpoint(ctx, input)),
  /** Removes the endpoint and its delivery log. */
  remove: manage.input(ZWebhookEndpointIdSchema).mutation(({ ctx, input }) => removeWebhookEndpoint(ctx, input)),
  /** A new signing secret, in this answer only; the old one stops at once. */
  rotateSecret: manage.input(ZWebhookEndpointIdSchema).mutation(({ ctx, input }) => rotateWebhookSecret(ctx, input)),
  /** One endpoint's delivery log, newest first, a page at a time. */
  deliveries: manage.input(ZWebhookDeliveryListSchema).query(({ ctx, input }) => listWebhookDeliveries(ctx, input)),
  /** One delivery with its payload and every attempt. */
  delivery: manage.input(ZWebhookDeliveryIdSchema).query(({ ctx, input }) => getWebhookDelivery(ctx, input)),
  /** Sends a delivery's event again (same event id), as a new delivery. */
  resend: manage.input(ZWebhookDeliveryIdSchema).mutation(({ ctx, input }) => resendWebhookDelivery(ctx, input)),
  /** Sends a test event to the endpoint now and answers with what the receiver said. */
  sendTest: manage.input(ZWebhookEndpointIdSchema).mutation(({ ctx, input }) => sendWebhookTest(ctx, input)),
});
